package dev.sioconf.server.legacy.http;

import dev.sioconf.server.LenientQuery;
import dev.sioconf.server.json.JsonString;
import java.util.List;

/** The payload of a jsonp-polling form post: field {@code d}, holding a JSON string literal (LEG-11.4). */
final class FormPayload {

    private FormPayload() {
    }

    /** The payload, or null when the form has no {@code d} or it is not a JSON string (LEG-11.5: ignored). */
    static String jsonpPayload(String formBody) {
        String d = field(formBody, "d");
        if (d == null) {
            return null;
        }
        try {
            return JsonString.unquote(d);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static String field(String formBody, String name) {
        List<String> values = LenientQuery.ofForm(formBody)
                .parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
