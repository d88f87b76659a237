package dev.sioconf.suite.eio4;

import dev.sioconf.suite.wire.JsStrings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The tester's own reading and writing of Engine.IO 4 packets and HTTP payloads (spec/eio4.md
 * sections 4, 5 and 8), kept apart from any server's codec so that a server bug cannot hide by
 * being mirrored here. A packet is handled in its HTTP text form throughout: a type digit and its
 * data, or {@code b} and the base64 of a binary message.
 */
public final class Eio4Codec {

    /** U+001E, between the packets of one HTTP body. */
    public static final char SEPARATOR = '\u001e';
    public static final String SEP = String.valueOf(SEPARATOR);

    private Eio4Codec() {
    }

    /** Packets joined into one HTTP body. */
    public static String payload(String... packets) {
        return String.join(SEP, packets);
    }

    public static String payload(List<String> packets) {
        return String.join(SEP, packets);
    }

    /** The packets of an HTTP body, split at every separator; a body with no packet fails the case. */
    public static List<String> split(String body) {
        if (body.isEmpty()) {
            throw new AssertionError("an HTTP payload must hold at least one packet\nActual: (empty body)");
        }
        List<String> packets = new ArrayList<>();
        int from = 0;
        for (int i = 0; i <= body.length(); i++) {
            if (i == body.length() || body.charAt(i) == SEPARATOR) {
                packets.add(body.substring(from, i));
                from = i + 1;
            }
        }
        for (String p : packets) {
            if (!isPacket(p)) {
                throw new AssertionError("not an Engine.IO packet: \"" + visible(p) + "\"\nin body: \"" + visible(body) + "\"");
            }
        }
        return packets;
    }

    /** A type digit 0-6 with optional data, or {@code b} and base64. */
    public static boolean isPacket(String p) {
        if (p.isEmpty()) {
            return false;
        }
        char c = p.charAt(0);
        return (c >= '0' && c <= '6') || c == 'b';
    }

    /** The HTTP text form of a binary message. */
    public static String binary(byte[] bytes) {
        return "b" + Base64.getEncoder().encodeToString(bytes);
    }

    /** The bytes of a {@code b}-prefixed packet. */
    public static byte[] bytesOf(String packet) {
        if (!packet.startsWith("b")) {
            throw new AssertionError("not a binary message packet: " + packet);
        }
        try {
            return Base64.getDecoder().decode(packet.substring(1));
        } catch (IllegalArgumentException e) {
            throw new AssertionError("not standard base64 after b: " + packet);
        }
    }

    /** A JSONP answer {@code ___eio[N]("...");} for the payload, as EIO4-8.2 fixes it. */
    public static String jsonpAnswer(String index, String payload) {
        return "___eio[" + index + "](" + JsStrings.quoteForScript(payload) + ");";
    }

    /** The form body of a JSONP POST: field {@code d}, line feeds written as {@code \n} (EIO4-8.8). */
    public static String jsonpForm(String payload) {
        String escaped = payload.replace("\\n", "\\\\n").replace("\n", "\\n");
        return "d=" + URLEncoder.encode(escaped, StandardCharsets.UTF_8);
    }

    /** The body as a reader sees it: the separator shown as {@code \x1e}. */
    public static String visible(String body) {
        return body.replace(SEP, "\\x1e");
    }
}
