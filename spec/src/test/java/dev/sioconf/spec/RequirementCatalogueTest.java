package dev.sioconf.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RequirementCatalogueTest {

    private static final String DOC = """
            # Title
            Prose with **bold** text.

            ## 3. Handshake
            - **LEG-3.1** (MUST) The server MUST answer `sid:60:60:websocket`.
            - **LEG-3.2** (SHOULD) The server SHOULD do this.

            ## 4. Packets
            - **LEG-4.1** (MAY) A server MAY do that.
            """;

    @Test
    void requirementLinesBecomeEntriesWithTheirSection() {
        RequirementCatalogue catalogue = RequirementCatalogue.parse("legacy", DOC);

        assertThat(catalogue.all()).containsExactly(
                new Requirement("LEG-3.1", Level.MUST, "3. Handshake", "The server MUST answer `sid:60:60:websocket`."),
                new Requirement("LEG-3.2", Level.SHOULD, "3. Handshake", "The server SHOULD do this."),
                new Requirement("LEG-4.1", Level.MAY, "4. Packets", "A server MAY do that."));
    }

    @Test
    void anIdOutsideItsSectionIsRejected() {
        assertThatThrownBy(() -> RequirementCatalogue.parse("legacy", "## 3. A\n- **LEG-4.1** (MUST) It MUST.\n"))
                .hasMessageContaining("line 2").hasMessageContaining("outside section 4");
    }

    @Test
    void aGapInTheNumberingIsRejected() {
        assertThatThrownBy(() -> RequirementCatalogue.parse("legacy",
                "## 3. A\n- **LEG-3.1** (MUST) It MUST.\n- **LEG-3.3** (MUST) It MUST.\n"))
                .hasMessageContaining("out of sequence");
    }

    @Test
    void aMalformedRequirementLineIsRejected() {
        assertThatThrownBy(() -> RequirementCatalogue.parse("legacy", "## 3. A\n- **LEG-3.1** MUST: it MUST.\n"))
                .hasMessageContaining("line 2");
    }

    @Test
    void aLevelTheTextDoesNotSayIsRejected() {
        assertThatThrownBy(() -> RequirementCatalogue.parse("legacy", "## 3. A\n- **LEG-3.1** (MUST) It SHOULD.\n"))
                .hasMessageContaining("does not say MUST");
    }

    @Test
    void anUnknownIdIsAnError() {
        RequirementCatalogue catalogue = RequirementCatalogue.parse("legacy", DOC);
        assertThat(catalogue.find("LEG-9.9")).isEmpty();
        assertThatThrownBy(() -> catalogue.get("LEG-9.9")).hasMessageContaining("unknown requirement id 'LEG-9.9'");
    }
}
