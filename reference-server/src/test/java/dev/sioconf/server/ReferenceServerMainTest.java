package dev.sioconf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The CLI's options and faults for both profiles; nothing here starts the blocking server command. */
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
        try (ReferenceServer server = ReferenceServer.start(faulty, faultyEio4,
                Set.of(dev.sioconf.server.eio3.Eio3Fault.NO_PONG))) {
            String[] lines = ReferenceServerMain.banner(server).split("\\R");
            assertThat(lines).hasSize(3);
            assertThat(lines[2]).contains("(eio3, socket.io 2.5)").endsWith(" faults=eio3-no-pong");
            assertThat(lines[0]).endsWith(" faults=wrong-noop,no-auto-ack");
            assertThat(lines[1]).contains("(eio4, socket.io 4.8)").endsWith(" faults=eio4-no-pings");
        }
    }

    @Test
    void helpListsTheEio4OptionsAndFaults() {
        assertThat(run("--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--ping-interval=MS", "--ping-timeout=MS", "--max-payload=BYTES",
                "--upgrade-timeout=MS", "--connect-timeout=MS", "--cors=LIST");
        for (Eio4Fault f : Eio4Fault.values()) {
            assertThat(help).contains(f.wireName()).contains(f.description());
        }
    }

    @Test
    void eio4DefaultsAreThoseOfSocketIo48() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs();
        // the legacy default order puts websocket first; eio4 keeps the order, which the wire never shows
        assertThat(main.eio4Settings()).isEqualTo(Eio4Settings.defaults()
                .withTransports(List.of(Eio4Transport.WEBSOCKET, Eio4Transport.POLLING)));
    }

    @Test
    void eio4TimingsPayloadAndCorsAreTakenFromTheirOptions() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs("--ping-interval", "300", "--ping-timeout", "200", "--max-payload", "1000",
                "--upgrade-timeout", "700", "--connect-timeout", "1000", "--cors", "*", "--no-upgrades");
        Eio4Settings e = main.eio4Settings();
        assertThat(e.pingInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(e.pingTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(e.maxPayload()).isEqualTo(1000);
        assertThat(e.upgradeTimeout()).isEqualTo(Duration.ofMillis(700));
        assertThat(e.connectTimeout()).isEqualTo(Duration.ofMillis(1000));
        assertThat(e.corsOrigins()).containsExactly("*");
        assertThat(e.allowUpgrades()).isFalse();
    }

    @Test
    void stalledRequestTimeoutDefaultsToThirtySecondsAndIsTakenFromItsOption() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs();
        assertThat(main.stalledRequestTimeout).isEqualTo(Duration.ofSeconds(30));
        new CommandLine(main).parseArgs("--stalled-request-timeout", "1500");
        assertThat(main.stalledRequestTimeout).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void badEio4ValuesExitTwoWithOneLine() {
        for (String[] args : new String[][] {{"--ping-interval", "0"}, {"--ping-timeout", "abc"},
                {"--max-payload", "-5"}, {"--upgrade-timeout", "1.5"}, {"--connect-timeout", "99999999999"},
                {"--cors", "*,http://a.example"}, {"--transports", "polling,nope"}, {"--stalled-request-timeout", "x"}}) {
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
            assertThat(run(args)).as(String.join(" ", args)).isEqualTo(2);
            assertThat(err.toString().strip()).doesNotContain("\n").contains(args[0]);
            assertThat(out.toString()).isEmpty();
        }
    }

    @Test
    void pollingMeansEio4PollingAndBothLegacyPollingTransportsAtItsPlace() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs("--transports", "polling");
        assertThat(main.settings().transports())
                .containsExactly(LegacyTransport.XHR_POLLING, LegacyTransport.JSONP_POLLING);
        assertThat(main.eio4Settings().transports()).containsExactly(Eio4Transport.POLLING);

        ReferenceServerMain mixed = new ReferenceServerMain();
        new CommandLine(mixed).parseArgs("--transports", "htmlfile,polling,websocket");
        assertThat(mixed.settings().transports()).containsExactly(LegacyTransport.HTMLFILE,
                LegacyTransport.XHR_POLLING, LegacyTransport.JSONP_POLLING, LegacyTransport.WEBSOCKET);
        assertThat(mixed.eio4Settings().transports()).containsExactly(Eio4Transport.POLLING, Eio4Transport.WEBSOCKET);
    }

    @Test
    void legacyTransportNamesImplyEio4PollingAndWebsocketIsBoth() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs("--transports", "websocket,xhr-polling");
        assertThat(main.settings().transports()).containsExactly(LegacyTransport.WEBSOCKET, LegacyTransport.XHR_POLLING);
        assertThat(main.eio4Settings().transports()).containsExactly(Eio4Transport.WEBSOCKET, Eio4Transport.POLLING);
    }

    @Test
    void faultNamesOfBothProfilesGoToTheirOwnSettings() {
        ReferenceServerMain main = new ReferenceServerMain();
        new CommandLine(main).parseArgs("--fault", "wrong-noop,eio4-no-pings", "--fault", "eio4-reorder-queued");
        assertThat(main.settings().faults()).containsExactly(Fault.WRONG_NOOP);
        assertThat(main.eio4Settings().faults())
                .containsExactlyInAnyOrder(Eio4Fault.NO_PINGS, Eio4Fault.REORDER_QUEUED);
    }

    @Test
    void helpWrapsEveryFaultDescriptionIndentedUnderItsName() {
        assertThat(run("--help")).isZero();
        String faults = out.toString().substring(out.toString().indexOf("Faults for --fault"));
        for (String line : faults.split("\\R")) {
            assertThat(line.length()).as(line).isLessThanOrEqualTo(ReferenceServerMain.HELP_WIDTH);
            if (!line.isEmpty() && !line.startsWith("Faults for")) {
                assertThat(line).as("a fault name or an indented description line").matches("  [a-z0-9-]+|      \\S.*");
            }
        }
        assertThat(faults.replaceAll("\\s+", " "))
                .contains(" eio3-server-pings the heartbeat runs as in eio4: the server pings and ends sessions that do not pong ");
    }

    @Test
    void thePollingOnlyBannerSaysUpgradesOffAsItsHandshakeListsNone() throws Exception {
        Eio4Settings pollingOnly = Eio4Settings.defaults().withTransports(List.of(Eio4Transport.POLLING));
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), pollingOnly)) {
            assertThat(ReferenceServerMain.banner(server)).contains(" transports=polling upgrades=off ");
        }
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), Eio4Settings.defaults())) {
            assertThat(ReferenceServerMain.banner(server)).contains(" upgrades=on ");
        }
    }

    @Test
    void aBusyPortIsNamedInOneLineAndExitsOne() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            int port = busy.getLocalPort();
            assertThat(run("--port", String.valueOf(port))).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("reference-server: cannot listen on 127.0.0.1:" + port
                    + ": Address already in use");
        }
    }
}
