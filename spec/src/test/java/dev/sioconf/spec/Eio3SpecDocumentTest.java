package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The bundled eio3 document parses, and covers the parts the issues ask it to cover. */
class Eio3SpecDocumentTest {

    private final RequirementCatalogue eio3 = RequirementCatalogue.load("eio3");

    @Test
    void theEio3DocumentHasEnoughRequirements() {
        assertThat(eio3.all()).hasSizeBetween(70, 110);
        assertThat(eio3.withLevel(Level.MUST)).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void engineIoAndDeploymentSectionsCarryTheEio3PrefixAndSocketIoSectionsTheSio4Prefix() {
        assertThat(eio3.all()).allSatisfy(r -> {
            int section = Integer.parseInt(r.id().substring(r.id().indexOf('-') + 1, r.id().indexOf('.')));
            assertThat(r.id()).matches("(EIO3|SIO4)-\\d+\\.\\d+");
            // section 24, the deployment behind a front end, checks Engine.IO's transports and sessions
            assertThat(r.id()).startsWith(section <= 15 || section == 24 ? "EIO3-" : "SIO4-");
        });
        assertThat(eio3.find("EIO3-1.1")).isPresent();
        assertThat(eio3.find("EIO3-15.1")).isPresent();
        assertThat(eio3.find("SIO4-16.1")).isPresent();
        assertThat(eio3.find("SIO4-23.1")).isPresent();
    }

    @Test
    void everySectionFromOneToTwentyThreeHasRequirements() {
        for (int section = 1; section <= 23; section++) {
            String prefix = (section <= 15 ? "EIO3-" : "SIO4-") + section + ".1";
            assertThat(eio3.find(prefix)).as(prefix).isPresent();
        }
    }

    @Test
    void theRevisionThreeWireFactsAreWrittenDown() {
        String all = String.join("\n", eio3.all().stream().map(Requirement::text).toList());
        assertThat(all).contains(
                "1:3", "1:6", "1:1", "b4AQID", "3probe", "___eio[", "`40/custom,`",
                "44/random,\"Invalid namespace\"", "_placeholder", "helloBack", "Hello back!",
                "message-back", "43456[1,\"2\",{\"3\":[false]}]", "0x04", "application/octet-stream",
                "Transport unknown", "Session ID unknown", "Bad handshake method", "Bad request");
        assertThat(all).doesNotContain("maxPayload\"", "Unsupported protocol version");
    }
}
