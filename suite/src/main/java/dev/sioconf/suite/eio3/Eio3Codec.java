package dev.sioconf.suite.eio3;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The tester's own reading and writing of Engine.IO 3 packets and HTTP payloads (spec/eio3.md),
 * kept apart from any server's codec. A packet is handled in its text form throughout: a type
 * digit and its data, or {@code b4} and the base64 of a binary message.
 *
 * <p>Two payload forms: text, each packet framed {@code <length>:<packet>} with the length in
 * UTF-16 code units (Java's {@link String#length()}); and binary ({@code application/octet-stream}),
 * each packet framed by a byte 0 (text) or 1 (binary), its length in UTF-8 bytes as one byte per
 * decimal digit, and a byte 255.
 */
public final class Eio3Codec {

    private Eio3Codec() {
    }

    /** Packets framed into one text payload. */
    public static String payload(List<String> packets) {
        StringBuilder out = new StringBuilder();
        for (String p : packets) {
            out.append(p.length()).append(':').append(p);
        }
        return out.toString();
    }

    public static String payload(String... packets) {
        return payload(List.of(packets));
    }

    /** The packets of a text payload; a body that is not a sequence of framed packets fails the case. */
    public static List<String> split(String body) {
        if (body.isEmpty()) {
            throw new AssertionError("an HTTP payload must hold at least one packet\nActual: (empty body)");
        }
        List<String> packets = new ArrayList<>();
        int at = 0;
        while (at < body.length()) {
            int colon = body.indexOf(':', at);
            String digits = colon < 0 ? "" : body.substring(at, colon);
            if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
                throw new AssertionError("a text payload must frame each packet as <length>:<packet>; no length at char " + at
                        + "\nActual: \"" + body + "\"");
            }
            int length = Integer.parseInt(digits);
            int end = colon + 1 + length;
            if (end > body.length()) {
                throw new AssertionError("a framed packet of length " + length + " runs past the end of the body (at char " + at
                        + ", lengths count UTF-16 code units)\nActual: \"" + body + "\"");
            }
            String p = body.substring(colon + 1, end);
            if (!isPacket(p)) {
                throw new AssertionError("not an Engine.IO 3 packet: \"" + p + "\"\nin body: \"" + body + "\"");
            }
            packets.add(p);
            at = end;
        }
        return packets;
    }

    /** The packets of a binary payload, binary ones in their {@code b4} text form. */
    public static List<String> splitBinary(byte[] body) {
        if (body.length == 0) {
            throw new AssertionError("an HTTP payload must hold at least one packet\nActual: (empty body)");
        }
        List<String> packets = new ArrayList<>();
        int at = 0;
        while (at < body.length) {
            int kind = body[at];
            if (kind != 0 && kind != 1) {
                throw new AssertionError("a binary payload packet must start with byte 0 or 1, not " + (body[at] & 0xff) + " at byte " + at);
            }
            int i = at + 1;
            long length = 0;
            int digits = 0;
            while (i < body.length && (body[i] & 0xff) != 255) {
                int d = body[i];
                if (d < 0 || d > 9 || ++digits > 9) {
                    throw new AssertionError("a binary payload length must be digit bytes 0-9 ended by 255; byte " + (body[i] & 0xff)
                            + " at " + i);
                }
                length = length * 10 + d;
                i++;
            }
            if (digits == 0 || i >= body.length) {
                throw new AssertionError("a binary payload packet at byte " + at + " has no length ended by byte 255");
            }
            int start = i + 1;
            if (start + length > body.length) {
                throw new AssertionError("a binary payload packet of " + length + " bytes runs past the end of the body (at byte " + at + ")");
            }
            byte[] data = java.util.Arrays.copyOfRange(body, start, (int) (start + length));
            if (kind == 0) {
                String p = new String(data, StandardCharsets.UTF_8);
                if (!isPacket(p)) {
                    throw new AssertionError("not an Engine.IO 3 packet in a binary payload: \"" + p + "\"");
                }
                packets.add(p);
            } else {
                packets.add(fromFrame(data));
            }
            at = (int) (start + length);
        }
        return packets;
    }

    /** Packets in the binary payload form, text ones as UTF-8 and {@code b4} ones as type byte 4 and data. */
    public static byte[] binaryPayload(List<String> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (String p : packets) {
            boolean binary = p.startsWith("b");
            byte[] data = binary ? frameOf(p) : p.getBytes(StandardCharsets.UTF_8);
            out.write(binary ? 1 : 0);
            for (char c : Integer.toString(data.length).toCharArray()) {
                out.write(c - '0');
            }
            out.write(255);
            out.writeBytes(data);
        }
        return out.toByteArray();
    }

    /** A type digit 0-6 with optional data, or {@code b} followed by a type digit and base64. */
    public static boolean isPacket(String p) {
        if (p.isEmpty()) {
            return false;
        }
        char c = p.charAt(0);
        return (c >= '0' && c <= '6') || (c == 'b' && p.length() > 1 && p.charAt(1) >= '0' && p.charAt(1) <= '6');
    }

    /** The text form of a binary message: {@code b4} and base64. */
    public static String binary(byte[] bytes) {
        return "b4" + Base64.getEncoder().encodeToString(bytes);
    }

    /** The data of a {@code b4}-prefixed packet. */
    public static byte[] bytesOf(String packet) {
        if (!packet.startsWith("b4")) {
            throw new AssertionError("not a base64 message packet b4...: " + packet);
        }
        try {
            return Base64.getDecoder().decode(packet.substring(2));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not standard base64 after b4: " + packet);
        }
    }

    /** A binary WebSocket frame (or binary payload packet) for a {@code b4} packet: the type byte 4, then the data. */
    public static byte[] frameOf(String packet) {
        byte[] data = bytesOf(packet);
        byte[] frame = new byte[data.length + 1];
        frame[0] = 4;
        System.arraycopy(data, 0, frame, 1, data.length);
        return frame;
    }

    /** The text form of a binary frame, which must start with the type byte 4 of a message. */
    public static String fromFrame(byte[] frame) {
        if (frame.length == 0 || frame[0] != 4) {
            throw new AssertionError("a binary message must start with the packet type byte 4\nActual: "
                    + dev.sioconf.suite.wire.WebSocketWire.hex(frame));
        }
        return binary(java.util.Arrays.copyOfRange(frame, 1, frame.length));
    }
}
