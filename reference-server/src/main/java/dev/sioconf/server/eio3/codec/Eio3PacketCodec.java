package dev.sioconf.server.eio3.codec;

import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import java.util.Base64;

/**
 * Single Engine.IO 3 packets in their string form, as engine.io-parser 2.x writes them:
 * {@code <digit><data>} for text packets and {@code b4<base64>} for a binary message (the
 * {@code b}, then the packet type, then base64). Engine.IO 4 drops the type digit after {@code b}.
 */
public final class Eio3PacketCodec {

    public static final char BASE64_MARK = 'b';

    private Eio3PacketCodec() {
    }

    public static String encode(EnginePacket packet) {
        return encode(packet, true);
    }

    /** @param typeAfterMark false only for the fault that leaves the type digit out of {@code b4} */
    public static String encode(EnginePacket packet, boolean typeAfterMark) {
        if (packet.isBinary()) {
            return BASE64_MARK + (typeAfterMark ? String.valueOf(packet.type().digit()) : "")
                    + Base64.getEncoder().encodeToString(packet.bytes());
        }
        return packet.type().digit() + packet.text();
    }

    public static EnginePacket decode(String encoded) {
        if (encoded.isEmpty()) {
            throw new MalformedPacketException("an empty string is no Engine.IO packet");
        }
        if (encoded.charAt(0) != BASE64_MARK) {
            return EnginePacket.text(EnginePacketType.ofDigit(encoded.charAt(0)), encoded.substring(1));
        }
        if (encoded.length() < 2 || EnginePacketType.ofDigit(encoded.charAt(1)) != EnginePacketType.MESSAGE) {
            throw new MalformedPacketException("a base64 packet that is no message: "
                    + MalformedPacketException.abbreviate(encoded));
        }
        try {
            return EnginePacket.binaryMessage(Base64.getDecoder().decode(encoded.substring(2).replaceAll("[\\r\\n]", "")));
        } catch (IllegalArgumentException e) {
            throw new MalformedPacketException("binary packet with bad base64: "
                    + MalformedPacketException.abbreviate(encoded), e);
        }
    }
}
