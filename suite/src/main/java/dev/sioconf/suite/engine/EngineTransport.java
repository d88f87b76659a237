package dev.sioconf.suite.engine;

import dev.sioconf.suite.target.EngineSettings;

/**
 * The ways a case drives an Engine.IO 4 session: XHR polling, JSONP polling, a WebSocket opened
 * directly, and a polling session upgraded to a WebSocket.
 */
public enum EngineTransport {
    POLLING("polling"),
    POLLING_JSONP("polling-jsonp"),
    WEBSOCKET("websocket"),
    UPGRADE("upgrade");

    private final String reportName;

    EngineTransport(String reportName) {
        this.reportName = reportName;
    }

    public String reportName() {
        return reportName;
    }

    /** Whether the session starts on HTTP long-polling. */
    public boolean startsPolling() {
        return this != WEBSOCKET;
    }

    /** Whether the packets of the session (after any upgrade) travel in HTTP bodies. */
    public boolean http() {
        return this == POLLING || this == POLLING_JSONP;
    }

    /** Whether a target with these declared settings can be driven this way. */
    public boolean offeredBy(EngineSettings s) {
        return switch (this) {
            case POLLING -> s.offers("polling");
            case POLLING_JSONP -> s.offers("polling") && s.jsonp();
            case WEBSOCKET -> s.offers("websocket");
            case UPGRADE -> s.upgrades();
        };
    }

    @Override
    public String toString() {
        return reportName;
    }
}
