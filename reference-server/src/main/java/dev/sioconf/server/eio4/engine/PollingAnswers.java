package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.json.JsonString;

/** The JSONP wrapping of poll answers (spec section 8). */
final class PollingAnswers {

    private PollingAnswers() {
    }

    /**
     * The payload as it goes out: unchanged for XHR polling, else {@code ___eio[N]("...");} with
     * U+2028 and U+2029 escaped too, which JSON allows raw but JavaScript does not (EIO4-8.3).
     */
    static String wrap(String payload, String jsonpIndex) {
        if (jsonpIndex == null) {
            return payload;
        }
        String literal = JsonString.quote(payload).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return "___eio[" + jsonpIndex + "](" + literal + ");";
    }

    /** EIO4-8.6: only the digits of {@code j} survive, so no client text reaches the script. */
    static String jsonpIndex(String j) {
        return j == null ? null : j.replaceAll("[^0-9]", "");
    }

    /** Undoes the client's escaping of line feeds in the form field {@code d} (EIO4-8.8). */
    static String unescapeJsonpData(String d) {
        StringBuilder out = new StringBuilder(d.length());
        for (int i = 0; i < d.length(); i++) {
            char c = d.charAt(i);
            if (c == '\\' && d.startsWith("\\\\n", i)) {
                out.append("\\n");
                i += 2;
            } else if (c == '\\' && d.startsWith("\\n", i)) {
                out.append('\n');
                i += 1;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
