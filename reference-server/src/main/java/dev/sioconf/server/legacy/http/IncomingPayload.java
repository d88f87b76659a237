package dev.sioconf.server.legacy.http;

import dev.sioconf.server.legacy.codec.Packet;
import dev.sioconf.server.legacy.codec.PacketCodec;
import dev.sioconf.server.legacy.codec.PacketFormatException;
import dev.sioconf.server.legacy.codec.PayloadCodec;
import dev.sioconf.server.legacy.session.Session;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;

/**
 * A body or frame a client sent, handed to its session. A malformed packet is skipped and the
 * rest of the payload still handled; a payload whose framing is broken is dropped whole. Either
 * way the session stays up, as in socket.io 0.9.
 */
final class IncomingPayload {

    private static final Logger LOG = Logger.getLogger(IncomingPayload.class.getName());

    private IncomingPayload() {
    }

    static void deliver(Session session, String payload) {
        List<String> encoded;
        try {
            encoded = PayloadCodec.split(payload);
        } catch (PacketFormatException e) {
            LOG.fine(() -> "session " + session.id() + ": dropped payload: " + e.getMessage());
            return;
        }
        List<Packet> packets = new ArrayList<>(encoded.size());
        for (String text : encoded) {
            try {
                packets.add(PacketCodec.decode(text));
            } catch (PacketFormatException e) {
                LOG.fine(() -> "session " + session.id() + ": skipped packet: " + e.getMessage());
            }
        }
        session.receive(packets);
    }
}
