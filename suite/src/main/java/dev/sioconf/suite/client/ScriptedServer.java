package dev.sioconf.suite.client;

import java.net.URI;

/** The tester's server side, whatever the revision: where the client connects, and what a case does to its sessions. */
interface ScriptedServer extends AutoCloseable {

    URI base();

    /** Sends a packet on a session: text as the revision writes it, or binary bytes. */
    void send(String sid, Object packet);

    /** Ends the session from the server's side, as the revision's servers lose a connection. */
    void end(String sid);

    /** Whether the session now runs over WebSocket (after an upgrade, or from the start). */
    boolean upgraded(String sid);

    @Override
    void close();
}
