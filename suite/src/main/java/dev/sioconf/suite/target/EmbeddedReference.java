package dev.sioconf.suite.target;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Transport;
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

    /** The Engine.IO echo endpoint the reference server always serves (spec/eio4.md section 15). */
    public static final String ECHO_PATH = "/engine.io/";

    private static final Map<String, dev.sioconf.server.eio4.Eio4Settings> EIO4_SCENARIOS = new LinkedHashMap<>();

    static {
        // Ping timings short enough for a quick run, and a ping timeout and an upgrade timeout long
        // enough that a tester (or server) starved of CPU on a loaded 2-core machine still answers its
        // pings and completes its upgrades in time: at 2 s both lost sessions in CI. The connect
        // timeout comes well after a silent session's ping timeout, so that a missing heartbeat
        // cannot hide behind it.
        dev.sioconf.server.eio4.Eio4Settings quick = eio4Quick();
        EIO4_SCENARIOS.put("reference/eio4-all", quick.withCors(List.of("*"), false));
        // The websocket-disabled deployment, with a CORS allow-list and credentials.
        EIO4_SCENARIOS.put("reference/eio4-polling", quick
                .withTransports(List.of(Eio4Transport.POLLING))
                .withCors(List.of("http://allowed.example"), true));
        // WebSocket first, as clients configured with transports ['websocket', 'polling'] expect,
        // and a smaller payload limit.
        EIO4_SCENARIOS.put("reference/eio4-websocket-first", quick
                .withTransports(List.of(Eio4Transport.WEBSOCKET, Eio4Transport.POLLING))
                .withMaxPayload(100_000));
    }

    private static final Map<String, dev.sioconf.server.eio4.Eio4Settings> EIO3_SCENARIOS = new LinkedHashMap<>();

    static {
        // The reference server answers EIO=3 with the same settings; own servers keep eio3 faults apart.
        dev.sioconf.server.eio4.Eio4Settings quick = eio4Quick();
        EIO3_SCENARIOS.put("reference/eio3-all", quick.withCors(List.of("*"), false));
        EIO3_SCENARIOS.put("reference/eio3-polling", quick.withTransports(List.of(Eio4Transport.POLLING)));
    }

    private static final Map<String, List<Target>> STARTED = new LinkedHashMap<>();

    /** The timings every eio4 scenario runs with; both transports, no CORS. */
    public static dev.sioconf.server.eio4.Eio4Settings eio4Quick() {
        return dev.sioconf.server.eio4.Eio4Settings.defaults()
                .withPing(Duration.ofMillis(1000), Duration.ofMillis(5000))
                .withUpgradeTimeout(Duration.ofMillis(5000))
                .withConnectTimeout(Duration.ofMillis(10_000));
    }

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

    /** The eio4 scenarios as targets of profile {@code eio4}, started once per JVM and set of faults. */
    public static List<Target> eio4Targets(Set<Eio4Fault> faults) {
        return engineTargets("eio4", EIO4_SCENARIOS, faults, faults.stream().map(Eio4Fault::wireName).toList(),
                settings -> startBoth(LegacySettings.defaults(), settings.withFaults(faults)));
    }

    /** The eio3 scenarios as targets of profile {@code eio3}, started once per JVM and set of faults. */
    public static List<Target> eio3Targets(Set<Eio3Fault> faults) {
        return engineTargets("eio3", EIO3_SCENARIOS, faults, faults.stream().map(Eio3Fault::wireName).toList(),
                settings -> startAll(LegacySettings.defaults(), settings, faults));
    }

    /** One reference server per scenario, started by {@code start} and named after the scenario and its faults. */
    private static synchronized List<Target> engineTargets(String profile, Map<String, dev.sioconf.server.eio4.Eio4Settings> scenarios,
            Set<?> faults, List<String> faultNames, java.util.function.Function<dev.sioconf.server.eio4.Eio4Settings, ReferenceServer> start) {
        String key = profile + " " + faults;
        List<Target> targets = STARTED.get(key);
        if (targets == null) {
            targets = new ArrayList<>();
            for (Map.Entry<String, dev.sioconf.server.eio4.Eio4Settings> scenario : scenarios.entrySet()) {
                ReferenceServer server = start.apply(scenario.getValue());
                Runtime.getRuntime().addShutdownHook(new Thread(server::close, "sioconf-stop-" + scenario.getKey()));
                String name = scenario.getKey() + (faultNames.isEmpty() ? "" : "+" + String.join("+", faultNames));
                targets.add(Target.engine(name, server.baseUri(), profile, declared(scenario.getValue())));
            }
            STARTED.put(key, List.copyOf(targets));
        }
        return targets;
    }

    /** The eio3 faults named in a comma list that may also name other profiles' faults. */
    public static Set<Eio3Fault> parseEio3Faults(String list) {
        checkFaultNames(list);
        return Set.copyOf(names(list).stream().map(Eio3Fault::ofWireName).flatMap(java.util.Optional::stream).toList());
    }

    /** What an eio4 scenario declares: its true settings, faults aside. */
    public static EngineSettings declared(dev.sioconf.server.eio4.Eio4Settings s) {
        return new EngineSettings("/socket.io/", s.transports().stream().map(Eio4Transport::wireName).toList(),
                s.allowUpgrades(), true, s.pingInterval(), s.pingTimeout(), s.maxPayload(), s.upgradeTimeout(),
                s.connectTimeout(), s.corsOrigins(), s.corsCredentials(), ECHO_PATH);
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

    /** The legacy faults named in a comma list that may also name eio4 faults. */
    public static Set<Fault> parseFaults(String list) {
        checkFaultNames(list);
        return Set.copyOf(names(list).stream().map(Fault::ofWireName).flatMap(java.util.Optional::stream).toList());
    }

    /** The eio4 faults named in a comma list that may also name legacy faults. */
    public static Set<Eio4Fault> parseEio4Faults(String list) {
        checkFaultNames(list);
        return Set.copyOf(names(list).stream().map(Eio4Fault::ofWireName).flatMap(java.util.Optional::stream).toList());
    }

    private static void checkFaultNames(String list) {
        for (String name : names(list)) {
            if (Fault.ofWireName(name).isEmpty() && Eio4Fault.ofWireName(name).isEmpty() && Eio3Fault.ofWireName(name).isEmpty()) {
                throw new IllegalArgumentException("unknown fault '" + name + "'");
            }
        }
    }

    private static List<String> names(String list) {
        return list == null ? List.of() : Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static ReferenceServer startBoth(LegacySettings legacy, dev.sioconf.server.eio4.Eio4Settings eio4) {
        return startAll(legacy, eio4, Set.of());
    }

    private static ReferenceServer startAll(LegacySettings legacy, dev.sioconf.server.eio4.Eio4Settings eio4, Set<Eio3Fault> eio3Faults) {
        try {
            return ReferenceServer.start(legacy, eio4, eio3Faults);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting the reference server", e);
        }
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
