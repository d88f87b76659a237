package dev.sioconf.suite.target;

import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The bundled reference server in each scenario the suite needs, started in this JVM on free
 * loopback ports the first time a case asks, and stopped when the JVM ends. Timings are short so
 * the whole run stays short; the cases read them from the declared settings like any target's.
 */
public final class EmbeddedReference {

    private static final Map<String, LegacySettings> SCENARIOS = new LinkedHashMap<>();

    static {
        LegacySettings quick = LegacySettings.defaults()
                .withPollingDuration(Duration.ofSeconds(3))
                .withHeartbeats(true, Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withCloseTimeout(Duration.ofSeconds(3));
        SCENARIOS.put("reference/all-transports", quick);
        // The web-role deployment: no websocket through the front end, polls closed after 10 s.
        SCENARIOS.put("reference/web-role", quick
                .withTransports(List.of(LegacyTransport.XHR_POLLING))
                .withPollingDuration(Duration.ofSeconds(10)));
        // A non-default order, and heartbeats off so the cases for that setting run too.
        SCENARIOS.put("reference/custom-order", quick
                .withTransports(List.of(LegacyTransport.JSONP_POLLING, LegacyTransport.XHR_POLLING, LegacyTransport.WEBSOCKET))
                .withPollingDuration(Duration.ofSeconds(2))
                .withHeartbeats(false, Duration.ofSeconds(1), Duration.ofSeconds(3)));
    }

    private static final Map<String, List<Target>> STARTED = new LinkedHashMap<>();

    private EmbeddedReference() {
    }

    /** The scenarios as targets, started once per JVM and set of faults. */
    public static synchronized List<Target> targets(Set<Fault> faults) {
        String key = faults.toString();
        List<Target> targets = STARTED.get(key);
        if (targets == null) {
            targets = new ArrayList<>();
            for (Map.Entry<String, LegacySettings> scenario : SCENARIOS.entrySet()) {
                LegacySettings settings = scenario.getValue().withFaults(faults);
                LegacyServer server = start(settings);
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sioconf-stop-" + scenario.getKey()));
                String name = scenario.getKey() + (faults.isEmpty() ? "" : "+" + String.join("+", faults.stream().map(Fault::wireName).toList()));
                targets.add(new Target(name, server.baseUri(), "legacy", declared(settings)));
            }
            STARTED.put(key, List.copyOf(targets));
        }
        return targets;
    }

    /**
     * The reference server's eio4 scenarios, as targets of profile {@code eio4}. The eio4 server is
     * not bundled yet, so there are none: plug its scenarios in here ({@code reference/eio4-all}:
     * polling and websocket with short pingInterval and pingTimeout; {@code reference/eio4-polling}:
     * websocket disabled; {@code reference/eio4-websocket-first}), started once per JVM like the legacy
     * ones and built with {@link Target#eio4}.
     */
    public static synchronized List<Target> eio4Targets() {
        return List.of();
    }

    /** What a scenario declares: its true settings, faults aside. */
    public static DeclaredSettings declared(LegacySettings settings) {
        return new DeclaredSettings(
                settings.transports().stream().map(LegacyTransport::wireName).toList(),
                settings.pollingDuration(),
                settings.heartbeats() ? settings.heartbeatTimeout() : null,
                settings.closeTimeout(),
                settings.origins());
    }

    public static Set<Fault> parseFaults(String list) {
        if (list == null || list.isBlank()) {
            return Set.of();
        }
        return Set.copyOf(Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .map(name -> Fault.ofWireName(name).orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name + "'")))
                .toList());
    }

    private static LegacyServer start(LegacySettings settings) {
        try {
            return LegacyServer.start(settings);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the reference server", e);
        }
    }
}
