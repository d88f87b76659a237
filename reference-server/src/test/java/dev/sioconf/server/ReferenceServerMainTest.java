package dev.sioconf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacySettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's handling of {@code --fault}; nothing here starts the blocking server command. */
class ReferenceServerMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ReferenceServerMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void anUnknownFaultExitsTwoWithOneLine() {
        assertThat(run("--fault", "nope")).isEqualTo(2);
        assertThat(err.toString().strip()).doesNotContain("\n").contains("--fault").contains("nope");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpListsEveryFaultWithItsDescription() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--fault=NAME");
        for (Fault f : Fault.values()) {
            assertThat(help).contains(f.wireName()).contains(f.description());
        }
    }

    @Test
    void faultsMayBeRepeatedOrGivenAsACommaList() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs("--fault", "wrong-noop,no-auto-ack", "--fault", "helloback-wrong");
        assertThat(main.settings().faults())
                .containsExactlyInAnyOrder(Fault.WRONG_NOOP, Fault.NO_AUTO_ACK, Fault.HELLOBACK_WRONG);

        ReferenceServerMain clean = new ReferenceServerMain();
        new CommandLine(clean).parseArgs();
        assertThat(clean.settings().faults()).isEmpty();
    }

    @Test
    void theBannerNamesTheFaultsOnlyWhenThereAreSome() throws Exception {
        try (ReferenceServer clean = ReferenceServer.start(LegacySettings.defaults(), Eio4Settings.defaults())) {
            assertThat(ReferenceServerMain.banner(clean)).doesNotContain("faults=");
        }
        LegacySettings faulty = LegacySettings.defaults().withFaults(Set.of(Fault.NO_AUTO_ACK, Fault.WRONG_NOOP));
        Eio4Settings faultyEio4 = Eio4Settings.defaults().withFaults(Set.of(Eio4Fault.NO_PINGS));
        try (ReferenceServer server = ReferenceServer.start(faulty, faultyEio4)) {
            String[] lines = ReferenceServerMain.banner(server).split("\\R");
            assertThat(lines).hasSize(2);
            assertThat(lines[0]).endsWith(" faults=wrong-noop,no-auto-ack");
            assertThat(lines[1]).contains("(eio4, socket.io 4.8)").endsWith(" faults=eio4-no-pings");
        }
    }
}
