package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled client document of eio4 parses, carries its own prefix, and writes down the wire facts its cases assert. */
class Eio4ClientSpecDocumentTest {

    private final RequirementCatalogue clients = RequirementCatalogue.load("eio4-client");

    @Test
    void everyClientRequirementCarriesTheEio4cPrefixAndIsAMust() {
        assertThat(clients.all()).hasSizeGreaterThanOrEqualTo(17).allSatisfy(r -> assertThat(r.id()).startsWith("EIO4C-"));
        assertThat(clients.withLevel(Level.MUST)).hasSameSizeAs(clients.all());
    }

    @Test
    void theWireTextTheClientCasesAssertIsWrittenDown() {
        String all = String.join("\n", clients.all().stream().map(Requirement::text).toList());
        assertThat(all).contains("EIO=4", "2probe", "3probe", "`5`", "42[\"hello\",1]", "`41`", "42[\"offline\",...]",
                "421[\"echo\",\"a\",1]", "431[\"a\",1]", "461-7[{\"_placeholder\":true,\"num\":0}]", "40/name,", "44/name,",
                "maxPayload");
    }
}
