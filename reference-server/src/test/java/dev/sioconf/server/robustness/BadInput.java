package dev.sioconf.server.robustness;

/**
 * One row of the table: a bad input sent to one profile and transport, and the answer the spec
 * asks for (written the way {@link Wire#normalize} renders answers).
 *
 * @param server   which of the test's servers it goes to
 * @param input    the bad input, as the table shows it
 * @param expected the answer the spec requires, with its requirement ids in {@code because}
 */
record BadInput(Profile profile, String transport, Server server, String input, Probe probe, String expected,
        String because) {

    /** The servers of the table, started once: their settings differ where the rows need it. */
    enum Server {
        /** Defaults, except a maxPayload of 100 000 bytes and a stalled-request timeout of 1 s. */
        MAIN,
        /** Legacy origins and eio CORS limited to http://allowed.example. */
        RESTRICTED,
        /** pingInterval 300 ms and pingTimeout 200 ms, for the heartbeat rows. */
        QUICK_PINGS
    }

    /** Sends the bad input and returns the answer, rendered and normalized. */
    @FunctionalInterface
    interface Probe {
        String run(Wire wire) throws Exception;
    }
}
