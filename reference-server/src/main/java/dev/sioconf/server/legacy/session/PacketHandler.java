package dev.sioconf.server.legacy.session;

import dev.sioconf.server.legacy.codec.Packet;

/** What the application does with a packet a client sent (the server contract, for the reference server). */
public interface PacketHandler {
    void onPacket(Session session, Packet packet);
}
