package dev.sioconf.server.json;

/**
 * A string as a JSON string literal, escaped exactly as JavaScript's {@code JSON.stringify} does:
 * every profile writes strings that clients compare byte for byte (legacy jsonp and htmlfile
 * wrapping, eio4 packets).
 */
public final class JsonString {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonString() {
    }

    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20 || isLoneSurrogate(s, i)) {
                        unicodeEscape(out, c);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    /**
     * Reads a JSON string literal back, as jsonp-polling clients post their payload in it.
     *
     * @throws IllegalArgumentException when {@code literal} is not exactly one JSON string
     */
    public static String unquote(String literal) {
        int end = literal.length() - 1;
        if (end < 1 || literal.charAt(0) != '"' || literal.charAt(end) != '"') {
            throw new IllegalArgumentException("not a JSON string literal");
        }
        StringBuilder out = new StringBuilder(end);
        for (int i = 1; i < end; i++) {
            char c = literal.charAt(i);
            if (c == '"' || c < 0x20) {
                throw new IllegalArgumentException("unescaped character in a JSON string at " + i);
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (++i >= end) {
                throw new IllegalArgumentException("escape at the end of a JSON string");
            }
            switch (literal.charAt(i)) {
                case '"' -> out.append('"');
                case '\\' -> out.append('\\');
                case '/' -> out.append('/');
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    if (i + 4 >= end) {
                        throw new IllegalArgumentException("short \\u escape at " + i);
                    }
                    int code = 0;
                    for (int k = i + 1; k <= i + 4; k++) {
                        int digit = hexDigit(literal.charAt(k));
                        if (digit < 0) {
                            throw new IllegalArgumentException("bad \\u escape at " + i);
                        }
                        code = code * 16 + digit;
                    }
                    out.append((char) code);
                    i += 4;
                }
                default -> throw new IllegalArgumentException("bad escape at " + i);
            }
        }
        return out.toString();
    }

    /** Only 0-9, a-f, A-F: Integer.parseInt would also take a sign and non-ASCII digits. */
    private static int hexDigit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
    }

    private static boolean isLoneSurrogate(String s, int i) {
        char c = s.charAt(i);
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }

    private static void unicodeEscape(StringBuilder out, char c) {
        out.append("\\u").append(HEX[(c >> 12) & 0xf]).append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf]).append(HEX[c & 0xf]);
    }
}
