package dev.sioconf.server.interop;

import java.util.List;

/** What a client is allowed to use, and what it must then really end up on. */
enum ClientTransports {
    POLLING_ONLY(List.of("polling"), "polling", false),
    WEBSOCKET_ONLY(List.of("websocket"), "websocket", false),
    POLLING_THEN_UPGRADE(List.of("polling", "websocket"), "websocket", true);

    /** The client's transports option, in order. */
    final List<String> transports;
    /** The transport in use at the end of the run. */
    final String finalTransport;
    /** Whether the run must have gone from polling to websocket by an Engine.IO upgrade. */
    final boolean upgrade;

    ClientTransports(List<String> transports, String finalTransport, boolean upgrade) {
        this.transports = transports;
        this.finalTransport = finalTransport;
        this.upgrade = upgrade;
    }

    /** The transports the engine must have used, in order. */
    List<String> expectedSequence() {
        return upgrade ? List.of("polling", "websocket") : List.of(finalTransport);
    }

    @Override
    public String toString() {
        switch (this) {
            case POLLING_ONLY:
                return "polling only";
            case WEBSOCKET_ONLY:
                return "websocket only";
            default:
                return "polling upgraded to websocket";
        }
    }
}
