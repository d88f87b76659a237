package dev.sioconf.server.legacy.http;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** The {@code d=...} field of a jsonp-polling form post. */
final class FormPayload {

    private FormPayload() {
    }

    static String field(String formBody, String name) {
        List<String> values = new QueryStringDecoder(formBody, StandardCharsets.UTF_8, false)
                .parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
