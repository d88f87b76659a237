package dev.sioconf.suite.wire;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** An HTTP answer as the tester saw it, and how long it took to come. */
public record HttpAnswer(int status, Map<String, List<String>> headers, String body, Duration elapsed) {

    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name))
                .flatMap(e -> e.getValue().stream())
                .findFirst();
    }
}
