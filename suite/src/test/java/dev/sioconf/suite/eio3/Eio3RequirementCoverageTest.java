package dev.sioconf.suite.eio3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.spec.Level;
import dev.sioconf.spec.Requirement;
import dev.sioconf.spec.RequirementCatalogue;
import dev.sioconf.suite.junit.Eio3Case;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The build check between spec/eio3.md and the eio3 cases: every case names a requirement that
 * exists, and every server MUST of the profile, Engine.IO and Socket.IO layer alike, has a case.
 */
class Eio3RequirementCoverageTest {

    static final String CASES = "dev.sioconf.suite.eio3.cases";
    /** The opt-in robustness cases (spec requirements from security advisories) count as cases too. */
    static final String ROBUSTNESS_CASES = "dev.sioconf.suite.eio3.robustness";
    /** So do the opt-in deployment findings of section 24. */
    static final String DEPLOYMENT_CASES = "dev.sioconf.suite.eio3.deployment";
    /**
     * MUSTs that no black-box case can check: 1.x binds the deployment as a whole (each case
     * checks its part of it).
     */
    static final Set<String> NOT_CHECKABLE = Set.of("EIO3-1.1", "EIO3-1.3");

    final RequirementCatalogue eio3 = RequirementCatalogue.load("eio3");

    static List<Method> cases() {
        return java.util.stream.Stream.of(CASES, ROBUSTNESS_CASES, DEPLOYMENT_CASES)
                .flatMap(p -> ReflectionSupport.findAllClassesInPackage(p, c -> true, n -> true).stream())
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(Eio3Case.class))
                .toList();
    }

    static Set<String> named() {
        return cases().stream().map(m -> m.getAnnotation(dev.sioconf.suite.junit.Requirement.class))
                .map(r -> r == null ? "(none)" : r.value()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyEio3CaseNamesAKnownRequirement() {
        assertThat(cases()).isNotEmpty();
        Set<String> unknown = named().stream().filter(id -> eio3.find(id).isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(unknown).as("eio3 cases naming no requirement or an unknown one").isEmpty();
    }

    @Test
    void everyServerMustHasACase() {
        Set<String> named = named();
        List<String> uncovered = eio3.withLevel(Level.MUST).stream()
                .filter(r -> !r.text().startsWith("A client "))
                .map(Requirement::id)
                .filter(id -> !named.contains(id) && !NOT_CHECKABLE.contains(id))
                .toList();
        assertThat(uncovered).as("eio3 MUST requirements without a case").isEmpty();
    }
}
