package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.codec.EnginePacket;

/** The bare Engine.IO echo of spec section 15: every message goes back unchanged. */
public final class EchoApplication implements EngineApplication {

    @Override
    public void onOpen(EngineSession session) {
    }

    @Override
    public void onMessage(EngineSession session, EnginePacket message) {
        session.send(message);
    }

    @Override
    public void onClose(EngineSession session, String reason) {
    }
}
