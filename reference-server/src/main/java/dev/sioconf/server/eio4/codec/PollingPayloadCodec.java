package dev.sioconf.server.eio4.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP body of the polling transport: packets in their string form joined by the record
 * separator U+001E, with no length prefix and no separator at either end (EIO4-5.1).
 *
 * <p>Text is not escaped, so a text packet holding U+001E cannot survive the trip; socket.io
 * 4.8.x has the same limit, and Socket.IO's JSON never holds a raw U+001E.
 */
public final class PollingPayloadCodec {

    public static final char RECORD_SEPARATOR = '\u001e';

    private PollingPayloadCodec() {
    }

    public static String encode(List<EnginePacket> packets) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("an empty payload has no encoding");
        }
        StringBuilder out = new StringBuilder();
        for (EnginePacket packet : packets) {
            if (out.length() > 0) {
                out.append(RECORD_SEPARATOR);
            }
            out.append(EnginePacketCodec.encode(packet));
        }
        return out.toString();
    }

    /**
     * Decodes every packet of a body, or none: one bad packet rejects the whole body, so the
     * server never acts on part of a body it is about to refuse (EIO4-7.9).
     */
    public static List<EnginePacket> decode(String body) {
        // limit -1 keeps trailing empty parts, which are malformed packets, not padding
        String[] parts = body.split(String.valueOf(RECORD_SEPARATOR), -1);
        List<EnginePacket> packets = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            try {
                packets.add(EnginePacketCodec.decode(parts[i]));
            } catch (MalformedPacketException e) {
                throw new MalformedPacketException("packet " + (i + 1) + " of " + parts.length
                        + " in the payload: " + e.getMessage(), e);
            }
        }
        return packets;
    }
}
