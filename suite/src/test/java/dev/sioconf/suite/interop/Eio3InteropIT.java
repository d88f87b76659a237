package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.cli.Baseline;
import dev.sioconf.suite.cli.SuiteRunner;
import dev.sioconf.suite.target.EngineSettings;
import dev.sioconf.suite.target.Targets;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eio3 servers of the wild under the eio3 suite, side by side with the reference server: the
 * real socket.io 2.5.1 ({@code interop/eio3-server.js}, run by node) and netty-socketio 2.0.13
 * ({@code interop/netty-socketio}, run by java), each in two deployments, and netty-socketio also
 * under eio4, which it serves too. Each third-party run must equal its committed baseline
 * {@code interop/baselines/<server>-<profile>-<config>.txt} line for line (a known deviation is
 * reviewed in a diff, a new one fails the build); the reference server runs the same cases with the
 * same declared settings and must pass them all. Each run's report, all servers of a
 * configuration side by side (compare.html), goes to {@code target/interop-report/eio3-interop/<profile>-<config>/}.
 *
 * <p>{@code -Dsioconf.interop.updateBaseline=true} writes the baselines from this run instead of comparing.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class Eio3InteropIT {

    /** As in SocketIo48InteropIT: short enough for quick heartbeat cases, long enough for a loaded machine. */
    static final Duration PING_INTERVAL = Duration.ofMillis(1000);
    static final Duration PING_TIMEOUT = Duration.ofMillis(2000);
    static final Duration UPGRADE_TIMEOUT = Duration.ofMillis(2000);
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(10_000);
    static final long MAX_PAYLOAD = 1_000_000;
    static final String ECHO_PATH = "/engine.io/";

    /** A third-party server: how to start it, and whether it serves an Engine.IO echo endpoint. */
    enum Server {
        SOCKET_IO_25("socket.io-2.5.1", "eio3-server.js", true),
        NETTY_SOCKETIO("netty-socketio-2.0.13", "netty-socketio/target/netty-socketio-server.jar", false);

        final String label;
        final String launch;
        final boolean echo;

        Server(String label, String launch, boolean echo) {
            this.label = label;
            this.launch = launch;
            this.echo = echo;
        }

        ServerProcess start(Map<String, String> env, Path log) throws IOException, InterruptedException {
            return launch.endsWith(".jar") ? ServerProcess.startJar(launch, env, log) : ServerProcess.start(launch, env, log);
        }
    }

    /** A deployment of some servers under one profile: the transports they are given (and declared). */
    record Config(String profile, String name, String about, List<String> transports, List<Server> servers) {

        EngineSettings declared(Server s) {
            EngineSettings base = profile.equals("eio3") ? EngineSettings.eio3Defaults() : EngineSettings.defaults();
            return base.withTransports(transports).withPings(PING_INTERVAL, PING_TIMEOUT)
                    .withEchoPath(s == null || s.echo ? ECHO_PATH : null).withUpgradeTimeout(UPGRADE_TIMEOUT)
                    .withConnectTimeout(CONNECT_TIMEOUT);
        }

        /** The reference server with the same settings (it serves eio3 with its eio4 settings). */
        dev.sioconf.server.eio4.Eio4Settings referenceSettings() {
            return dev.sioconf.server.eio4.Eio4Settings.defaults()
                    .withTransports(transports.stream().map(t -> Eio4Transport.ofWireName(t).orElseThrow()).toList())
                    .withPing(PING_INTERVAL, PING_TIMEOUT).withUpgradeTimeout(UPGRADE_TIMEOUT).withConnectTimeout(CONNECT_TIMEOUT);
        }

        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PORT", "0");
            env.put("TRANSPORTS", String.join(",", transports));
            env.put("PING_INTERVAL", String.valueOf(PING_INTERVAL.toMillis()));
            env.put("PING_TIMEOUT", String.valueOf(PING_TIMEOUT.toMillis()));
            env.put("UPGRADE_TIMEOUT", String.valueOf(UPGRADE_TIMEOUT.toMillis()));
            env.put("MAX_PAYLOAD", String.valueOf(MAX_PAYLOAD));
            env.put("ECHO_PATH", ECHO_PATH);
            return env;
        }

        String key() {
            return profile + "-" + name;
        }

        @Override
        public String toString() {
            return key();
        }
    }

    static final List<Server> BOTH = List.of(Server.SOCKET_IO_25, Server.NETTY_SOCKETIO);
    static final List<Config> CONFIGS = List.of(
            new Config("eio3", "defaults", "polling and websocket, upgrades allowed, short ping timings",
                    List.of("polling", "websocket"), BOTH),
            new Config("eio3", "polling", "websocket disabled: TRANSPORTS=polling", List.of("polling"), BOTH),
            new Config("eio4", "defaults", "netty-socketio also serves EIO=4: polling and websocket, short ping timings",
                    List.of("polling", "websocket"), List.of(Server.NETTY_SOCKETIO)));

    record Run(Config config, Server server, List<CaseResult> results, Path serverLog) {
        @Override
        public String toString() {
            return name(server, config);
        }
    }

    static final Map<String, Run> RUNS = new ConcurrentHashMap<>();
    static final Map<String, List<CaseResult>> REFERENCE = new ConcurrentHashMap<>();
    static final Map<String, Path> REPORTS = new ConcurrentHashMap<>();
    static long wallMillis;

    @BeforeAll
    static void runTheSuiteAgainstEveryServerInEveryConfiguration() throws Exception {
        ServerProcess.interopDir();
        long start = System.nanoTime();
        // One server after the other: a run keeps both cores busy already.
        for (Config c : CONFIGS) {
            Map<String, String> targets = new LinkedHashMap<>();
            List<CaseResult> all = new ArrayList<>();
            for (Server s : c.servers()) {
                Path log = reportDir(c).resolve(s.label + ".log");
                List<CaseResult> results;
                try (ServerProcess server = s.start(c.environment(), log)) {
                    results = runSuite(server.baseUri(), c, c.declared(s), name(s, c));
                }
                RUNS.put(runKey(s, c), new Run(c, s, results, log));
                targets.put(name(s, c), c.declared(s).describe());
                all.addAll(results);
            }
            List<CaseResult> reference;
            try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), c.referenceSettings(), Set.of())) {
                reference = runSuite(server.baseUri(), c, c.declared(null), referenceName(c));
            }
            REFERENCE.put(c.key(), reference);
            targets.put(referenceName(c), c.declared(null).describe());
            all.addAll(reference);
            Path index = ReportWriter.write(reportDir(c), c.profile(), targets, all);
            REPORTS.put(c.key(), index.resolveSibling(ResultsJson.FILE_NAME));
        }
        wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @AfterAll
    static void sayHowLongItTook() {
        System.out.printf("eio3 interop: %d runs in %.1f s wall time%n", RUNS.size() + REFERENCE.size(), wallMillis / 1000.0);
        RUNS.values().forEach(r -> System.out.println("  " + name(r.server(), r.config()) + ": "
                + SocketIo0919InteropIT.counts(r.results()) + " -> " + REPORTS.get(r.config().key())));
        REFERENCE.forEach((k, r) -> System.out.println("  reference/" + k + ": " + SocketIo0919InteropIT.counts(r)));
    }

    static Stream<Run> runs() {
        return CONFIGS.stream().flatMap(c -> c.servers().stream().map(s -> RUNS.get(runKey(s, c))));
    }

    static Stream<Config> configs() {
        return CONFIGS.stream();
    }

    @ParameterizedTest(name = "{0}: verdicts equal the baseline")
    @MethodSource("runs")
    void verdictsEqualTheBaseline(Run run) throws IOException {
        Config c = run.config();
        assertThat(run.results()).as("results of %s", name(run.server(), c)).isNotEmpty();
        List<String> actual = Baseline.lines(run.results());
        Path baseline = ServerProcess.interopDir().resolve("baselines").resolve(run.server().label + "-" + c.key() + ".txt");
        if (Boolean.getBoolean(SocketIo0919InteropIT.UPDATE)) {
            if (Files.isRegularFile(baseline)) { // keep the lines that allow several verdicts, where this run fits them
                actual = Baseline.withAlternatives(Baseline.read(baseline).getOrDefault(Baseline.UNNAMED, List.of()), actual);
            }
            Files.createDirectories(baseline.getParent());
            Files.writeString(baseline, Baseline.text(header(run), Map.of(name(run.server(), c), actual)), StandardCharsets.UTF_8);
            System.out.println("wrote " + baseline + " (" + actual.size() + " lines)");
            return;
        }
        assertThat(baseline).as("baseline of %s; write it with -D%s=true", name(run.server(), c), SocketIo0919InteropIT.UPDATE)
                .isRegularFile();
        String diff = Baseline.diff(Baseline.read(baseline), Map.of(name(run.server(), c), run.results()));
        assertThat(diff).as("%s differs from %s (- in the baseline only, + in this run only); wire logs in %s; server log %s."
                + " A new deviation: find out why and document it in interop/baselines/README.md, then rerun with -D%s=true",
                name(run.server(), c), baseline, REPORTS.get(c.key()), run.serverLog(), SocketIo0919InteropIT.UPDATE).isEmpty();
    }

    @ParameterizedTest(name = "reference server, {0}: every case passes")
    @MethodSource("configs")
    void referenceServerPassesEveryCaseInTheSameConfiguration(Config c) {
        List<CaseResult> reference = REFERENCE.get(c.key());
        assertThat(reference).as("results of the reference server in %s", c).isNotEmpty();
        assertThat(reference.stream().filter(r -> r.verdict() != Verdict.PASS && r.verdict() != Verdict.UNIMPLEMENTED)
                .map(r -> r.verdict() + " " + r.requirement() + " " + r.id() + " · " + r.transport() + ": " + r.message()))
                .as("cases the reference server did not pass in %s (wire logs in %s)", c, REPORTS.get(c.key()))
                .isEmpty();
    }

    static List<CaseResult> runSuite(URI base, Config c, EngineSettings d, String targetName) {
        return SuiteRunner.run(Targets.declaring(c.profile(), base, targetName, d), "", new ResultsCollector());
    }

    static String header(Run run) {
        Config c = run.config();
        return "# sioconf " + c.profile() + " suite against " + run.server().label + " (interop/" + run.server().launch
                + "), configuration " + c.name() + ":\n"
                + "# " + c.about() + ".\n"
                + "# Declared: " + c.declared(run.server()).describe() + ".\n"
                + "# One line per case and transport: requirement, case, transport (- when not per transport), verdict.\n"
                + "# Why a line is not PASS: interop/baselines/README.md. Written by Eio3InteropIT with\n"
                + "# -D" + SocketIo0919InteropIT.UPDATE + "=true; review its diff before committing it.\n";
    }

    static Path reportDir(Config c) {
        return Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve("eio3-interop").resolve(c.key());
    }

    static String runKey(Server s, Config c) {
        return s.label + "/" + c.key();
    }

    static String name(Server s, Config c) {
        return s.label + "/" + c.key();
    }

    static String referenceName(Config c) {
        return "reference/" + c.key();
    }
}
