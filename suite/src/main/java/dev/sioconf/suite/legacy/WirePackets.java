package dev.sioconf.suite.legacy;

import java.util.ArrayList;
import java.util.List;

/**
 * The tester's own reading and writing of payloads, kept apart from the reference server's codec
 * so that a bug there cannot hide itself by being mirrored here.
 */
public final class WirePackets {

    public static final char MARK = '\ufffd';

    private WirePackets() {
    }

    /** Several packets framed {@code \ufffd<len>\ufffd<packet>}; a single packet bare. */
    public static String frame(List<String> packets) {
        if (packets.size() == 1) {
            return packets.get(0);
        }
        StringBuilder out = new StringBuilder();
        packets.forEach(p -> out.append(MARK).append(p.length()).append(MARK).append(p));
        return out.toString();
    }

    /** The packets of a body; a broken frame fails the case with the body shown. */
    public static List<String> split(String body) {
        if (body.isEmpty() || body.charAt(0) != MARK) {
            return List.of(body);
        }
        List<String> packets = new ArrayList<>();
        int at = 0;
        while (at < body.length()) {
            int close = body.indexOf(MARK, at + 1);
            String digits = close < 0 ? "" : body.substring(at + 1, close);
            if (body.charAt(at) != MARK || close < 0 || !digits.matches("[0-9]{1,9}")) {
                throw new AssertionError("broken frame at character " + at + "\nActual: " + body);
            }
            int length = Integer.parseInt(digits);
            if (close + 1 + length > body.length()) {
                throw new AssertionError("frame of length " + length + " at character " + at
                        + " runs past the end of the body\nActual: " + body);
            }
            packets.add(body.substring(close + 1, close + 1 + length));
            at = close + 1 + length;
        }
        return packets;
    }
}
