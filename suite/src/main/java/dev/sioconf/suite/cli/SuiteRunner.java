package dev.sioconf.suite.cli;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectPackage;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportOnFinishListener;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.suite.junit.Requirement;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.FilterResult;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
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
        List<DiscoverySelector> packages = new ArrayList<>(List.of(
                selectPackage(LEGACY_CASES), selectPackage(EIO3_CASES), selectPackage(EIO4_CASES)));
        if (robustness) {
            ROBUSTNESS_CASES.forEach(p -> packages.add(selectPackage(p)));
        }
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(packages)
                .filters(includeClassNamePatterns(".*Cases"), requirementStartsWith(select))
                .configurationParameters(config)
                // The caller writes the report, with the targets' declared settings that the listener cannot know.
                .configurationParameter(ReportOnFinishListener.ENABLED, "false")
                .build();
        Launcher launcher = LauncherFactory.create();
        launcher.execute(request, collector);
        return collector.results();
    }

    /**
     * Runs only the named cases of one profile's package, each named {@code Class.method} (as the
     * fault catalogues name the case meant to catch a fault), every target x transport of each; a
     * class not in the package is looked up in the profile's robustness package.
     */
    public static List<CaseResult> runCases(Map<String, String> config, String casesPackage, java.util.Collection<String> cases,
            ResultsCollector collector) {
        java.util.Set<String> wanted = java.util.Set.copyOf(cases);
        PostDiscoveryFilter named = descriptor -> caseName(descriptor)
                .map(n -> wanted.contains(n) ? FilterResult.included(n) : FilterResult.excluded(n + " not named"))
                .orElse(FilterResult.included("not a case"));
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(wanted.stream().map(c -> selectClass(caseClass(casesPackage, c.substring(0, c.indexOf('.'))))).distinct().toList())
                .filters(named)
                .configurationParameters(config)
                .configurationParameter(ReportOnFinishListener.ENABLED, "false")
                .build();
        LauncherFactory.create().execute(request, collector);
        return collector.results();
    }

    /**
     * The class named {@code simpleName} in the profile's cases package, or else in its opt-in
     * robustness package beside it ({@code ...eio4.cases} and {@code ...eio4.robustness}).
     */
    static String caseClass(String casesPackage, String simpleName) {
        String robustness = casesPackage.replaceFirst("\\.cases$", ".robustness");
        for (String p : List.of(casesPackage, robustness)) {
            try {
                return Class.forName(p + "." + simpleName, false, SuiteRunner.class.getClassLoader()).getName();
            } catch (ClassNotFoundException notHere) {
                // try the next package
            }
        }
        return casesPackage + "." + simpleName; // discovery then reports the class as missing
    }

    private static java.util.Optional<String> caseName(TestDescriptor descriptor) {
        return descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName());
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

    private static java.util.Optional<String> requirementOf(TestDescriptor descriptor) {
        return descriptor.getSource()
                .filter(MethodSource.class::isInstance).map(MethodSource.class::cast)
                .map(MethodSource::getJavaMethod)
                .map(SuiteRunner::requirement);
    }

    private static String requirement(Method method) {
        Requirement r = method.getAnnotation(Requirement.class);
        return r == null ? "" : r.value();
    }
}
