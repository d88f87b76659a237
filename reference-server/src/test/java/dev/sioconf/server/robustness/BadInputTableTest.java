package dev.sioconf.server.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Sends every bad input of the table to a running reference server, checks each answer against
 * the spec and checks that a bystander session and a fresh handshake are unharmed; then compares
 * the table these answers make with the committed {@code spec/robustness/server-bad-inputs.md}
 * (rewritten instead with {@code -Dsioconf.robustness.update=true}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTableTest {

    static final Duration STALLED_REQUEST_TIMEOUT = Duration.ofSeconds(1);

    private final Map<BadInput.Server, ReferenceServer> servers = new EnumMap<>(BadInput.Server.class);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final List<BadInputTable.Result> results = new ArrayList<>();

    @BeforeAll
    void startServers() throws InterruptedException {
        Eio4Settings eio = Eio4Settings.defaults().withMaxPayload(100_000);
        LegacySettings legacy = LegacySettings.defaults().withPort(0);
        servers.put(BadInput.Server.MAIN, start(legacy, eio));
        servers.put(BadInput.Server.RESTRICTED, start(legacy.withOrigins(List.of("allowed.example:*")),
                eio.withCors(List.of(Bystander.ORIGIN), false)));
        servers.put(BadInput.Server.QUICK_PINGS, start(legacy, eio.withPing(Duration.ofMillis(300), Duration.ofMillis(200))));
    }

    private static ReferenceServer start(LegacySettings legacy, Eio4Settings eio) throws InterruptedException {
        return ReferenceServer.start(legacy, eio, Set.of(), STALLED_REQUEST_TIMEOUT);
    }

    @AfterAll
    void stopServers() {
        servers.values().forEach(ReferenceServer::close);
    }

    static List<BadInput> table() {
        List<BadInput> rows = new ArrayList<>(LegacyBadInputs.rows());
        for (Profile p : List.of(Profile.EIO3, Profile.EIO4)) {
            rows.addAll(EngineBadInputs.polling(p));
            rows.addAll(WebSocketBadInputs.rows(p));
        }
        return rows;
    }

    @TestFactory
    Stream<DynamicTest> every_bad_input_gets_the_answer_of_the_spec_and_harms_no_other_session() {
        Stream<DynamicTest> rows = table().stream().map(in -> DynamicTest.dynamicTest(
                in.profile().label + " " + in.transport() + ": " + in.input(), () -> check(in)));
        return Stream.concat(rows, Stream.of(DynamicTest.dynamicTest(
                "the committed table spec/robustness/server-bad-inputs.md is what the server answers", this::compareTable)));
    }

    private void check(BadInput in) throws Exception {
        ReferenceServer server = servers.get(in.server());
        String observed;
        String bystanders;
        Wire wire = new Wire(server);
        try (Bystander bystander = Bystander.open(in.profile(), http, wire)) {
            observed = wire.normalize(in.probe().run(wire));
            String echo = bystander.roundTrip();
            String fresh = Bystander.freshHandshake(in.profile(), wire);
            bystanders = echo == null && fresh == null ? "yes"
                    : "no: " + (echo == null ? "" : echo + " ") + (fresh == null ? "" : "fresh handshake got " + fresh);
        }
        results.add(new BadInputTable.Result(in, observed, bystanders));
        assertThat(observed).as("answer to %s (%s)", in.input(), in.because()).isEqualTo(in.expected());
        assertThat(bystanders).as("bystander and fresh session after %s", in.input()).isEqualTo("yes");
    }

    private void compareTable() throws IOException {
        String generated = BadInputTable.render(results);
        Path file = repositoryRoot().resolve("spec/robustness/server-bad-inputs.md");
        if (Boolean.getBoolean("sioconf.robustness.update")) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, generated, StandardCharsets.UTF_8);
            return;
        }
        String committed = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        assertThat(generated).as("%s differs from the answers of this run; rerun with "
                + "-Dsioconf.robustness.update=true and review the diff", file).isEqualTo(committed);
    }

    private static Path repositoryRoot() {
        Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("spec/eio4.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new AssertionError("no spec/eio4.md above " + System.getProperty("user.dir"));
        }
        return dir;
    }
}
