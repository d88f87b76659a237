package dev.sioconf.server.eio4.codec;

import java.util.Base64;

/**
 * Single Engine.IO 4 packets in their string form: {@code <digit><data>} for text packets and
 * {@code b<base64>} for binary messages. That form is what HTTP payloads hold; on WebSocket a
 * binary message travels as the bare bytes of {@link EnginePacket#bytes()} instead.
 */
public final class EnginePacketCodec {

    public static final char BINARY_MARK = 'b';

    private EnginePacketCodec() {
    }

    public static String encode(EnginePacket packet) {
        if (packet.isBinary()) {
            return BINARY_MARK + Base64.getEncoder().encodeToString(packet.bytes());
        }
        return packet.type().digit() + packet.text();
    }

    /** Reads a packet from its string form; a WebSocket text frame is read the same way (EIO4-9.4). */
    public static EnginePacket decode(String encoded) {
        if (encoded.isEmpty()) {
            throw new MalformedPacketException("an empty string is no Engine.IO packet");
        }
        char first = encoded.charAt(0);
        if (first == BINARY_MARK) {
            return EnginePacket.binaryMessage(decodeBase64(encoded.substring(1)));
        }
        return EnginePacket.text(EnginePacketType.ofDigit(first), encoded.substring(1));
    }

    private static byte[] decodeBase64(String base64) {
        try {
            // line breaks are skipped (EIO4-4.8): the Java client 2.1.2 ends its base64 with one
            return Base64.getDecoder().decode(base64.replaceAll("[\\r\\n]", ""));
        } catch (IllegalArgumentException e) {
            throw new MalformedPacketException("binary packet with bad base64: "
                    + MalformedPacketException.abbreviate(base64), e);
        }
    }
}
