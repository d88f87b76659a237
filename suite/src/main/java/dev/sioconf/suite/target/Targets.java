package dev.sioconf.suite.target;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    /** {@code declared} (the default: the target runs the contract application) or {@code none}. */
    public static final String CONTRACT = "sioconf.contract";
    /** Declared settings the server's handshake contradicts, as the console said them; failing cases repeat it. */
    public static final String MISMATCHES = "sioconf.mismatches";

    // eio4 profile (spec/eio4.md 1.2); timings in milliseconds, sizes in bytes
    public static final String PATH = "sioconf.path";
    public static final String ALLOW_UPGRADES = "sioconf.allowUpgrades";
    public static final String JSONP = "sioconf.jsonp";
    public static final String PING_INTERVAL = "sioconf.pingInterval";
    public static final String PING_TIMEOUT = "sioconf.pingTimeout";
    public static final String MAX_PAYLOAD = "sioconf.maxPayload";
    public static final String UPGRADE_TIMEOUT = "sioconf.upgradeTimeout";
    public static final String CONNECT_TIMEOUT = "sioconf.connectTimeout";
    public static final String CORS = "sioconf.cors";
    public static final String CORS_CREDENTIALS = "sioconf.corsCredentials";
    public static final String ECHO_PATH = "sioconf.echoPath";

    public static final List<String> PROFILES = List.of("legacy", "eio3", "eio4");
    /** The keys only the legacy profile reads, and those only eio3/eio4 read: naming one for the other profile is a mistake. */
    public static final List<String> LEGACY_KEYS = List.of(POLLING_DURATION, HEARTBEAT_TIMEOUT, CLOSE_TIMEOUT, ORIGINS);
    public static final List<String> EIO4_KEYS = List.of(PATH, ALLOW_UPGRADES, JSONP, PING_INTERVAL, PING_TIMEOUT,
            MAX_PAYLOAD, UPGRADE_TIMEOUT, CONNECT_TIMEOUT, CORS, CORS_CREDENTIALS, ECHO_PATH);

    private static final List<String> KNOWN_TRANSPORTS =
            List.of("websocket", "htmlfile", "xhr-polling", "jsonp-polling", "flashsocket");

    private Targets() {
    }

    /**
     * Every target of the run, of every profile; each case family keeps those of its own profile.
     * Without {@code sioconf.target}: the bundled reference server's scenarios, of the profile
     * {@code sioconf.profile} names or of both when it names none.
     */
    public static List<Target> resolve(Function<String, Optional<String>> config) {
        Optional<String> url = config.apply(TARGET).filter(s -> !s.isBlank());
        if (url.isEmpty()) {
            String faults = config.apply(REFERENCE_FAULTS).orElse("");
            Optional<String> only = config.apply(PROFILE).filter(p -> !p.isBlank());
            List<Target> all = new java.util.ArrayList<>();
            if (only.isEmpty() || only.get().equals("legacy")) {
                all.addAll(EmbeddedReference.targets(EmbeddedReference.parseFaults(faults)));
            }
            if (only.isEmpty() || only.get().equals("eio3")) {
                all.addAll(EmbeddedReference.eio3Targets(EmbeddedReference.parseEio3Faults(faults)));
            }
            if (only.isEmpty() || only.get().equals("eio4")) {
                all.addAll(EmbeddedReference.eio4Targets(EmbeddedReference.parseEio4Faults(faults)));
            }
            return List.copyOf(all);
        }
        Target t = external(url.get(), config).withMismatches(config.apply(MISMATCHES).orElse(""));
        return List.of(contractFree(config) ? t.withoutContract() : t);
    }

    /** Whether the configuration says the target runs no contract application. */
    static boolean contractFree(Function<String, Optional<String>> config) {
        String v = config.apply(CONTRACT).map(String::trim).orElse("declared");
        return switch (v) {
            case "none" -> true;
            case "declared" -> false;
            default -> throw new IllegalArgumentException(CONTRACT + " must be declared or none, not '" + v + "'");
        };
    }

    /** The targets of one profile. */
    public static List<Target> resolve(Function<String, Optional<String>> config, String profile) {
        return resolve(config).stream().filter(t -> t.profile().equals(profile)).toList();
    }

    static Target external(String url, Function<String, Optional<String>> config) {
        URI base = parseBase(url);
        String profile = config.apply(PROFILE).orElse("legacy");
        if (!PROFILES.contains(profile)) {
            throw new IllegalArgumentException("unknown profile '" + profile + "'; known: " + String.join(", ", PROFILES));
        }
        String name = config.apply(NAME).orElse(base.getHost() + ":" + base.getPort());
        if (profile.equals("eio3") || profile.equals("eio4")) {
            refuseKeysOf("legacy", LEGACY_KEYS, config);
            return Target.engine(name, base, profile, engine(config, profile));
        }
        refuseKeysOf("eio3 and eio4", EIO4_KEYS, config);
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
        return new Target(name, base, profile, new DeclaredSettings(transports, polling, heartbeat, close, origins));
    }

    private static void refuseKeysOf(String other, List<String> keys, Function<String, Optional<String>> config) {
        for (String k : keys) {
            if (config.apply(k).isPresent()) {
                throw new IllegalArgumentException(k + " is a setting of profile " + other);
            }
        }
    }

    /**
     * The configuration that declares an Engine.IO target with these settings: the inverse of
     * {@link #engine}, for tests that run the suite against a server they started themselves.
     */
    public static Map<String, String> declaring(String profile, URI base, String name, EngineSettings s) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(TARGET, base.toString());
        config.put(NAME, name);
        config.put(PROFILE, profile);
        config.put(PATH, s.path());
        config.put(TRANSPORTS, String.join(",", s.transports()));
        config.put(ALLOW_UPGRADES, s.allowUpgrades() ? "on" : "off");
        config.put(JSONP, s.jsonp() ? "on" : "off");
        config.put(PING_INTERVAL, Long.toString(s.pingInterval().toMillis()));
        config.put(PING_TIMEOUT, Long.toString(s.pingTimeout().toMillis()));
        config.put(MAX_PAYLOAD, Long.toString(s.maxPayload()));
        config.put(UPGRADE_TIMEOUT, Long.toString(s.upgradeTimeout().toMillis()));
        config.put(CONNECT_TIMEOUT, Long.toString(s.connectTimeout().toMillis()));
        config.put(CORS, s.cors().isEmpty() ? "none" : String.join(",", s.cors()));
        config.put(CORS_CREDENTIALS, s.corsCredentials() ? "on" : "off");
        config.put(ECHO_PATH, s.echoPath() == null ? "none" : s.echoPath());
        return config;
    }

    /** An eio4 declaration from the keys given, socket.io 4.8.x's defaults for the rest. */
    public static EngineSettings eio4(Function<String, Optional<String>> config) {
        return engine(config, "eio4");
    }

    /**
     * An eio3 or eio4 declaration from the keys given, the defaults of the profile's typical server
     * (socket.io 2.5.x, 4.8.x) for the rest.
     */
    public static EngineSettings engine(Function<String, Optional<String>> config, String profile) {
        EngineSettings d = profile.equals("eio3") ? EngineSettings.eio3Defaults() : EngineSettings.defaults();
        String path = config.apply(PATH).map(p -> parsePath(PATH, p)).orElse(d.path());
        List<String> transports = config.apply(TRANSPORTS).map(Targets::parseEio4Transports).orElse(d.transports());
        boolean upgrades = config.apply(ALLOW_UPGRADES).map(v -> onOff(ALLOW_UPGRADES, v)).orElse(d.allowUpgrades());
        boolean jsonp = config.apply(JSONP).map(v -> onOff(JSONP, v)).orElse(d.jsonp());
        Duration pingInterval = config.apply(PING_INTERVAL).map(v -> millis(PING_INTERVAL, v)).orElse(d.pingInterval());
        Duration pingTimeout = config.apply(PING_TIMEOUT).map(v -> millis(PING_TIMEOUT, v)).orElse(d.pingTimeout());
        long maxPayload = config.apply(MAX_PAYLOAD).map(v -> bytes(MAX_PAYLOAD, v)).orElse(d.maxPayload());
        Duration upgradeTimeout = config.apply(UPGRADE_TIMEOUT).map(v -> millis(UPGRADE_TIMEOUT, v)).orElse(d.upgradeTimeout());
        Duration connectTimeout = config.apply(CONNECT_TIMEOUT).map(v -> millis(CONNECT_TIMEOUT, v)).orElse(d.connectTimeout());
        List<String> cors = config.apply(CORS).map(Targets::parseCors).orElse(d.cors());
        boolean credentials = config.apply(CORS_CREDENTIALS).map(v -> onOff(CORS_CREDENTIALS, v)).orElse(d.corsCredentials());
        if (credentials && cors.isEmpty()) {
            throw new IllegalArgumentException(CORS_CREDENTIALS + " needs " + CORS + " origins");
        }
        String echo = config.apply(ECHO_PATH).map(String::trim)
                .map(v -> v.equalsIgnoreCase("none") || v.equalsIgnoreCase("off") ? null : parsePath(ECHO_PATH, v))
                .orElse(d.echoPath());
        return new EngineSettings(path, transports, upgrades, jsonp, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                connectTimeout, cors, credentials, echo);
    }

    /**
     * Checks each declared value on its own, before any server is asked, so that a typo is
     * refused at once; {@code profile} null when it is still to be discovered (a transports list
     * must then be valid for some profile).
     */
    public static void checkValues(Map<String, String> settings, String profile) {
        settings.forEach((key, v) -> {
            switch (key) {
                case TRANSPORTS -> {
                    if (profile == null) {
                        try {
                            parseTransports(v);
                        } catch (IllegalArgumentException legacy) {
                            parseEio4Transports(v);
                        }
                    } else if (profile.equals("legacy")) {
                        parseTransports(v);
                    } else {
                        parseEio4Transports(v);
                    }
                }
                case POLLING_DURATION, CLOSE_TIMEOUT -> seconds(key, v);
                case HEARTBEAT_TIMEOUT -> {
                    if (!v.trim().equalsIgnoreCase("off")) {
                        seconds(key, v);
                    }
                }
                case PATH, ECHO_PATH -> {
                    if (!(key.equals(ECHO_PATH) && (v.trim().equalsIgnoreCase("none") || v.trim().equalsIgnoreCase("off")))) {
                        parsePath(key, v);
                    }
                }
                case PING_INTERVAL, PING_TIMEOUT, UPGRADE_TIMEOUT, CONNECT_TIMEOUT -> millis(key, v);
                case MAX_PAYLOAD -> bytes(key, v);
                case ALLOW_UPGRADES, JSONP, CORS_CREDENTIALS -> onOff(key, v);
                case CORS -> parseCors(v);
                default -> { }
            }
        });
    }

    public static List<String> parseEio4Transports(String list) {
        List<String> names = Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("the transports list is empty");
        }
        for (String n : names) {
            if (!EngineSettings.TRANSPORTS.contains(n)) {
                throw new IllegalArgumentException("unknown eio4 transport '" + n + "'; known: polling, websocket");
            }
        }
        if (names.stream().distinct().count() != names.size()) {
            throw new IllegalArgumentException("a transport is listed twice in '" + list + "'");
        }
        return names;
    }

    public static String parsePath(String key, String value) {
        String p = value.trim();
        if (!p.matches("/[A-Za-z0-9._~!$&'()*+,;=:@/-]*")) {
            throw new IllegalArgumentException(key + " must be a path starting with /, not '" + value + "'");
        }
        return p.endsWith("/") ? p : p + "/";
    }

    static List<String> parseCors(String value) {
        String v = value.trim();
        if (v.equalsIgnoreCase("none") || v.equalsIgnoreCase("off")) {
            return List.of();
        }
        List<String> origins = Arrays.stream(v.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        for (String o : origins) {
            if (!o.equals("*") && !o.matches("https?://[^/\\s]+")) {
                throw new IllegalArgumentException(CORS + " must be none, * or a list of origins like http://host:port, not '" + value + "'");
            }
        }
        if (origins.isEmpty() || (origins.contains("*") && origins.size() > 1)) {
            throw new IllegalArgumentException(CORS + " must be none, * or a list of origins, not '" + value + "'");
        }
        return origins;
    }

    static boolean onOff(String key, String value) {
        return switch (value.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "on", "true", "yes" -> true;
            case "off", "false", "no" -> false;
            default -> throw new IllegalArgumentException(key + " must be on or off, not '" + value + "'");
        };
    }

    public static Duration millis(String key, String value) {
        try {
            long ms = Long.parseLong(value.trim());
            if (ms <= 0 || ms > 3_600_000) {
                throw new IllegalArgumentException(key + " must be above 0 and at most 3600000 milliseconds, not '" + value + "'");
            }
            return Duration.ofMillis(ms);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of milliseconds, not '" + value + "'");
        }
    }

    static long bytes(String key, String value) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 16 || n > 100_000_000) {
                throw new IllegalArgumentException(key + " must be between 16 and 100000000 bytes, not '" + value + "'");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a whole number of bytes, not '" + value + "'");
        }
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
