package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.codec.EnginePacket;

/**
 * What runs on top of Engine.IO: the Socket.IO layer on {@code /socket.io/}, the bare echo on
 * {@code /engine.io/}. Every call is made while the session's lock is held, so an application
 * keeps its per-session state consistent without locks of its own.
 */
public interface EngineApplication {

    void onOpen(EngineSession session);

    /** A message packet from the client, text or binary. */
    void onMessage(EngineSession session, EnginePacket message);

    void onClose(EngineSession session, String reason);
}
