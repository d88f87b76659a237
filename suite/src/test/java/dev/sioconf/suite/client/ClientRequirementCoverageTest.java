package dev.sioconf.suite.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.spec.Level;
import dev.sioconf.spec.Requirement;
import dev.sioconf.spec.RequirementCatalogue;
import dev.sioconf.suite.cli.SuiteRunner;
import dev.sioconf.suite.junit.ClientCase;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/** The build check between spec/eio4-client.md and the client cases: known ids only, and a case for every MUST. */
class ClientRequirementCoverageTest {

    final RequirementCatalogue clients = RequirementCatalogue.load("eio4-client");

    static List<Method> cases() {
        return ReflectionSupport.findAllClassesInPackage(SuiteRunner.EIO4_CLIENT_CASES, c -> true, n -> true).stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(ClientCase.class))
                .toList();
    }

    static Set<String> named() {
        return cases().stream().map(m -> m.getAnnotation(dev.sioconf.suite.junit.Requirement.class))
                .map(r -> r == null ? "(none)" : r.value()).collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void everyClientCaseNamesAKnownRequirement() {
        assertThat(cases()).isNotEmpty();
        assertThat(named().stream().filter(id -> clients.find(id).isEmpty()).toList())
                .as("client cases naming no requirement or an unknown one").isEmpty();
    }

    @Test
    void everyClientMustHasACase() {
        Set<String> named = named();
        assertThat(clients.withLevel(Level.MUST).stream().map(Requirement::id).filter(id -> !named.contains(id)).toList())
                .as("client MUST requirements without a case").isEmpty();
    }

    @Test
    void clientCaseClassesEndInClientCasesSoTheServerRunLeavesThemOut() {
        assertThat(cases()).allSatisfy(m -> assertThat(m.getDeclaringClass().getSimpleName()).endsWith("ClientCases"));
    }
}
