package dev.sioconf.reports;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.launcher.TestPlan;

/**
 * Registered through {@code META-INF/services}, so any JUnit Platform run with the reports module
 * on its class path (the suite's {@code mvn verify}) writes the full report when it ends. A run in
 * which no sioconf case ran (any other module's unit tests) writes nothing.
 *
 * <p>The directory is the configuration parameter {@value #DIR} (a system property works too),
 * default {@value #DEFAULT_DIR}. A caller that writes the report itself, such as the CLI with the
 * targets' declared settings, turns this one off with {@value #ENABLED}{@code =false}.
 */
public class ReportOnFinishListener extends ResultsCollector {

    public static final String DIR = "sioconf.report.dir";
    public static final String DEFAULT_DIR = "target/sioconf-report";
    public static final String ENABLED = "sioconf.report.enabled";

    private volatile ConfigurationParameters configuration;

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        configuration = plan.getConfigurationParameters();
    }

    /** How many of the slowest cases a run names after its scenarios' wall times. */
    static final int SLOWEST = 10;

    @Override
    public void testPlanExecutionFinished(TestPlan plan) {
        ConfigurationParameters config = configuration != null ? configuration : plan.getConfigurationParameters();
        if (!config.getBoolean(ENABLED).orElse(true)) {
            return;
        }
        List<CaseResult> results = results();
        if (results.isEmpty()) {
            return;
        }
        Path dir = Path.of(config.get(DIR).filter(s -> !s.isBlank()).orElse(DEFAULT_DIR));
        try {
            Path index = ReportWriter.write(dir, profileOf(results), targetsOf(results), results);
            System.out.println("sioconf report: " + index.toAbsolutePath());
            spans().forEach(span -> System.out.println("sioconf scenario " + span.describe()));
            slowest(SLOWEST).forEach(r -> System.out.println("sioconf slowest " + describeTime(r)));
        } catch (IOException | RuntimeException e) {
            // a report that cannot be written must not hide the test outcome, only be said
            System.err.println("sioconf report: could not write " + dir.toAbsolutePath() + ": " + e);
        }
    }

    /** The results' profile; a run of several profiles is named by all of them. */
    static String profileOf(List<CaseResult> results) {
        return String.join(",", results.stream().map(CaseResult::profile).filter(p -> !p.isEmpty()).distinct().toList());
    }

    /**
     * The targets seen, by name (cases finish in any order when they run in parallel, so the order
     * of first results would change from run to run); their declared settings are not known here.
     */
    static Map<String, String> targetsOf(List<CaseResult> results) {
        Map<String, String> targets = new LinkedHashMap<>();
        results.stream().map(CaseResult::target).filter(Objects::nonNull).sorted().distinct()
                .forEach(t -> targets.put(t, ""));
        return targets;
    }
}
