package dev.sioconf.server;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Query strings and form bodies read as Node's {@code querystring} reads them: a {@code %} that
 * starts no valid escape stays a literal {@code %}. Netty's decoder throws on it instead, which
 * would end the request without an answer.
 */
public final class LenientQuery {

    private static final Pattern BAD_ESCAPE = Pattern.compile("%(?![0-9a-fA-F]{2})");

    private LenientQuery() {
    }

    /** The path and parameters of a request URI. */
    public static QueryStringDecoder ofUri(String uri) {
        return new QueryStringDecoder(escapeStrayPercents(uri));
    }

    /** The parameters of an {@code application/x-www-form-urlencoded} body. */
    public static QueryStringDecoder ofForm(String body) {
        return new QueryStringDecoder(escapeStrayPercents(body), StandardCharsets.UTF_8, false);
    }

    static String escapeStrayPercents(String s) {
        return s.indexOf('%') < 0 ? s : BAD_ESCAPE.matcher(s).replaceAll("%25");
    }
}
