package dev.sioconf.suite.cli;

import dev.sioconf.suite.target.Targets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A server as the user named it: its URL, an optional name and profile, the settings the user
 * declared (as {@code sioconf.*} keys) and how the contract application is to be found. Everything
 * left out is discovered from the server.
 *
 * @param contract {@code declared}, {@code none}, or null to detect it
 */
record TargetSpec(String url, String name, String profile, Map<String, String> settings, String contract) {

    /** The options that declare a target's settings, by the name a user types, with the key each sets. */
    static final Map<String, String> OPTION_KEYS = optionKeys();

    TargetSpec {
        settings = Map.copyOf(settings);
    }

    private static Map<String, String> optionKeys() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("--transports", Targets.TRANSPORTS);
        m.put("--polling-duration", Targets.POLLING_DURATION);
        m.put("--heartbeat", Targets.HEARTBEAT_TIMEOUT);
        m.put("--close-timeout", Targets.CLOSE_TIMEOUT);
        m.put("--origins", Targets.ORIGINS);
        m.put("--path", Targets.PATH);
        m.put("--ping-interval", Targets.PING_INTERVAL);
        m.put("--ping-timeout", Targets.PING_TIMEOUT);
        m.put("--max-payload", Targets.MAX_PAYLOAD);
        m.put("--upgrade-timeout", Targets.UPGRADE_TIMEOUT);
        m.put("--connect-timeout", Targets.CONNECT_TIMEOUT);
        m.put("--allow-upgrades", Targets.ALLOW_UPGRADES);
        m.put("--jsonp", Targets.JSONP);
        m.put("--cors", Targets.CORS);
        m.put("--cors-credentials", Targets.CORS_CREDENTIALS);
        m.put("--echo-path", Targets.ECHO_PATH);
        return java.util.Collections.unmodifiableMap(m);
    }

    /** The option a {@code sioconf.*} key is typed as, e.g. {@code --ping-interval} for {@code sioconf.pingInterval}. */
    static String optionOf(String key) {
        return OPTION_KEYS.entrySet().stream().filter(e -> e.getValue().equals(key)).map(Map.Entry::getKey).findFirst().orElse(key);
    }

    /** A message with every {@code sioconf.*} key in it written as the option the user typed. */
    static String inOptionWords(String message) {
        String m = message;
        for (Map.Entry<String, String> e : OPTION_KEYS.entrySet()) {
            m = m.replace(e.getValue(), e.getKey());
        }
        return m;
    }

    /** The legacy-only settings and the eio3/eio4-only settings this spec names. */
    List<String> optionsForeignTo(String foundProfile) {
        List<String> foreign = foundProfile.equals("legacy") ? Targets.EIO4_KEYS : Targets.LEGACY_KEYS;
        return settings.keySet().stream().filter(foreign::contains).map(TargetSpec::optionOf).toList();
    }
}
