package dev.sioconf.server.legacy.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * Several encoded packets in one body. One packet travels bare; two or more are each framed
 * {@code \ufffd<length>\ufffd<packet>}, the length counted in UTF-16 code units as JavaScript does.
 */
public final class PayloadCodec {

    public static final char FRAME_MARK = '\ufffd';

    private PayloadCodec() {
    }

    public static String encode(List<String> packets) {
        if (packets.isEmpty()) {
            throw new IllegalArgumentException("an empty payload has no encoding");
        }
        if (packets.size() == 1) {
            return packets.get(0);
        }
        StringBuilder out = new StringBuilder();
        for (String packet : packets) {
            out.append(FRAME_MARK).append(packet.length()).append(FRAME_MARK).append(packet);
        }
        return out.toString();
    }

    /** Splits a body into its encoded packets without decoding them. */
    public static List<String> split(String body) {
        if (body.isEmpty() || body.charAt(0) != FRAME_MARK) {
            return List.of(body);
        }
        List<String> packets = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            if (body.charAt(i) != FRAME_MARK) {
                throw new PacketFormatException("expected a frame mark at " + i + " of " + PacketCodec.abbreviate(body));
            }
            int end = body.indexOf(FRAME_MARK, i + 1);
            if (end < 0) {
                throw new PacketFormatException("frame length not closed at " + i);
            }
            int length = parseLength(body.substring(i + 1, end));
            int start = end + 1;
            if (start + length > body.length()) {
                throw new PacketFormatException("frame of length " + length + " runs past the end of the body");
            }
            packets.add(body.substring(start, start + length));
            i = start + length;
        }
        return packets;
    }

    public static List<Packet> decode(String body) {
        return split(body).stream().map(PacketCodec::decode).toList();
    }

    private static int parseLength(String digits) {
        if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new PacketFormatException("bad frame length '" + PacketCodec.abbreviate(digits) + "'");
        }
        return Integer.parseInt(digits);
    }
}
