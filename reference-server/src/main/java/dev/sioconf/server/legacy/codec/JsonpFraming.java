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

    public static String wrap(String index, String payload) {
        return "io.j[" + index + "](" + JsonString.quote(payload) + ");";
    }
}
