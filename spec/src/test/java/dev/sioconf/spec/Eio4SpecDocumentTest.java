package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled eio4 document parses, and covers the parts the issues ask it to cover. */
class Eio4SpecDocumentTest {

    private final RequirementCatalogue eio4 = RequirementCatalogue.load("eio4");

    @Test
    void theEio4DocumentHasMustRequirements() {
        assertThat(eio4.withLevel(Level.MUST)).hasSizeGreaterThan(80);
    }

    @Test
    void engineIoAndDeploymentSectionsCarryTheEio4PrefixAndSocketIoSectionsTheSio5Prefix() {
        assertThat(eio4.all()).allSatisfy(r -> {
            int section = Integer.parseInt(r.id().substring(r.id().indexOf('-') + 1, r.id().indexOf('.')));
            // section 24, the deployment behind a front end, checks Engine.IO's transports and sessions
            assertThat(r.id()).startsWith(section <= 15 || section == 24 ? "EIO4-" : "SIO5-");
        });
        assertThat(eio4.find("EIO4-1.1")).isPresent();
        assertThat(eio4.find("SIO5-16.1")).isPresent();
    }

    @Test
    void theWireFactsTheOfficialSuitesCheckAreWrittenDown() {
        String all = String.join("\n", eio4.all().stream().map(Requirement::text).toList());
        assertThat(all).contains(
                "2probe", "3probe", "\\x1e", "bAQIDBA==", "___eio[", "Invalid namespace",
                "_placeholder", "helloBack", "Hello back!", "/custom", "message-back",
                "43456[1,\"2\",{\"3\":[false]}]", "42[\"auth\",{}]");
    }
}
