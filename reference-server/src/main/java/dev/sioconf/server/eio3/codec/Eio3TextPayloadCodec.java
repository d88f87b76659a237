package dev.sioconf.server.eio3.codec;

import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The text body of Engine.IO 3 polling: each packet framed {@code <length>:<packet>}, joined
 * without separator. The length counts the characters of the packet's string form as JavaScript
 * does (UTF-16 code units), not bytes: {@code 4é😀} is {@code 4:4é😀}.
 */
public final class Eio3TextPayloadCodec {

    private Eio3TextPayloadCodec() {
    }

    public static String encode(List<EnginePacket> packets) {
        return encode(packets, false, true);
    }

    /**
     * @param lengthInBytes true only for the fault that counts UTF-8 bytes
     * @param typeAfterMark false only for the fault that writes {@code b} instead of {@code b4}
     */
    public static String encode(List<EnginePacket> packets, boolean lengthInBytes, boolean typeAfterMark) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("an empty payload has no encoding");
        }
        StringBuilder out = new StringBuilder();
        for (EnginePacket packet : packets) {
            String s = Eio3PacketCodec.encode(packet, typeAfterMark);
            int length = lengthInBytes ? s.getBytes(StandardCharsets.UTF_8).length : s.length();
            out.append(length).append(':').append(s);
        }
        return out.toString();
    }

    /** Every packet of a body, or none: one bad frame rejects the whole body, as engine.io-parser 2.x does. */
    public static List<EnginePacket> decode(String body) {
        if (body.isEmpty()) {
            throw new MalformedPacketException("an empty payload");
        }
        List<EnginePacket> packets = new ArrayList<>();
        int pos = 0;
        while (pos < body.length()) {
            int colon = body.indexOf(':', pos);
            if (colon <= pos) {
                throw new MalformedPacketException("payload frame without a length at " + pos + ": "
                        + MalformedPacketException.abbreviate(body));
            }
            int length;
            try {
                length = Integer.parseInt(body.substring(pos, colon));
            } catch (NumberFormatException e) {
                throw new MalformedPacketException("payload frame with a bad length at " + pos + ": "
                        + MalformedPacketException.abbreviate(body));
            }
            // compared before adding: colon + 1 + length overflows for lengths near Integer.MAX_VALUE
            if (length < 1 || length > body.length() - colon - 1) {
                throw new MalformedPacketException("payload frame of length " + length + " does not fit: "
                        + MalformedPacketException.abbreviate(body));
            }
            int end = colon + 1 + length;
            packets.add(Eio3PacketCodec.decode(body.substring(colon + 1, end)));
            pos = end;
        }
        return packets;
    }
}
