package dev.sioconf.suite.client;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * How packets travel in a polling body and a WebSocket binary frame, per Engine.IO revision.
 * Packets are Strings (text, with their type digit) or byte arrays (binary data, without one).
 * Revision 4 joins packets with the record separator and writes binary as {@code b} and base64,
 * and its binary frames are the bare data. Revision 3 writes each packet as {@code <length>:<packet>}
 * (binary as {@code b4} and base64), a client may POST a binary payload instead, and its binary
 * frames start with the message type byte 4.
 */
public enum PayloadFraming {

    EIO4 {
        @Override
        String encode(List<Object> packets) {
            StringBuilder payload = new StringBuilder();
            for (Object p : packets) {
                if (payload.length() > 0) {
                    payload.append(SEPARATOR);
                }
                payload.append(p instanceof byte[] b ? "b" + Base64.getEncoder().encodeToString(b) : (String) p);
            }
            return payload.toString();
        }

        @Override
        List<Object> decode(byte[] body) {
            List<Object> packets = new ArrayList<>();
            for (String p : new String(body, StandardCharsets.UTF_8).split(SEPARATOR, -1)) {
                packets.add(p.startsWith("b") ? base64OrText(p, 1) : p);
            }
            return packets;
        }

        @Override
        byte[] frame(byte[] data) {
            return data;
        }

        @Override
        byte[] unframe(byte[] frame) {
            return frame;
        }
    },

    EIO3 {
        @Override
        String encode(List<Object> packets) {
            StringBuilder payload = new StringBuilder();
            for (Object p : packets) {
                String text = p instanceof byte[] b ? "b4" + Base64.getEncoder().encodeToString(b) : (String) p;
                payload.append(text.length()).append(':').append(text);
            }
            return payload.toString();
        }

        @Override
        List<Object> decode(byte[] body) {
            if (body.length > 0 && (body[0] == 0 || body[0] == 1)) {
                return decodeBinary(body);
            }
            String text = new String(body, StandardCharsets.UTF_8);
            List<Object> packets = new ArrayList<>();
            int i = 0;
            while (i < text.length()) {
                int colon = text.indexOf(':', i);
                int length = colon < 0 ? -1 : parseLength(text.substring(i, colon));
                if (length < 0 || colon + 1 + length > text.length()) {
                    packets.add(text.substring(i)); // not framed as revision 3 frames: kept as text, for the case to fail on
                    break;
                }
                String p = text.substring(colon + 1, colon + 1 + length);
                packets.add(p.startsWith("b4") ? base64OrText(p, 2) : p);
                i = colon + 1 + length;
            }
            return packets;
        }

        /** A binary payload: per packet a kind byte (0 text, 1 binary), its length in decimal digits as bytes, 0xff, the packet. */
        private List<Object> decodeBinary(byte[] body) {
            List<Object> packets = new ArrayList<>();
            int i = 0;
            while (i < body.length) {
                boolean binary = body[i++] == 1;
                int length = 0;
                while (i < body.length && (body[i] & 0xff) != 0xff) {
                    length = length * 10 + body[i++];
                }
                i++;
                int end = Math.min(body.length, i + length);
                if (binary) {
                    ByteArrayOutputStream data = new ByteArrayOutputStream();
                    data.write(body, i + 1, Math.max(0, end - i - 1)); // after the message type byte
                    packets.add(data.toByteArray());
                } else {
                    packets.add(new String(body, i, end - i, StandardCharsets.UTF_8));
                }
                i = end;
            }
            return packets;
        }

        @Override
        byte[] frame(byte[] data) {
            byte[] framed = new byte[data.length + 1];
            framed[0] = 4;
            System.arraycopy(data, 0, framed, 1, data.length);
            return framed;
        }

        @Override
        byte[] unframe(byte[] frame) {
            return frame.length == 0 ? frame : java.util.Arrays.copyOfRange(frame, 1, frame.length);
        }
    };

    static final String SEPARATOR = "\u001e";

    /** The body of a poll answer carrying these packets. */
    abstract String encode(List<Object> packets);

    /** The packets of a POST body. */
    abstract List<Object> decode(byte[] body);

    /** A WebSocket binary frame carrying this data. */
    abstract byte[] frame(byte[] data);

    /** The data a WebSocket binary frame carries. */
    abstract byte[] unframe(byte[] frame);

    public static PayloadFraming of(int revision) {
        return revision == 3 ? EIO3 : EIO4;
    }

    private static int parseLength(String digits) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /**
     * A base64 packet's bytes, after its prefix. Line breaks in the base64 are skipped, as
     * socket.io's servers skip them (the Java client ends its base64 with one); anything else that
     * is not base64 keeps the packet as the text it is, for the case to fail on.
     */
    private static Object base64OrText(String packet, int prefix) {
        try {
            return Base64.getMimeDecoder().decode(packet.substring(prefix));
        } catch (IllegalArgumentException e) {
            return packet;
        }
    }
}
