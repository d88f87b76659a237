package dev.sioconf.suite.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.spec.Level;
import dev.sioconf.spec.Requirement;
import dev.sioconf.spec.RequirementCatalogue;
import dev.sioconf.suite.junit.LegacyCase;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The build check between spec/ and the cases: every case names a requirement that exists, and
 * every MUST the suite can check from outside has at least one case. Requirements that bind the
 * client ("A client MUST ...") are the tester's own duty and need no case.
 */
class RequirementCoverageTest {

    static final String CASES = "dev.sioconf.suite.legacy.cases";
    /** The opt-in deployment findings of section 17 count as cases too. */
    static final String DEPLOYMENT_CASES = "dev.sioconf.suite.legacy.deployment";
    final RequirementCatalogue legacy = RequirementCatalogue.load("legacy");

    static List<Method> cases() {
        return java.util.stream.Stream.of(CASES, DEPLOYMENT_CASES)
                .flatMap(p -> ReflectionSupport.findAllClassesInPackage(p, c -> true, n -> true).stream())
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(LegacyCase.class))
                .toList();
    }

    static Set<String> named() {
        return cases().stream().map(m -> m.getAnnotation(dev.sioconf.suite.junit.Requirement.class))
                .map(r -> r == null ? "(none)" : r.value()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyCaseNamesAKnownRequirement() {
        assertThat(cases()).isNotEmpty();
        Set<String> unknown = named().stream().filter(id -> legacy.find(id).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknown).as("cases naming no requirement or an unknown one").isEmpty();
    }

    @Test
    void everyServerMustHasACase() {
        Set<String> named = named();
        List<String> uncovered = legacy.withLevel(Level.MUST).stream()
                .filter(r -> !bindsTheClient(r))
                .map(Requirement::id)
                .filter(id -> !named.contains(id))
                .toList();
        assertThat(uncovered).as("MUST requirements without a case").isEmpty();
    }

    static boolean bindsTheClient(Requirement r) {
        return r.text().startsWith("A client ");
    }
}
