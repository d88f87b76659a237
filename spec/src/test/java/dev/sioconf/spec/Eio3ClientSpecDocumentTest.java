package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The eio3 client document parses and keeps the numbering of the eio4 one, so a case can check both. */
class Eio3ClientSpecDocumentTest {

    private final RequirementCatalogue eio3 = RequirementCatalogue.load("eio3-client");
    private final RequirementCatalogue eio4 = RequirementCatalogue.load("eio4-client");

    @Test
    void everyEio3ClientRequirementHasItsEio4Twin() {
        List<String> twins = eio3.all().stream().map(r -> r.id().replace("EIO3C-", "EIO4C-")).toList();
        assertThat(twins).isNotEmpty().allSatisfy(id -> assertThat(eio4.find(id)).as(id).isPresent());
        assertThat(eio3.all()).allSatisfy(r -> assertThat(r.id()).startsWith("EIO3C-"));
    }

    @Test
    void theRevisionsDifferencesAreWrittenDown() {
        String all = String.join("\n", eio3.all().stream().map(Requirement::text).toList());
        assertThat(all).contains("EIO=3", "`b4`", "44/name,\"message\"", "ping `2` pingInterval after the open packet");
        assertThat(eio3.find("EIO3C-9.1")).as("Engine.IO 3 announces no maxPayload").isEmpty();
    }
}
