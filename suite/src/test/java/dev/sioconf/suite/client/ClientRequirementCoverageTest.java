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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The build check between the client documents (spec/eio4-client.md, eio3-client.md, legacy-client.md) and the
 * client cases: on each profile a case runs for, the id it checks is known, and every MUST has a case.
 */
class ClientRequirementCoverageTest {

    static List<Method> cases() {
        return ReflectionSupport.findAllClassesInPackage(SuiteRunner.CLIENT_CASES, c -> true, n -> true).stream()
                .flatMap(c -> Arrays.stream(c.getDeclaredMethods()))
                .filter(m -> m.isAnnotationPresent(ClientCase.class))
                .toList();
    }

    /** The ids the cases check on a profile. */
    static Set<String> checked(String profile) {
        return cases().stream()
                .filter(m -> Arrays.asList(m.getAnnotation(ClientCase.class).profiles()).contains(profile))
                .map(m -> m.getAnnotation(dev.sioconf.suite.junit.Requirement.class))
                .map(r -> r == null ? "(none)" : ClientTargets.requirementOf(r.value(), profile))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"eio4", "eio3", "legacy"})
    void everyClientCaseChecksAKnownRequirementAndEveryMustHasACase(String profile) {
        RequirementCatalogue catalogue = RequirementCatalogue.load(profile + "-client");
        Set<String> checked = checked(profile);
        assertThat(checked.stream().filter(id -> catalogue.find(id).isEmpty()).toList())
                .as("%s client cases naming no requirement or an unknown one", profile).isEmpty();
        assertThat(catalogue.withLevel(Level.MUST).stream().map(Requirement::id).filter(id -> !checked.contains(id)).toList())
                .as("%s client MUST requirements without a case", profile).isEmpty();
    }

    @Test
    void clientCaseClassesEndInClientCasesSoTheServerRunLeavesThemOut() {
        assertThat(cases()).isNotEmpty()
                .allSatisfy(m -> assertThat(m.getDeclaringClass().getSimpleName()).endsWith("ClientCases"));
    }
}
