package dev.sioconf.server.legacy;

import java.util.Arrays;
import java.util.Optional;

/** The transports of protocol revision 1 that the reference server implements, by wire name. */
public enum LegacyTransport {
    WEBSOCKET("websocket", false),
    HTMLFILE("htmlfile", false),
    XHR_POLLING("xhr-polling", true),
    JSONP_POLLING("jsonp-polling", true);

    private final String wireName;
    private final boolean polling;

    LegacyTransport(String wireName, boolean polling) {
        this.wireName = wireName;
        this.polling = polling;
    }

    public String wireName() {
        return wireName;
    }

    /** Polling transports answer each GET once; the others stream and get heartbeats. */
    public boolean polling() {
        return polling;
    }

    public static Optional<LegacyTransport> ofWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
