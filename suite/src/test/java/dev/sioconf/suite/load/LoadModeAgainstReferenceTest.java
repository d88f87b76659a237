package dev.sioconf.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.cli.SioconfMain;
import dev.sioconf.suite.target.EmbeddedReference;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.Isolated;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code sioconf load} against the embedded reference server: small loads on every profile and
 * transport deliver every event, and a server with a deliberate fault makes the run FAIL.
 */
@Isolated("a load run on two cores: beside the fault catalogues its polling sessions missed pings and 246 of 1,000 events were "
        + "lost on the clean server in one CI run")
@Execution(ExecutionMode.SAME_THREAD)
class LoadModeAgainstReferenceTest {

    static ReferenceServer clean;

    @TempDir
    Path tmp;

    @BeforeAll
    static void startServer() throws InterruptedException {
        clean = ReferenceServer.start(LegacySettings.defaults(), EmbeddedReference.eio4Quick());
    }

    @AfterAll
    static void stopServer() {
        clean.close();
    }

    record Run(int exit, String out, String err, String json) {
        long field(String name) {
            Matcher m = Pattern.compile("\"" + name + "\": (\\d+)").matcher(json);
            assertThat(m.find()).as("field %s in %s", name, json).isTrue();
            return Long.parseLong(m.group(1));
        }
    }

    Run load(String... args) throws Exception {
        Path json = tmp.resolve("summary-" + System.nanoTime() + ".json");
        List<String> all = new ArrayList<>(List.of("load"));
        all.addAll(List.of(args));
        all.addAll(List.of("--json", json.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = SioconfMain.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(exit, out.toString(), err.toString(), Files.exists(json) ? Files.readString(json) : "");
    }

    @ParameterizedTest(name = "{0} over {1}, engine {2}")
    @CsvSource({"legacy,websocket,netty", "legacy,xhr-polling,netty", "eio3,websocket,netty", "eio3,polling,netty",
            "eio4,websocket,netty", "eio4,polling,netty",
            "legacy,websocket,jdk", "legacy,xhr-polling,jdk", "eio3,websocket,jdk", "eio3,polling,jdk",
            "eio4,websocket,jdk", "eio4,polling,jdk"})
    void smallLoadDeliversEveryEventOnceAndInOrder(String profile, String transport, String engine) throws Exception {
        Run r = load("--target", clean.baseUri().toString(), "--profile", profile, "--transport", transport,
                "--sessions", "50", "--events", "20", "--duration", "30", "--engine", engine);
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.field("peakSessions")).as(r.out()).isEqualTo(50);
        assertThat(r.field("completeSessions")).isEqualTo(50);
        assertThat(r.field("eventsEchoed")).isEqualTo(1000);
        assertThat(r.field("lost")).isZero();
        assertThat(r.field("duplicated")).isZero();
        assertThat(r.field("reordered")).isZero();
        assertThat(r.field("errors")).as(r.out()).isZero();
        assertThat(r.out()).contains("PASS").contains("round trip:").contains("events/s")
                .contains("· engine " + engine).contains("load client:    engine " + engine);
        assertThat(r.json()).contains("\"engine\": \"" + engine + "\"").contains("\"clientCpuSeconds\": ");
    }

    @Test
    void startingTogetherSendsNoEventBeforeEverySessionJoined() throws Exception {
        Run r = load("--target", clean.baseUri().toString(), "--profile", "eio4", "--transport", "websocket",
                "--sessions", "300", "--events", "10", "--ramp-batch", "100", "--start-together", "--duration", "30");
        assertThat(r.exit()).as(r.out() + r.err()).isZero();
        assertThat(r.field("eventsEchoed")).isEqualTo(3000);
        assertThat(r.out()).contains("300 of 300 sessions joined; the events start now (0 sent before)");
    }

    @Test
    void lostEventsFailTheRun() throws Exception {
        try (ReferenceServer faulty = ReferenceServer.start(LegacySettings.defaults().withFaults(Set.of(Fault.LOSE_EVERY_50TH)),
                EmbeddedReference.eio4Quick())) {
            Run r = load("--target", faulty.baseUri().toString(), "--profile", "legacy", "--transport", "websocket",
                    "--sessions", "5", "--events", "120", "--event-timeout", "1", "--duration", "20");
            assertThat(r.exit()).as(r.out()).isEqualTo(1);
            assertThat(r.field("lost")).isPositive();
            assertThat(r.out()).contains("FAIL");
        }
    }

    @Test
    void reorderedEventsFailTheRun() throws Exception {
        try (ReferenceServer faulty = ReferenceServer.start(LegacySettings.defaults(),
                EmbeddedReference.eio4Quick().withFaults(Set.of(Eio4Fault.REORDER_QUEUED)))) {
            Run r = load("--target", faulty.baseUri().toString(), "--profile", "eio4", "--transport", "polling",
                    "--sessions", "20", "--events", "40", "--window", "8", "--duration", "20");
            assertThat(r.exit()).as(r.out()).isEqualTo(1);
            assertThat(r.field("reordered")).isPositive();
            assertThat(r.out()).contains("FAIL");
        }
    }

    @Test
    void boundsAndRemoteTargetsAreRefusedWithOneLine() throws Exception {
        String base = clean.baseUri().toString();
        Run tooMany = load("--target", base, "--profile", "eio4", "--transport", "websocket", "--sessions", "20001", "--events", "1");
        assertThat(tooMany.exit()).isEqualTo(2);
        assertThat(tooMany.err().strip()).contains("--sessions must be 1 to 20000").doesNotContain("\n");
        Run tooLong = load("--target", base, "--profile", "eio4", "--transport", "websocket", "--sessions", "1", "--events", "100001");
        assertThat(tooLong.exit()).isEqualTo(2);
        Run wrongTransport = load("--target", base, "--profile", "legacy", "--transport", "polling", "--sessions", "1", "--events", "1");
        assertThat(wrongTransport.exit()).isEqualTo(2);
        assertThat(wrongTransport.err()).contains("xhr-polling");
        Run engine = load("--target", base, "--profile", "eio4", "--transport", "websocket", "--sessions", "1", "--events", "1",
                "--engine", "okhttp");
        assertThat(engine.exit()).isEqualTo(2);
        assertThat(engine.err()).contains("--engine is netty or jdk, not 'okhttp'");
        Run remote = load("--target", "http://192.0.2.1:3000", "--profile", "eio4", "--transport", "websocket", "--sessions", "1", "--events", "1");
        assertThat(remote.exit()).isEqualTo(2);
        assertThat(remote.err()).contains("--allow-remote");
    }

    @Test
    void unreachableTargetIsExit2WithinSeconds() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        long start = System.nanoTime();
        Run r = load("--target", "http://127.0.0.1:" + port, "--profile", "eio4", "--transport", "websocket", "--sessions", "1", "--events", "1");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("cannot reach").contains("connection refused");
        assertThat(System.nanoTime() - start).isLessThan(10_000_000_000L);
    }
}
