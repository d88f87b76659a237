package dev.sioconf.reports.html;

/**
 * Escaping for everything a report prints. Whatever came from a target (bodies, headers, frames,
 * failure messages, even target names) goes through {@link #text} or {@link #attr}: a hostile
 * server must not be able to place markup in the report.
 */
public final class Html {

    private Html() {
    }

    /** Text content, safe both between tags and inside a double- or single-quoted attribute. */
    public static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                // NUL and the other C0 controls (but tab, LF, CR) are not allowed in HTML text
                default -> out.append(c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }

    /** An attribute value; the caller writes the surrounding double quotes. */
    public static String attr(String s) {
        return text(s);
    }

    /** Markdown as written in spec/, with {@code `code`} spans shown as code; everything else is text. */
    public static String specText(String markdown) {
        String escaped = text(markdown);
        return escaped.replaceAll("`([^`]+)`", "<code>$1</code>");
    }

    /** The first line of a text, cut to {@code max} characters, for tooltips. */
    public static String firstLine(String s, int max) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        String line = nl < 0 ? s : s.substring(0, nl);
        return line.length() <= max ? line : line.substring(0, max - 1) + "\u2026";
    }
}
