package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What {@code --select} picks from requirement ids. */
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
}
