package dev.sioconf.server.legacy.codec;

import dev.sioconf.server.json.JsonString;
import java.util.regex.Pattern;

/** The jsonp-polling wrapper: {@code io.j[N]("<payload as a JSON string>");}. */
public final class JsonpFraming {

    private static final Pattern INDEX = Pattern.compile("\\d+");

    private JsonpFraming() {
    }

    /** The callback index from a request parameter; anything but plain digits falls back to 0. */
    public static String index(String requested) {
        return requested != null && INDEX.matcher(requested).matches() ? requested : "0";
    }

    /**
     * U+2028 and U+2029 are escaped too: JSON allows them raw, but JavaScript before ES2019 ends a
     * string literal at them, and the client runs this answer as a script.
     */
    public static String wrap(String index, String payload) {
        String literal = JsonString.quote(payload).replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        return "io.j[" + index + "](" + literal + ");";
    }
}
