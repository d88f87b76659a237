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
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * The real socket.io 4.8.1 ({@code interop/modern-server.js}, run by node) under the eio4 suite,
 * in three deployments. Its verdicts must equal the committed baseline
 * {@code interop/baselines/socket.io-4.8.1-<config>.txt} line for line, so that a known deviation
 * is reviewed in a diff and a new one fails the build. The bundled reference server runs the same
 * cases with the same settings and must pass them all; each configuration's report, the two
 * servers side by side, goes to {@code target/interop-report/eio4-<config>/}.
 *
 * <p>{@code -Dsioconf.interop.updateBaseline=true} writes the baselines from this run instead of
 * comparing.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class SocketIo48InteropIT {

    static final String SERVER = "socket.io-4.8.1";

    /**
     * Shortened from 4.8.1's 25 s / 20 s so that the heartbeat cases take seconds, yet not as short
     * as the official suites' 300 / 200 ms: with two dozen cases at once on a two-core machine a pong
     * can take longer than 200 ms to get out, and sessions would end for a reason no case is about.
     */
    static final Duration PING_INTERVAL = Duration.ofMillis(1000);
    static final Duration PING_TIMEOUT = Duration.ofMillis(2000);
    /** Shortened from 45 s so that SIO5-18.8 waits seconds, yet well after a silent session's ping timeout. */
    static final Duration CONNECT_TIMEOUT = Duration.ofMillis(10_000);
    /** Shortened from 10 s so that EIO4-10.9 waits 3 s rather than 12.5 s. */
    static final Duration UPGRADE_TIMEOUT = Duration.ofMillis(2000);
    static final String ECHO_PATH = "/engine.io/";

    /** A deployment: the transports socket.io is given (and declared). */
    record Config(String name, String about, List<String> transports) {

        EngineSettings declared() {
            return EngineSettings.defaults().withTransports(transports).withPings(PING_INTERVAL, PING_TIMEOUT)
                    .withEchoPath(ECHO_PATH).withUpgradeTimeout(UPGRADE_TIMEOUT).withConnectTimeout(CONNECT_TIMEOUT);
        }

        /** The reference server with the same settings. */
        dev.sioconf.server.eio4.Eio4Settings referenceSettings() {
            return dev.sioconf.server.eio4.Eio4Settings.defaults()
                    .withTransports(transports.stream().map(t -> Eio4Transport.ofWireName(t).orElseThrow()).toList())
                    .withPing(PING_INTERVAL, PING_TIMEOUT).withUpgradeTimeout(UPGRADE_TIMEOUT).withConnectTimeout(CONNECT_TIMEOUT);
        }

        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("PORT", ""); // unset: a free port (modern-server.js refuses PORT=0)
            env.put("TRANSPORTS", String.join(",", transports));
            env.put("PING_INTERVAL", String.valueOf(PING_INTERVAL.toMillis()));
            env.put("PING_TIMEOUT", String.valueOf(PING_TIMEOUT.toMillis()));
            env.put("UPGRADE_TIMEOUT", String.valueOf(UPGRADE_TIMEOUT.toMillis()));
            env.put("CONNECT_TIMEOUT", String.valueOf(CONNECT_TIMEOUT.toMillis()));
            env.put("ECHO_PATH", ECHO_PATH);
            return env;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("defaults", "polling and websocket, upgrades allowed, short ping timings", List.of("polling", "websocket")),
            new Config("polling", "websocket disabled: TRANSPORTS=polling", List.of("polling")),
            new Config("websocket-first", "TRANSPORTS=websocket,polling (the order is not on the wire in eio4)",
                    List.of("websocket", "polling")));

    record Outcome(Config config, List<CaseResult> results, List<CaseResult> reference, Path resultsJson, Path serverLog) {
    }

    static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();
    static long wallMillis;

    @BeforeAll
    static void runTheSuiteAgainstSocketIo48InEveryConfiguration() throws Exception {
        ServerProcess.interopDir();
        long start = System.nanoTime();
        // One configuration after the other: node serves every case of a run on one core already.
        for (Config c : CONFIGS) {
            List<CaseResult> results;
            try (ServerProcess server = ServerProcess.start("modern-server.js", c.environment(), serverLog(c))) {
                results = runSuite(server.baseUri(), c, name(c));
            }
            List<CaseResult> reference;
            try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), c.referenceSettings())) {
                reference = runSuite(server.baseUri(), c, referenceName(c));
            }
            Map<String, String> targets = new LinkedHashMap<>();
            targets.put(name(c), c.declared().describe());
            targets.put(referenceName(c), c.declared().describe());
            List<CaseResult> both = new java.util.ArrayList<>(results);
            both.addAll(reference);
            // The full report, socket.io 4.8.1 and the reference server side by side (compare.html).
            Path index = ReportWriter.write(reportDir(c), "eio4", targets, both);
            OUTCOMES.put(c.name(), new Outcome(c, results, reference, index.resolveSibling(ResultsJson.FILE_NAME), serverLog(c)));
        }
        wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @AfterAll
    static void sayHowLongItTook() {
        System.out.printf("socket.io 4.8.1 interop (eio4): %d configurations in %.1f s wall time%n", OUTCOMES.size(), wallMillis / 1000.0);
        OUTCOMES.values().forEach(o -> System.out.println("  " + o.config().name() + ": " + SocketIo0919InteropIT.counts(o.results())
                + "; reference " + SocketIo0919InteropIT.counts(o.reference()) + " -> " + o.resultsJson()));
    }

    static Stream<Config> configs() {
        return CONFIGS.stream();
    }

    @ParameterizedTest(name = "socket.io 4.8.1, {0}: verdicts equal the baseline")
    @MethodSource("configs")
    void socketIo48VerdictsEqualTheBaseline(Config config) throws IOException {
        Outcome o = OUTCOMES.get(config.name());
        assertThat(o.results()).as("results of %s", config).isNotEmpty();
        Path baseline = baselineFile(config);
        Map<String, List<CaseResult>> run = Map.of(name(config), o.results());
        if (Boolean.getBoolean(SocketIo0919InteropIT.UPDATE)) {
            Baseline.write(baseline, header(config), run);
            System.out.println("wrote " + baseline + " (" + o.results().size() + " lines)");
            return;
        }
        assertThat(baseline).as("baseline of %s; write it with -D%s=true", config, SocketIo0919InteropIT.UPDATE).isRegularFile();
        String diff = Baseline.diff(Baseline.read(baseline), run);
        assertThat(diff).as("socket.io 4.8.1 in configuration %s differs from %s (- in the baseline only, + in this run"
                + " only); wire logs in %s; server log %s. A new deviation: find out why and document it in"
                + " interop/baselines/README.md, then rerun with -D%s=true", config, baseline, o.resultsJson(), o.serverLog(),
                SocketIo0919InteropIT.UPDATE).isEmpty();
    }

    @ParameterizedTest(name = "reference server, {0}: every case passes")
    @MethodSource("configs")
    void referenceServerPassesEveryCaseInTheSameConfiguration(Config config) {
        Outcome o = OUTCOMES.get(config.name());
        assertThat(o.reference()).as("results of the reference server in %s", config).isNotEmpty();
        assertThat(o.reference().stream().filter(r -> r.verdict() != Verdict.PASS)
                .map(r -> r.verdict() + " " + r.requirement() + " " + r.id() + " · " + r.transport() + ": " + r.message()))
                .as("cases the reference server did not pass in %s (wire logs in %s)", config, o.resultsJson())
                .isEmpty();
    }

    static List<CaseResult> runSuite(URI base, Config c, String targetName) {
        return SuiteRunner.run(Targets.declaring("eio4", base, targetName, c.declared()), "", new ResultsCollector());
    }

    static String header(Config c) {
        return "# sioconf eio4 suite against socket.io 4.8.1 (interop/modern-server.js run by node), configuration "
                + c.name() + ":\n"
                + "# " + c.about() + ".\n"
                + "# Declared: " + c.declared().describe() + ".\n"
                + "# One line per case and transport: requirement, case, transport (- when not per transport), verdict.\n"
                + "# Why a line is not PASS: interop/baselines/README.md. Written by SocketIo48InteropIT with\n"
                + "# -D" + SocketIo0919InteropIT.UPDATE + "=true; review its diff before committing it.\n";
    }

    static Path baselineFile(Config c) {
        return ServerProcess.interopDir().resolve("baselines").resolve(SERVER + "-" + c.name() + ".txt");
    }

    static Path reportDir(Config c) {
        return Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve("eio4-" + c.name());
    }

    static Path serverLog(Config c) {
        return reportDir(c).resolve("modern-server.log");
    }

    static String name(Config c) {
        return SERVER + "/" + c.name();
    }

    static String referenceName(Config c) {
        return "reference/" + c.name();
    }
}
