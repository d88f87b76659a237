package dev.sioconf.suite.hostile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import dev.sioconf.spec.Level;
import dev.sioconf.spec.RequirementCatalogue;
import dev.sioconf.suite.cli.SioconfMain;
import dev.sioconf.suite.cli.SuiteRunner;
import dev.sioconf.suite.hostile.HostileTarget.Behaviour;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.target.Targets;
import dev.sioconf.suite.wire.Http;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The suite against targets that are not socket.io servers at all, through the entry points a
 * user has ({@link SuiteRunner} with the configuration of {@code --target URL --profile P}, and the
 * CLI): every case ends FAIL or ERROR (or the miss grade of a SHOULD) within its bound, with a
 * message that says what went wrong, and the CLI exits non-zero. Writes
 * {@code spec/robustness/hostile-targets.md} and checks the committed one.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Isolated("its endless-body targets must fill the tester's 16 MiB limit within the 5 s bound; beside the load and fault tests "
        + "the tester read too slowly in one CI run and the cases said 'no answer' instead")
class HostileTargetsTest {

    static final Path TABLE = Path.of("..", "spec", "robustness", "hostile-targets.md");
    static final String UPDATE = "sioconf.robustness.update";

    /** The handshake sections: every case there starts by reaching the target, on every transport. */
    static final Map<String, String> SELECT = ordered("legacy", "LEG-3", "eio3", "EIO3-3", "eio4", "EIO4-3");
    /** One case for the CLI run, which only has to show its exit status. */
    static final Map<String, String> CLI_SELECT = ordered("legacy", "LEG-3.1", "eio3", "EIO3-3.1", "eio4", "EIO4-3.1");

    /**
     * A case against such a target waits at most once for an answer the protocol wants at once
     * ({@link Bounds#PROMPT}), and the body of an answer at most {@link Http#BODY_SLACK} more; the
     * rest is room for a loaded two-core machine.
     */
    static final Duration CASE_BOUND = Bounds.PROMPT.plus(Http.BODY_SLACK).plusSeconds(5);
    /** Every selection runs its cases at once (fewer than the suite's parallelism); plus discovery and start-up. */
    static final Duration RUN_BOUND = CASE_BOUND.plusSeconds(10);
    /** The CLI first probes the target ({@link SioconfMain#REACH_BOUND}), then runs one case. */
    static final Duration CLI_BOUND = SioconfMain.REACH_BOUND.plus(RUN_BOUND);

    /** What every message of a behaviour must say, one of these. */
    static final Map<Behaviour, Pattern> SAYS = new EnumMap<>(Map.of(
            Behaviour.DOWN, Pattern.compile("connection refused"),
            Behaviour.CLOSES, Pattern.compile("connection reset|closed the connection without an answer|no upgrade answer within \\d+ ms"),
            Behaviour.SILENT, Pattern.compile("no answer to \\S+ \\S+ within \\d+ ms|no upgrade answer within \\d+ ms"),
            Behaviour.GARBAGE, Pattern.compile("not HTTP|Invalid|no upgrade answer within \\d+ ms"),
            // the case's own check fails on the nonsense, and says what it expected
            Behaviour.HTTP_NONSENSE, Pattern.compile("nonsense|[Ee]xpect|Response code was not 101: 200"),
            Behaviour.HUGE_BODY, Pattern.compile("larger than \\d+ bytes")));

    record Run(Behaviour behaviour, String profile, List<CaseResult> results, Duration took, int cliExit, String cliErr, Duration cliTook) {
    }

    /** The CLI runs' report folders; JUnit removes them (each run used to leave one in the system's temp folder). */
    @TempDir
    static Path reports;

    private final Map<String, Run> runs = new LinkedHashMap<>();

    /**
     * The runs mostly wait, so they go at once; but an endless body keeps the JDK client's one
     * selector thread busy, which delays the timeouts of every other request of the process, so
     * the huge bodies run on their own, after the rest.
     */
    @BeforeAll
    void runEveryBehaviourOnEveryProfile() throws Exception {
        List<Behaviour> waiting = Stream.of(Behaviour.values()).filter(b -> b != Behaviour.HUGE_BODY).toList();
        Map<String, Run> found = new LinkedHashMap<>();
        found.putAll(runAtOnce(waiting));
        found.putAll(runAtOnce(List.of(Behaviour.HUGE_BODY)));
        for (Behaviour b : Behaviour.values()) {
            SELECT.keySet().forEach(p -> runs.put(key(b, p), found.get(key(b, p))));
        }
    }

    private static Map<String, Run> runAtOnce(List<Behaviour> behaviours) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(behaviours.size() * SELECT.size());
        try {
            Map<String, Future<Run>> pending = new LinkedHashMap<>();
            for (Behaviour b : behaviours) {
                for (String profile : SELECT.keySet()) {
                    pending.put(key(b, profile), pool.submit(() -> run(b, profile)));
                }
            }
            Map<String, Run> done = new LinkedHashMap<>();
            for (Map.Entry<String, Future<Run>> e : pending.entrySet()) {
                done.put(e.getKey(), e.getValue().get(RUN_BOUND.plus(CLI_BOUND).multipliedBy(2).toSeconds(), TimeUnit.SECONDS));
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> combinations() {
        return Stream.of(Behaviour.values()).flatMap(b -> SELECT.keySet().stream().map(p -> Arguments.of(b, p)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void everyCaseEndsFailOrErrorWithAMessageThatSaysWhatWentWrongWithinItsBound(Behaviour b, String profile) {
        Run run = runs.get(key(b, profile));
        assertThat(run.results()).as("results of %s on %s", SELECT.get(profile), b).isNotEmpty();
        RequirementCatalogue catalogue = RequirementCatalogue.load(profile);
        for (CaseResult r : run.results()) {
            String what = r.requirement() + " [" + r.transport() + "] on " + b + ": " + r.message();
            Level level = catalogue.find(r.requirement()).orElseThrow().level();
            assertThat(r.verdict()).as(what).isIn(allowed(level));
            assertThat(r.message()).as(what).isNotBlank();
            assertThat(SAYS.get(b).matcher(r.message()).find()).as("%s says %s", what, SAYS.get(b)).isTrue();
            assertThat(Duration.ofMillis(r.durationMillis())).as("%s; wire log:%n%s", what, r.wire().stream()
                    .map(e -> e.atMillis() + " ms " + e.direction() + " " + HostileTable.normalize(e.text().lines().findFirst().orElse("")))
                    .collect(java.util.stream.Collectors.joining("\n"))).isLessThanOrEqualTo(CASE_BOUND);
        }
        assertThat(run.took()).as("the whole run").isLessThanOrEqualTo(RUN_BOUND);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("combinations")
    void theCliExitsNonZeroWithinItsBound(Behaviour b, String profile) {
        Run run = runs.get(key(b, profile));
        assertThat(run.cliExit()).as(run.cliErr()).isIn(1, 2);
        assertThat(run.cliTook()).isLessThanOrEqualTo(CLI_BOUND);
        if (run.cliExit() == 2) {
            // nothing answered HTTP, or what answered is no handshake of the profile: said before any case runs
            assertThat(run.cliErr()).matches("sioconf: (cannot reach |no socket\\.io endpoint at |no \\w+ endpoint at ).*");
        }
    }

    @Test
    void theCommittedTableIsTheOneTheseRunsWrite() throws Exception {
        String table = HostileTable.render(runs.values().stream().toList(), CASE_BOUND, RUN_BOUND, CLI_BOUND, SELECT, CLI_SELECT);
        if (Boolean.getBoolean(UPDATE)) {
            Files.createDirectories(TABLE.getParent());
            Files.writeString(TABLE, table, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(TABLE) ? Files.readString(TABLE, StandardCharsets.UTF_8) : "";
        if (!committed.equals(table)) {
            fail(TABLE.normalize() + " differs from what this run found (rewrite it with -D" + UPDATE + "=true and review the diff):\n"
                    + HostileTable.diff(committed, table));
        }
    }

    /** A miss grades as the requirement weighs (a missed SHOULD is NON_STRICT); a harness failure is ERROR; never PASS. */
    static List<Verdict> allowed(Level level) {
        List<Verdict> v = new ArrayList<>(List.of(Verdict.FAIL, Verdict.ERROR));
        if (level == Level.SHOULD) {
            v.add(Verdict.NON_STRICT);
        } else if (level == Level.MAY) {
            v.add(Verdict.INFORMATIONAL);
        }
        return v;
    }

    private static Run run(Behaviour b, String profile) throws Exception {
        try (HostileTarget target = HostileTarget.start(b)) {
            Map<String, String> config = new LinkedHashMap<>();
            config.put(Targets.TARGET, target.base().toString());
            config.put(Targets.PROFILE, profile);
            long start = System.nanoTime();
            List<CaseResult> results = SuiteRunner.run(config, SELECT.get(profile), new ResultsCollector());
            Duration took = Duration.ofNanos(System.nanoTime() - start);

            Path report = Files.createTempDirectory(reports, "report");
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            start = System.nanoTime();
            int exit = SioconfMain.run(new PrintWriter(out, true), new PrintWriter(err, true), "--target", target.base().toString(),
                    "--profile", profile, "--select", CLI_SELECT.get(profile), "--report", report.toString());
            Duration cliTook = Duration.ofNanos(System.nanoTime() - start);
            return new Run(b, profile, results, took, exit, err.toString().strip(), cliTook);
        }
    }

    private static Map<String, String> ordered(String... keysAndValues) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    private static String key(Behaviour b, String profile) {
        return b + "/" + profile;
    }
}
