package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.Eio4Settings;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.List;

/**
 * The CORS headers of spec section 14, as the npm {@code cors} middleware writes them: nothing
 * without configuration, {@code *} for any origin, or the request's origin when it is listed.
 */
final class CorsPolicy {

    static final String ALLOWED_METHODS = "GET,HEAD,PUT,PATCH,POST,DELETE";

    private final List<String> origins;
    private final boolean credentials;

    CorsPolicy(Eio4Settings settings) {
        this.origins = settings.corsOrigins();
        this.credentials = settings.corsCredentials();
    }

    boolean configured() {
        return !origins.isEmpty();
    }

    /** Adds the headers every answer under the path gets (EIO4-14.2, EIO4-14.3, EIO4-14.6). */
    void addTo(HttpHeaders headers, String requestOrigin) {
        if (origins.isEmpty()) {
            return;
        }
        if (origins.contains(Eio4Settings.ANY_ORIGIN)) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
        } else {
            headers.add(HttpHeaderNames.VARY, "Origin");
            if (requestOrigin != null && origins.contains(requestOrigin)) {
                headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, requestOrigin);
            }
        }
        if (credentials) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }

    /** The extra headers of a preflight answer (EIO4-14.5). */
    void addPreflight(HttpHeaders headers, HttpHeaders request) {
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS);
        String asked = request.get(HttpHeaderNames.ACCESS_CONTROL_REQUEST_HEADERS);
        if (asked != null) {
            headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, asked);
            headers.add(HttpHeaderNames.VARY, "Access-Control-Request-Headers");
        }
    }
}
