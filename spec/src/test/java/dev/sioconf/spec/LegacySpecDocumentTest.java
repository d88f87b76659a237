package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled legacy document parses, and covers the parts the issues ask it to cover. */
class LegacySpecDocumentTest {

    private final RequirementCatalogue legacy = RequirementCatalogue.load("legacy");

    @Test
    void theLegacyDocumentHasMustRequirements() {
        assertThat(legacy.withLevel(Level.MUST)).hasSizeGreaterThan(30);
    }

    @Test
    void everyRequirementCarriesTheLegacyPrefix() {
        assertThat(legacy.all()).allSatisfy(r -> assertThat(r.id()).startsWith("LEG-"));
    }

    @Test
    void theWireFactsTheServerContractNeedsAreWrittenDown() {
        String all = String.join("\n", legacy.all().stream().map(Requirement::text).toList());
        assertThat(all).contains("7:::1+0", "8::", "helloBack", "Hello back!", "/custom", "io.j[");
    }
}
