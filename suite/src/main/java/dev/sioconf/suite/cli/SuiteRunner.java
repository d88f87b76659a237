package dev.sioconf.suite.cli;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportOnFinishListener;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.suite.junit.Requirement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.PostDiscoveryFilter;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the cases of a profile through the JUnit Platform, with the target given as configuration. */
public final class SuiteRunner {

    static final String LEGACY_CASES = "dev.sioconf.suite.legacy.cases";
    static final String EIO4_CASES = "dev.sioconf.suite.eio4.cases";
    static final String EIO3_CASES = "dev.sioconf.suite.eio3.cases";
    /** Opt-in: the inputs of published security advisories, for servers the user runs or owns. */
    static final List<String> ROBUSTNESS_CASES = List.of("dev.sioconf.suite.eio3.robustness", "dev.sioconf.suite.eio4.robustness");

    private SuiteRunner() {
    }

    /**
     * @param config    {@code sioconf.*} keys (see {@link dev.sioconf.suite.target.Targets})
     * @param select    only cases whose requirement id starts with this, or empty for all
     * @param collector receives every result as it comes
     */
    public static List<CaseResult> run(Map<String, String> config, String select, ResultsCollector collector) {
        return run(config, select, false, collector);
    }

    /**
     * Like {@link #run(Map, String, ResultsCollector)}, with the opt-in robustness cases too when
     * {@code robustness} is set: they send inputs that crashed servers of the past.
     */
    public static List<CaseResult> run(Map<String, String> config, String select, boolean robustness, ResultsCollector collector) {
        List<String> packages = new ArrayList<>(List.of(LEGACY_CASES, EIO3_CASES, EIO4_CASES));
        if (robustness) {
            packages.addAll(ROBUSTNESS_CASES);
        }
        return launch(packages, config, collector, includeClassNamePatterns(".*Cases"), requirementStartsWith(select));
    }

    /**
     * Runs only the named cases of one profile, each named {@code Class.method} (as the fault
     * catalogues name the case meant to catch a fault), every target x transport of each; the
     * names are looked up in the profile's cases package and the opt-in robustness package beside
     * it ({@code ...eio4.cases} and {@code ...eio4.robustness}).
     */
    public static List<CaseResult> runCases(Map<String, String> config, String casesPackage, Collection<String> cases,
            ResultsCollector collector) {
        Set<String> wanted = Set.copyOf(cases);
        PostDiscoveryFilter named = descriptor -> caseMethod(descriptor)
                .map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName())
                .map(n -> wanted.contains(n) ? FilterResult.included(n) : FilterResult.excluded(n + " not named"))
                .orElse(FilterResult.included("not a case"));
        String robustness = casesPackage.replaceFirst("\\.cases$", ".robustness");
        return launch(List.of(casesPackage, robustness), config, collector, named);
    }

    private static List<CaseResult> launch(List<String> packages, Map<String, String> config, ResultsCollector collector,
            Filter<?>... filters) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(packages.stream().map(DiscoverySelectors::selectPackage).toList())
                .filters(filters)
                .configurationParameters(config)
                // The caller writes the report, with the targets' declared settings that the listener cannot know.
                .configurationParameter(ReportOnFinishListener.ENABLED, "false")
                .build();
        LauncherFactory.create().execute(request, collector);
        return collector.results();
    }

    static PostDiscoveryFilter requirementStartsWith(String prefix) {
        return descriptor -> requirementOf(descriptor)
                .map(id -> selected(id, prefix) ? FilterResult.included(id) : FilterResult.excluded(id + " not selected"))
                .orElse(FilterResult.included("not a case"));
    }

    /** {@code EIO3} selects every EIO3 requirement, {@code LEG-9} section 9, {@code LEG-9.1} exactly LEG-9.1 (not LEG-9.10). */
    static boolean selected(String id, String prefix) {
        if (prefix == null || prefix.isEmpty()) {
            return true;
        }
        String p = prefix.endsWith(".") || prefix.endsWith("-") ? prefix.substring(0, prefix.length() - 1) : prefix;
        if (!p.contains("-")) {
            return id.startsWith(p + "-");
        }
        return id.equals(p) || id.startsWith(p + ".");
    }

    private static Optional<String> requirementOf(TestDescriptor descriptor) {
        return caseMethod(descriptor).map(MethodSource::getJavaMethod).map(SuiteRunner::requirement);
    }

    private static Optional<MethodSource> caseMethod(TestDescriptor descriptor) {
        return descriptor.getSource().filter(MethodSource.class::isInstance).map(MethodSource.class::cast);
    }

    private static String requirement(Method method) {
        Requirement r = method.getAnnotation(Requirement.class);
        return r == null ? "" : r.value();
    }
}
