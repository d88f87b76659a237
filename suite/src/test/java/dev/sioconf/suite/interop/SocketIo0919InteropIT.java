package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import dev.sioconf.suite.cli.Baseline;
import dev.sioconf.suite.cli.SuiteRunner;
import dev.sioconf.suite.target.DeclaredSettings;
import dev.sioconf.suite.target.Targets;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real socket.io 0.9.19 ({@code interop/legacy-server.js}, run by node) under the whole legacy
 * suite, in three deployments, with the bundled reference server run alongside under the same
 * declared settings. 0.9.19's verdicts must equal the committed baseline
 * {@code interop/baselines/socket.io-0.9.19-<config>.txt} line for line, so that a known deviation
 * is reviewed in a diff and a new one fails the build; the reference server must pass everything.
 * Each configuration's results for both servers go to
 * {@code target/interop-report/<config>/results.json}.
 *
 * <p>{@code -Dsioconf.interop.updateBaseline=true} writes the baselines from this run instead of
 * comparing.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class SocketIo0919InteropIT {

    static final String SERVER = "socket.io-0.9.19";
    static final String UPDATE = "sioconf.interop.updateBaseline";
    static final Duration RUN_LIMIT = Duration.ofMinutes(6);

    /**
     * Shortened from 0.9.19's 25/60/60 s in every configuration, to keep the run short. The close
     * timeout stays at 10 s: LEG-9.5's burst case POSTs ten payloads with no poll held, which takes up
     * to 5 s on a loaded two-core machine with six runs at once, and a shorter close timeout would let
     * the session lapse in between (a fault of the test, not of the server).
     */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofSeconds(2);
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);

    /** A deployment: the transports in the server's order and the polling duration. */
    record Config(String name, String about, List<String> transports, Duration pollingDuration) {

        DeclaredSettings declared() {
            return new DeclaredSettings(transports, pollingDuration, HEARTBEAT_TIMEOUT, CLOSE_TIMEOUT, List.of("*:*"));
        }

        /** What the server is set up with beyond the declaration. */
        String describe() {
            return declared().describe() + " heartbeat-interval=" + seconds(HEARTBEAT_INTERVAL);
        }

        /** legacy-server.js's environment. */
        Map<String, String> environment() {
            Map<String, String> env = new LinkedHashMap<>();
            env.put("TRANSPORTS", String.join(",", transports));
            env.put("POLLING_DURATION", seconds(pollingDuration));
            env.put("HEARTBEAT_INTERVAL", seconds(HEARTBEAT_INTERVAL));
            env.put("HEARTBEAT_TIMEOUT", seconds(HEARTBEAT_TIMEOUT));
            env.put("CLOSE_TIMEOUT", seconds(CLOSE_TIMEOUT));
            env.put("ORIGINS", "*:*");
            return env;
        }

        /** The reference server with the same settings. */
        LegacySettings referenceSettings() {
            return LegacySettings.defaults()
                    .withTransports(transports.stream()
                            .map(n -> LegacyTransport.ofWireName(n).orElseThrow(() -> new IllegalArgumentException(n)))
                            .toList())
                    .withPollingDuration(pollingDuration)
                    .withHeartbeats(true, HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT)
                    .withCloseTimeout(CLOSE_TIMEOUT)
                    .withOrigins(List.of("*:*"));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Config> CONFIGS = List.of(
            new Config("defaults", "0.9.19's default transports in their default order, default polling duration",
                    DeclaredSettings.LEGACY_DEFAULT_TRANSPORTS, Duration.ofSeconds(20)),
            new Config("web-role", "the web-role deployment: websocket cannot pass the front end, polls closed after 10 s",
                    List.of("xhr-polling"), Duration.ofSeconds(10)),
            new Config("custom-order", "a custom transport order with polling first and a short polling duration",
                    List.of("jsonp-polling", "xhr-polling", "websocket"), Duration.ofSeconds(5)));

    /** Both servers' results of one configuration; issue 4's report can put them side by side. */
    record Outcome(Config config, String socketIoName, List<CaseResult> socketIo, String referenceName,
            List<CaseResult> reference, Path resultsJson, Path serverLog) {
    }

    static final Map<String, Outcome> OUTCOMES = new ConcurrentHashMap<>();
    static long wallMillis;

    @BeforeAll
    static void runTheSuiteAgainstBothServersInEveryConfiguration() throws Exception {
        ServerProcess.interopDir(); // fail at once, and clearly, when the npm packages are missing
        long start = System.nanoTime();
        // Six runs at once (three configurations, two servers): the cases mostly wait on timers.
        ExecutorService pool = Executors.newFixedThreadPool(CONFIGS.size() * 2);
        try {
            Map<Config, Future<List<CaseResult>>> socketIo = new LinkedHashMap<>();
            Map<Config, Future<List<CaseResult>>> reference = new LinkedHashMap<>();
            for (Config c : CONFIGS) {
                socketIo.put(c, pool.submit(() -> runAgainstSocketIo(c)));
                reference.put(c, pool.submit(() -> runAgainstReference(c)));
            }
            for (Config c : CONFIGS) {
                List<CaseResult> s = socketIo.get(c).get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                List<CaseResult> r = reference.get(c).get(RUN_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                Map<String, String> targets = new LinkedHashMap<>();
                targets.put(socketIoName(c), c.describe());
                targets.put(referenceName(c), c.describe());
                List<CaseResult> both = new ArrayList<>(s);
                both.addAll(r);
                // The full report, socket.io 0.9.19 and the reference server side by side (compare.html).
                Path index = ReportWriter.write(reportDir(c), "legacy", targets, both);
                Path json = index.resolveSibling(ResultsJson.FILE_NAME);
                OUTCOMES.put(c.name(), new Outcome(c, socketIoName(c), s, referenceName(c), r, json, serverLog(c)));
            }
        } finally {
            pool.shutdownNow();
        }
        wallMillis = Duration.ofNanos(System.nanoTime() - start).toMillis();
    }

    @AfterAll
    static void sayHowLongItTook() {
        System.out.printf("socket.io 0.9.19 interop: %d configurations, both servers, in %.1f s wall time%n",
                OUTCOMES.size(), wallMillis / 1000.0);
        OUTCOMES.values().forEach(o -> System.out.println("  " + o.config().name() + ": " + SERVER + " " + counts(o.socketIo())
                + "; reference " + counts(o.reference()) + " -> " + o.resultsJson()));
    }

    static Stream<Config> configs() {
        return CONFIGS.stream();
    }

    @ParameterizedTest(name = "socket.io 0.9.19, {0}: verdicts equal the baseline")
    @MethodSource("configs")
    void socketIo0919VerdictsEqualTheBaseline(Config config) throws IOException {
        Outcome o = OUTCOMES.get(config.name());
        assertThat(o.socketIo()).as("results of %s", config).isNotEmpty();
        Path baseline = baselineFile(config);
        Map<String, List<CaseResult>> run = Map.of(o.socketIoName(), o.socketIo());
        if (Boolean.getBoolean(UPDATE)) {
            Baseline.write(baseline, header(config), run);
            System.out.println("wrote " + baseline + " (" + o.socketIo().size() + " lines)");
            return;
        }
        assertThat(baseline).as("baseline of %s; write it with -D%s=true", config, UPDATE).isRegularFile();
        String diff = Baseline.diff(Baseline.read(baseline), run);
        assertThat(diff).as("socket.io 0.9.19 in configuration %s differs from %s (- in the baseline only, + in this run"
                + " only); wire logs in %s; server log %s. A new deviation: find out why and document it in"
                + " interop/baselines/README.md, then rerun with -D%s=true", config, baseline, o.resultsJson(), o.serverLog(), UPDATE)
                .isEmpty();
    }

    @ParameterizedTest(name = "reference server, {0}: every case passes")
    @MethodSource("configs")
    void referenceServerPassesEveryCaseInTheSameConfiguration(Config config) {
        Outcome o = OUTCOMES.get(config.name());
        assertThat(o.reference()).as("results of the reference server in %s", config).isNotEmpty();
        assertThat(o.reference().stream().filter(r -> r.verdict() != Verdict.PASS && r.verdict() != Verdict.UNIMPLEMENTED)
                .map(r -> r.verdict() + " " + r.id() + " · " + r.transport() + ": " + r.message()))
                .as("cases the reference server did not pass in %s (wire logs in %s)", config, o.resultsJson())
                .isEmpty();
    }

    // ---- runs -----------------------------------------------------------------------------------

    static List<CaseResult> runAgainstSocketIo(Config c) throws Exception {
        try (ServerProcess server = ServerProcess.start("legacy-server.js", c.environment(), serverLog(c))) {
            return runSuite(server.baseUri(), socketIoName(c), c);
        }
    }

    static List<CaseResult> runAgainstReference(Config c) throws Exception {
        try (LegacyServer server = LegacyServer.start(c.referenceSettings())) {
            return runSuite(server.baseUri(), referenceName(c), c);
        }
    }

    static List<CaseResult> runSuite(URI base, String name, Config c) {
        DeclaredSettings d = c.declared();
        Map<String, String> config = new HashMap<>();
        config.put(Targets.TARGET, base.toString());
        config.put(Targets.NAME, name);
        config.put(Targets.TRANSPORTS, String.join(",", d.transports()));
        config.put(Targets.POLLING_DURATION, seconds(d.pollingDuration()));
        config.put(Targets.HEARTBEAT_TIMEOUT, seconds(d.heartbeatTimeout()));
        config.put(Targets.CLOSE_TIMEOUT, seconds(d.closeTimeout()));
        config.put(Targets.ORIGINS, String.join(",", d.origins()));
        return SuiteRunner.run(config, "", new ResultsCollector());
    }

    // ---- baselines ------------------------------------------------------------------------------

    static String header(Config c) {
        return "# sioconf legacy suite against socket.io 0.9.19 (interop/legacy-server.js run by node), configuration "
                + c.name() + ":\n"
                + "# " + c.about() + ".\n"
                + "# Server and declaration: " + c.describe() + ".\n"
                + "# Heartbeat interval, heartbeat timeout and close timeout are shortened from 0.9.19's defaults"
                + " (25, 60, 60 s)\n# to " + seconds(HEARTBEAT_INTERVAL) + ", " + seconds(HEARTBEAT_TIMEOUT) + " and "
                + seconds(CLOSE_TIMEOUT) + " s in every configuration, to keep the run short.\n"
                + "# One line per case and transport: requirement, case, transport (- when not per transport), verdict.\n"
                + "# Why a line is not PASS: interop/baselines/README.md. Written by SocketIo0919InteropIT with\n"
                + "# -D" + UPDATE + "=true; review its diff before committing it.\n";
    }

    // ---- places and names -----------------------------------------------------------------------

    static Path baselineFile(Config c) {
        return ServerProcess.interopDir().resolve("baselines").resolve(SERVER + "-" + c.name() + ".txt");
    }

    static Path reportDir(Config c) {
        return Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve(c.name());
    }

    static Path serverLog(Config c) {
        return reportDir(c).resolve("legacy-server.log");
    }

    static String socketIoName(Config c) {
        return SERVER + "/" + c.name();
    }

    static String referenceName(Config c) {
        return "reference/" + c.name();
    }

    static String counts(List<CaseResult> results) {
        return results.stream().collect(Collectors.groupingBy(CaseResult::verdict, () -> new java.util.EnumMap<>(Verdict.class),
                Collectors.counting())).toString();
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
