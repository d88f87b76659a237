package dev.sioconf.suite.wire;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An HTTP answer as the tester saw it, and how long it took to come. {@code body} is the body read
 * as UTF-8; {@code raw} its bytes, for binary payloads (eio3's {@code application/octet-stream}).
 */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body, Duration elapsed, byte[] raw) {

    /** An answer whose bytes are its text in UTF-8. */
    public HttpAnswer(int status, Map<String, List<String>> headers, String body, Duration elapsed) {
        this(status, headers, body, elapsed, body.getBytes(StandardCharsets.UTF_8));
    }

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }

    /** Whether the answer says it carries bytes rather than text. */
    public boolean binary() {
        return header("Content-Type").orElse("").startsWith("application/octet-stream");
    }
}
