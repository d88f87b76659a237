package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The legacy client document parses, carries its own prefix, and writes down the wire text its cases assert. */
class LegacyClientSpecDocumentTest {

    private final RequirementCatalogue legacy = RequirementCatalogue.load("legacy-client");

    @Test
    void everyRequirementCarriesTheLegcPrefix() {
        assertThat(legacy.all()).hasSizeGreaterThanOrEqualTo(13).allSatisfy(r -> assertThat(r.id()).startsWith("LEGC-"));
    }

    @Test
    void theWireTextTheLegacyClientCasesAssertIsWrittenDown() {
        String all = String.join("\n", legacy.all().stream().map(Requirement::text).toList());
        assertThat(all).contains("/socket.io/1/", "5:::{\"name\":\"hello\",\"args\":[1]}", "xhr-polling", "2::", "7:::1+0", "0::",
                "6:::7+[\"a\",1]", "1::/name", "7::/name:2", "5::/custom:{\"name\":\"joined\"}");
    }
}
