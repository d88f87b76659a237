package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code --select} and {@code --exclude} pick from requirement ids. */
class SuiteRunnerSelectTest {

    @Test
    void aPrefixWithoutSectionSelectsTheWholeCatalogue() {
        assertThat(SuiteRunner.selected("EIO3-5.1", "EIO3")).isTrue();
        assertThat(SuiteRunner.selected("EIO3-5.1", "EIO3-")).isTrue();
        assertThat(SuiteRunner.selected("EIO4-5.1", "EIO3")).isFalse();
        assertThat(SuiteRunner.selected("SIO4-18.1", "SIO")).isFalse();
    }

    @Test
    void aSectionSelectsItsRequirementsAndAnIdOnlyItself() {
        assertThat(SuiteRunner.selected("LEG-9.1", "LEG-9")).isTrue();
        assertThat(SuiteRunner.selected("LEG-9.10", "LEG-9.1")).isFalse();
        assertThat(SuiteRunner.selected("LEG-9.1", "LEG-9.1")).isTrue();
        assertThat(SuiteRunner.selected("LEG-19.1", "LEG-1")).isFalse();
        assertThat(SuiteRunner.selected("LEG-1.2", "")).isTrue();
    }

    @Test
    void withoutIncludesEveryCaseIsSelected() {
        assertThat(Selection.ALL.matches("LEG-1.2")).isTrue();
        assertThat(Selection.ALL.isAll()).isTrue();
        assertThat(Selection.of("").isAll()).isTrue();
        assertThat(Selection.ALL.describe()).isEqualTo("every case");
    }

    @Test
    void anyIncludeSelectsAndAnyExcludeDeselects() {
        Selection s = new Selection(List.of("LEG-9", "EIO4"), List.of("EIO4-7", "LEG-9.1"));

        assertThat(s.matches("LEG-9.10")).isTrue();
        assertThat(s.matches("EIO4-12.2")).isTrue();
        assertThat(s.matches("LEG-9.1")).isFalse();
        assertThat(s.matches("EIO4-7.15")).isFalse();
        assertThat(s.matches("EIO3-7.1")).isFalse();
        assertThat(s.isAll()).isFalse();
        assertThat(s.describe()).isEqualTo("cases LEG-9*, EIO4* except EIO4-7*, LEG-9.1*");
    }

    @Test
    void excludesAloneDeselectFromEveryCase() {
        Selection s = new Selection(List.of(), List.of("LEG-13"));

        assertThat(s.matches("LEG-13.1")).isFalse();
        assertThat(s.matches("LEG-1.3")).isTrue();
        assertThat(s.describe()).isEqualTo("every case except LEG-13*");
    }

    @Test
    void onlyRequirementIdPrefixesAreWellFormed() {
        assertThat(List.of("LEG", "EIO4", "EIO4-", "LEG-9", "LEG-9.", "LEG-9.1")).allMatch(Selection::isWellFormed);
        assertThat(List.of("", "leg-9", "LEG-9*", "LEG 9", "-9", "LEG-9..1", "LEG-x")).noneMatch(Selection::isWellFormed);
        assertThatThrownBy(() -> Selection.checked(List.of("LEG-9"), List.of("eio4-7")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'eio4-7'");
    }

    @Test
    void discoveryFindsNoCaseForAPrefixThatMatchesNothing() {
        assertThat(SuiteRunner.requirementsMatching(Selection.of("NOPE"), List.of("legacy", "eio3", "eio4"), true)).isEmpty();
    }

    @Test
    void discoveryFindsTheRequirementsOfTheGivenProfilesOnly() {
        List<String> ids = SuiteRunner.requirementsMatching(Selection.of("EIO4-7"), List.of("eio4"), false);

        assertThat(ids).contains("EIO4-7.1", "EIO4-7.15").allMatch(id -> id.startsWith("EIO4-7."));
        assertThat(ids.indexOf("EIO4-7.2")).isLessThan(ids.indexOf("EIO4-7.15"));
        assertThat(SuiteRunner.requirementsMatching(Selection.of("EIO4-7"), List.of("legacy", "eio3"), false)).isEmpty();
        assertThat(SuiteRunner.requirementsMatching(new Selection(List.of("EIO4-7"), List.of("EIO4-7.15")), List.of("eio4"), false))
                .doesNotContain("EIO4-7.15").contains("EIO4-7.1");
    }
}
