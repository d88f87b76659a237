package dev.sioconf.suite.wire;

/**
 * JavaScript string literals as the servers under test write them into JSONP and htmlfile
 * bodies, and back: the suite's own, written apart from the reference server's.
 */
public final class JsStrings {

    private JsStrings() {
    }

    /** A string literal as {@code JSON.stringify} writes it (socket.io 0.9's jsonp and htmlfile). */
    public static String quote(String s) {
        return quote(s, false);
    }

    /** As {@link #quote}, with U+2028 and U+2029 escaped too, as engine.io's JSONP answers need them. */
    public static String quoteForScript(String s) {
        return quote(s, true);
    }

    private static String quote(String s, boolean lineSeparators) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\u2028', '\u2029' -> out.append(lineSeparators ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    /** The value of a string literal, also taking the {@code \/} that htmlfile writes; anything else fails the case. */
    public static String unquote(String literal) {
        if (literal.length() < 2 || literal.charAt(0) != '"' || literal.charAt(literal.length() - 1) != '"') {
            throw new AssertionError("not a string literal\nActual: " + literal);
        }
        StringBuilder out = new StringBuilder();
        for (int i = 1; i < literal.length() - 1; i++) {
            char c = literal.charAt(i);
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char e = literal.charAt(++i);
            switch (e) {
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'u' -> {
                    out.append((char) Integer.parseInt(literal.substring(i + 1, i + 5), 16));
                    i += 4;
                }
                default -> out.append(e);
            }
        }
        return out.toString();
    }
}
