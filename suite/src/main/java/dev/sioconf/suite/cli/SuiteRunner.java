package dev.sioconf.suite.cli;

import static org.junit.platform.engine.discovery.ClassNameFilter.includeClassNamePatterns;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportOnFinishListener;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.suite.client.ClientTargets;
import dev.sioconf.suite.junit.ClientCase;
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
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** Runs the cases of a profile through the JUnit Platform, with the target given as configuration. */
public final class SuiteRunner {

    static final String LEGACY_CASES = "dev.sioconf.suite.legacy.cases";
    static final String EIO4_CASES = "dev.sioconf.suite.eio4.cases";
    static final String EIO3_CASES = "dev.sioconf.suite.eio3.cases";
    /**
     * How many client cases run at once. Each starts a client process (a JVM, a browser), so
     * fewer than the server cases' 24: with 24 JVMs starting on two cores, the clients took 16 s
     * to make their first request.
     */
    static final int CLIENT_PARALLELISM = 4;
    private static final String CLIENT_PARALLELISM_KEY = "junit.jupiter.execution.parallel.config.fixed.parallelism";
    /** The cases that check clients (spec/eio4-client.md, eio3-client.md and legacy-client.md), run by {@code sioconf client}. */
    public static final String CLIENT_CASES = "dev.sioconf.suite.client.cases";

    /**
     * The opt-in cases a run adds to the profiles' conformance cases: the inputs of published
     * security advisories (for servers the user runs or owns), and the deployment findings.
     */
    public record OptIn(boolean robustness, boolean deployment) {
        List<String> packages(String profile) {
            List<String> packages = new ArrayList<>();
            if (robustness && !profile.equals("legacy")) {
                packages.add(robustnessPackage(casesPackage(profile)));
            }
            if (deployment) {
                packages.add(deploymentPackage(casesPackage(profile)));
            }
            return packages;
        }
    }

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
        return run(config, Selection.of(select), robustness, collector);
    }

    /** The cases whose requirement the selection matches, with the robustness cases too when {@code robustness} is set. */
    public static List<CaseResult> run(Map<String, String> config, Selection selection, boolean robustness, ResultsCollector collector) {
        return run(config, selection, new OptIn(robustness, false), collector);
    }

    /** The cases whose requirement the selection matches, with the opt-in cases asked for. */
    public static List<CaseResult> run(Map<String, String> config, Selection selection, OptIn optIn, ResultsCollector collector) {
        List<String> packages = new ArrayList<>();
        for (String profile : List.of("legacy", "eio3", "eio4")) {
            packages.add(casesPackage(profile));
            packages.addAll(optIn.packages(profile));
        }
        return launch(packages, config, collector, includeClassNamePatterns(".*Cases"), requirementIn(selection));
    }

    /** The client cases whose requirement the selection matches, against the clients of {@code sioconf.clients}. */
    public static List<CaseResult> runClients(Map<String, String> config, Selection selection, ResultsCollector collector) {
        Map<String, String> withParallelism = new java.util.HashMap<>(config);
        withParallelism.putIfAbsent(CLIENT_PARALLELISM_KEY, String.valueOf(CLIENT_PARALLELISM));
        return launch(List.of(CLIENT_CASES), withParallelism, collector, includeClassNamePatterns(".*ClientCases"),
                clientRequirementIn(selection));
    }

    /** A client case is selected when the id it checks on any of its profiles is ({@code EIO4C-5.1} is {@code EIO3C-5.1} on eio3). */
    private static PostDiscoveryFilter clientRequirementIn(Selection selection) {
        return descriptor -> caseMethod(descriptor).map(MethodSource::getJavaMethod)
                .map(m -> clientRequirements(m).stream().anyMatch(selection::matches)
                        ? FilterResult.included("selected") : FilterResult.excluded("not selected"))
                .orElse(FilterResult.included("not a case"));
    }

    /** The ids a client case checks, one per profile it runs for. */
    static List<String> clientRequirements(Method method) {
        ClientCase c = method.getAnnotation(ClientCase.class);
        String declared = requirement(method);
        if (c == null || declared.isEmpty()) {
            return List.of();
        }
        return java.util.Arrays.stream(c.profiles()).map(p -> ClientTargets.requirementOf(declared, p)).distinct().toList();
    }

    /** The requirement ids of the client cases that the selection matches, found by discovery alone. */
    public static List<String> clientRequirementsMatching(Selection selection) {
        return requirementsIn(List.of(CLIENT_CASES), ".*ClientCases", SuiteRunner::clientRequirements, selection);
    }

    /**
     * The requirement ids of the profiles' cases that the selection matches, in catalogue order,
     * found by discovery alone: no case runs and no target is needed, so a selection that matches
     * nothing can be refused before any server starts.
     *
     * @param profiles {@code legacy}, {@code eio3}, {@code eio4}
     */
    public static List<String> requirementsMatching(Selection selection, Collection<String> profiles, boolean robustness) {
        return requirementsMatching(selection, profiles, new OptIn(robustness, false));
    }

    public static List<String> requirementsMatching(Selection selection, Collection<String> profiles, OptIn optIn) {
        List<String> packages = new ArrayList<>();
        for (String profile : profiles) {
            packages.add(casesPackage(profile));
            packages.addAll(optIn.packages(profile));
        }
        return requirementsIn(packages, ".*Cases", m -> List.of(requirement(m)), selection);
    }

    private static List<String> requirementsIn(List<String> packages, String classPattern,
            java.util.function.Function<Method, List<String>> ids, Selection selection) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(packages.stream().map(DiscoverySelectors::selectPackage).toList())
                .filters(includeClassNamePatterns(classPattern))
                .build();
        TestPlan plan = LauncherFactory.create().discover(request);
        return plan.getRoots().stream()
                .flatMap(root -> plan.getDescendants(root).stream())
                .flatMap(t -> t.getSource().stream())
                .filter(MethodSource.class::isInstance)
                .flatMap(s -> ids.apply(((MethodSource) s).getJavaMethod()).stream())
                .filter(id -> !id.isEmpty() && selection.matches(id))
                .distinct()
                .sorted(ResultsJson::compareIds)
                .toList();
    }

    static String casesPackage(String profile) {
        return switch (profile) {
            case "legacy" -> LEGACY_CASES;
            case "eio3" -> EIO3_CASES;
            case "eio4" -> EIO4_CASES;
            default -> throw new IllegalArgumentException("unknown profile '" + profile + "'");
        };
    }

    private static String robustnessPackage(String casesPackage) {
        return casesPackage.replaceFirst("\\.cases$", ".robustness");
    }

    /** Opt-in: findings about the front end a server is reached through (section 24 of the eio specs, 17 of legacy's). */
    private static String deploymentPackage(String casesPackage) {
        return casesPackage.replaceFirst("\\.cases$", ".deployment");
    }

    /**
     * Runs only the named cases of one profile, each named {@code Class.method} (as the fault
     * catalogues name the case meant to catch a fault), every target x transport of each; the
     * names are looked up in the profile's cases package and the opt-in packages beside it
     * ({@code ...cases}, {@code ...robustness} and {@code ...deployment} of the profile).
     */
    public static List<CaseResult> runCases(Map<String, String> config, String casesPackage, Collection<String> cases,
            ResultsCollector collector) {
        Set<String> wanted = Set.copyOf(cases);
        PostDiscoveryFilter named = descriptor -> caseMethod(descriptor)
                .map(m -> m.getJavaClass().getSimpleName() + "." + m.getMethodName())
                .map(n -> wanted.contains(n) ? FilterResult.included(n) : FilterResult.excluded(n + " not named"))
                .orElse(FilterResult.included("not a case"));
        return launch(List.of(casesPackage, robustnessPackage(casesPackage), deploymentPackage(casesPackage)), config, collector, named);
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

    static PostDiscoveryFilter requirementIn(Selection selection) {
        return descriptor -> requirementOf(descriptor)
                .map(id -> selection.matches(id) ? FilterResult.included(id) : FilterResult.excluded(id + " not selected"))
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
