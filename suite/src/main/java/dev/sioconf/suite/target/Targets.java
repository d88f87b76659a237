package dev.sioconf.suite.target;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The targets of a run, from configuration: an external server when {@code sioconf.target} is set,
 * else the bundled reference server in its scenarios. Every key is also a system property, so
 * {@code mvn verify -Dsioconf.target=http://host:port -Dsioconf.transports=xhr-polling} works.
 */
public final class Targets {

    public static final String TARGET = "sioconf.target";
    public static final String NAME = "sioconf.targetName";
    public static final String PROFILE = "sioconf.profile";
    public static final String TRANSPORTS = "sioconf.transports";
    public static final String POLLING_DURATION = "sioconf.pollingDuration";
    public static final String HEARTBEAT_TIMEOUT = "sioconf.heartbeatTimeout";
    public static final String CLOSE_TIMEOUT = "sioconf.closeTimeout";
    public static final String ORIGINS = "sioconf.origins";
    public static final String REFERENCE_FAULTS = "sioconf.reference.faults";

    private static final List<String> KNOWN_TRANSPORTS =
            List.of("websocket", "htmlfile", "xhr-polling", "jsonp-polling", "flashsocket");

    private Targets() {
    }

    public static List<Target> resolve(Function<String, Optional<String>> config) {
        Optional<String> url = config.apply(TARGET).filter(s -> !s.isBlank());
        if (url.isEmpty()) {
            return EmbeddedReference.targets(EmbeddedReference.parseFaults(config.apply(REFERENCE_FAULTS).orElse("")));
        }
        return List.of(external(url.get(), config));
    }

    static Target external(String url, Function<String, Optional<String>> config) {
        URI base = parseBase(url);
        String profile = config.apply(PROFILE).orElse("legacy");
        if (!profile.equals("legacy")) {
            throw new IllegalArgumentException("profile '" + profile + "' is not available yet; known: legacy");
        }
        DeclaredSettings d = DeclaredSettings.legacyDefaults();
        List<String> transports = config.apply(TRANSPORTS).map(Targets::parseTransports).orElse(d.transports());
        Duration polling = config.apply(POLLING_DURATION).map(v -> seconds(POLLING_DURATION, v)).orElse(d.pollingDuration());
        Optional<String> heartbeatValue = config.apply(HEARTBEAT_TIMEOUT);
        Duration heartbeat = heartbeatValue.isEmpty() ? d.heartbeatTimeout()
                : heartbeatValue.get().equalsIgnoreCase("off") ? null : seconds(HEARTBEAT_TIMEOUT, heartbeatValue.get());
        Duration close = config.apply(CLOSE_TIMEOUT).map(v -> seconds(CLOSE_TIMEOUT, v)).orElse(d.closeTimeout());
        List<String> origins = config.apply(ORIGINS)
                .map(v -> Arrays.stream(v.split(",")).map(String::trim).filter(o -> !o.isEmpty()).toList())
                .orElse(d.origins());
        String name = config.apply(NAME).orElse(base.getHost() + ":" + base.getPort());
        return new Target(name, base, profile, new DeclaredSettings(transports, polling, heartbeat, close, origins));
    }

    public static URI parseBase(String url) {
        URI base;
        try {
            base = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("target '" + url + "' is not a URL");
        }
        if (!"http".equals(base.getScheme()) || base.getHost() == null) {
            throw new IllegalArgumentException("target '" + url + "' must be an http://host:port URL");
        }
        if (base.getPort() < 0) {
            base = URI.create("http://" + base.getHost() + ":80");
        }
        return base;
    }

    public static List<String> parseTransports(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the transports list is empty");
        }
        for (String n : names) {
            if (!KNOWN_TRANSPORTS.contains(n)) {
                throw new IllegalArgumentException("unknown transport '" + n + "'; known: " + String.join(", ", KNOWN_TRANSPORTS));
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("a transport is listed twice in '" + list + "'");
        }
        return names;
    }

    public static Duration seconds(String key, String value) {
        try {
            BigDecimal s = new BigDecimal(value.trim());
            if (s.signum() <= 0 || s.compareTo(BigDecimal.valueOf(3600)) > 0) {
                throw new IllegalArgumentException(key + " must be above 0 and at most 3600 seconds, not '" + value + "'");
            }
            return Duration.ofMillis(s.movePointRight(3).longValueExact());
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException(key + " must be a number of seconds, not '" + value + "'");
        }
    }
}
