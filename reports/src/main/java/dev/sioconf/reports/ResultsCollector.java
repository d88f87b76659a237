package dev.sioconf.reports;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.spec.Level;
import dev.sioconf.spec.RequirementCatalogue;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.ValueWrapper;

/**
 * Turns the JUnit events of sioconf cases into graded {@link CaseResult}s. A test that published no
 * {@link ReportKeys#CASE} entry is not a sioconf case and is left out.
 */
public class ResultsCollector implements TestExecutionListener {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, Map<String, String>> entries = new ConcurrentHashMap<>();
    private final Map<String, RequirementCatalogue> catalogues = new ConcurrentHashMap<>();
    private final List<CaseResult> results = new ArrayList<>();
    private final Map<String, TargetSpan> spans = new java.util.LinkedHashMap<>();
    /** Where results go: this collector, or the one {@link #another()} was called on. */
    private final ResultsCollector sink;

    public ResultsCollector() {
        this.sink = this;
    }

    private ResultsCollector(ResultsCollector sink) {
        this.sink = sink;
    }

    /**
     * A collector for one more launch that runs at the same time as others: JUnit gives the same
     * ids in every launch of the same cases, so each needs its own; its results land here.
     */
    public ResultsCollector another() {
        return new ResultsCollector(sink);
    }

    @Override
    public void executionStarted(TestIdentifier test) {
        if (test.isTest()) {
            started.put(test.getUniqueId(), System.nanoTime());
        }
    }

    @Override
    public void reportingEntryPublished(TestIdentifier test, ReportEntry entry) {
        entries.computeIfAbsent(test.getUniqueId(), k -> new ConcurrentHashMap<>()).putAll(entry.getKeyValuePairs());
    }

    @Override
    public void executionFinished(TestIdentifier test, TestExecutionResult outcome) {
        if (!test.isTest()) {
            return;
        }
        Map<String, String> e = entries.remove(test.getUniqueId());
        Long start = started.remove(test.getUniqueId());
        if (e == null || !e.containsKey(ReportKeys.CASE)) {
            return;
        }
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        Throwable failure = outcome.getThrowable().orElse(null);
        String expected = "";
        String actual = "";
        if (failure instanceof AssertionFailedError afe) {
            expected = afe.isExpectedDefined() ? render(afe.getExpected()) : "";
            actual = afe.isActualDefined() ? render(afe.getActual()) : "";
        }
        CaseResult result = new CaseResult(
                e.get(ReportKeys.CASE),
                e.getOrDefault(ReportKeys.PROFILE, ""),
                e.getOrDefault(ReportKeys.REQUIREMENT, ""),
                e.getOrDefault(ReportKeys.DESCRIPTION, ""),
                e.getOrDefault(ReportKeys.TARGET, ""),
                e.getOrDefault(ReportKeys.TRANSPORT, "-"),
                grade(outcome, e),
                expected,
                actual,
                failure == null ? "" : String.valueOf(failure.getMessage()),
                millis,
                wire(e.get(ReportKeys.WIRE)));
        sink.record(result, start);
    }

    private void record(CaseResult result, Long start) {
        synchronized (results) {
            results.add(result);
            long end = System.nanoTime();
            spans.merge(result.target(), new TargetSpan(result.target(), 1, TargetSpan.isOptIn(result) ? 1 : 0, start == null ? end : start, end), TargetSpan::join);
        }
        onResult(result);
    }

    /** Called once per finished case; a hook for progress output. */
    protected void onResult(CaseResult result) {
    }

    /**
     * Per target (a scenario of the reference server, or a user's server), from its first case's
     * start to its last case's end: targets run side by side, so their walls overlap.
     */
    public List<TargetSpan> spans() {
        synchronized (results) {
            return List.copyOf(spans.values());
        }
    }

    /**
     * How many results a target gave, how many of them came from opt-in cases (the robustness
     * cases and the deployment findings: a run without {@code --robustness} and
     * {@code --deployment} has none, so its count is lower by that many), and the wall time from
     * its first case's start to its last case's end.
     */
    public record TargetSpan(String target, int results, int optIn, long firstStartNanos, long lastEndNanos) {

        /** The opt-in cases live in classes named so, in every profile. */
        static boolean isOptIn(CaseResult r) {
            return r.id().contains("RobustnessCases.") || r.id().startsWith("DeploymentCases.");
        }

        TargetSpan join(TargetSpan other) {
            return new TargetSpan(target, results + other.results, optIn + other.optIn,
                    Math.min(firstStartNanos, other.firstStartNanos), Math.max(lastEndNanos, other.lastEndNanos));
        }

        public java.time.Duration wall() {
            return java.time.Duration.ofNanos(lastEndNanos - firstStartNanos);
        }

        /** e.g. {@code reference/eio4-all: 397 results (21 of them opt-in cases) in 12.3 s wall}. */
        public String describe() {
            return String.format(java.util.Locale.ROOT, "%s: %d results%s in %.1f s wall", target, results,
                    optIn == 0 ? "" : " (" + optIn + " of them opt-in cases)", wall().toMillis() / 1000.0);
        }
    }

    public List<CaseResult> results() {
        synchronized (results) {
            return List.copyOf(results);
        }
    }

    /** The {@code n} results that took longest, longest first: where a run's time goes. */
    public List<CaseResult> slowest(int n) {
        return results().stream().sorted(java.util.Comparator.comparingLong(CaseResult::durationMillis).reversed()).limit(n).toList();
    }

    /** One result's time in a line, e.g. {@code 12.3 s  EIO4-7.8 PollingCases.x  reference/eio4-all · polling}. */
    public static String describeTime(CaseResult r) {
        return String.format(java.util.Locale.ROOT, "%6.1f s  %s %s  %s · %s", r.durationMillis() / 1000.0, r.requirement(), r.id(),
                r.target(), r.transport());
    }

    private Verdict grade(TestExecutionResult outcome, Map<String, String> e) {
        Throwable failure = outcome.getThrowable().orElse(null);
        return switch (outcome.getStatus()) {
            case SUCCESSFUL -> e.containsKey(ReportKeys.INFORMATIONAL) ? Verdict.INFORMATIONAL : Verdict.PASS;
            case ABORTED -> failure instanceof Unimplemented ? Verdict.UNIMPLEMENTED : Verdict.SKIPPED;
            case FAILED -> failure instanceof AssertionError ? gradeMiss(e) : Verdict.ERROR;
        };
    }

    /** A missed requirement weighs as much as the requirement: MUST fails, SHOULD is non-strict. */
    private Verdict gradeMiss(Map<String, String> e) {
        Level level = level(e.get(ReportKeys.PROFILE), e.get(ReportKeys.REQUIREMENT)).orElse(Level.MUST);
        return switch (level) {
            case MUST -> Verdict.FAIL;
            case SHOULD -> Verdict.NON_STRICT;
            case MAY -> Verdict.INFORMATIONAL;
        };
    }

    private Optional<Level> level(String profile, String requirement) {
        if (profile == null || requirement == null || profile.isEmpty()) {
            return Optional.empty();
        }
        RequirementCatalogue catalogue = catalogues.computeIfAbsent(profile, RequirementCatalogue::load);
        return catalogue.find(requirement).map(r -> r.level());
    }

    private static String render(ValueWrapper value) {
        Object v = value.getValue();
        return v instanceof String s ? s : value.getStringRepresentation();
    }

    private static List<WireEntry> wire(String json) {
        if (json == null || json.isEmpty()) {
            return List.of();
        }
        try {
            return JSON.readValue(json, new TypeReference<List<WireEntry>>() { });
        } catch (Exception ex) {
            return List.of(new WireEntry(0, "!", "note", "unreadable wire log: " + ex.getMessage()));
        }
    }
}
