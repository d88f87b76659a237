package dev.sioconf.suite.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Discovery reads the profile and the announced settings off real servers, and says why when there is nothing to read. */
class DiscoveryTest {

    @Test
    void anEio4ServerIsFoundFirstWithItsAnnouncedTimingsAndTheOtherProfilesItAnswers() throws Exception {
        Eio4Settings eio4 = Eio4Settings.defaults().withPing(Duration.ofMillis(1500), Duration.ofMillis(2500)).withMaxPayload(50_000);
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), eio4)) {
            Discovery.Found f = new Discovery(server.baseUri(), "/socket.io/").discover(null);
            assertThat(f.profile()).isEqualTo("eio4");
            assertThat(f.evidence()).startsWith("0{\"sid\":");
            assertThat(f.announced()).containsEntry(Targets.PING_INTERVAL, "1500").containsEntry(Targets.PING_TIMEOUT, "2500")
                    .containsEntry(Targets.MAX_PAYLOAD, "50000").containsEntry(Targets.TRANSPORTS, "polling,websocket")
                    .containsEntry(Targets.ALLOW_UPGRADES, "on").containsEntry(Targets.JSONP, "on").containsEntry(Targets.CORS, "none");
            assertThat(f.assumed()).containsKeys(Targets.UPGRADE_TIMEOUT, Targets.CONNECT_TIMEOUT, Targets.ECHO_PATH);
            assertThat(f.also()).containsExactly("eio3", "legacy");
        }
    }

    @Test
    void websocketDisabledIsReadFromTheEmptyUpgradesAndTheRefusedWebSocket() throws Exception {
        Eio4Settings eio4 = Eio4Settings.defaults().withTransports(List.of(Eio4Transport.POLLING)).withCors(List.of("*"), false);
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), eio4)) {
            Discovery.Found f = new Discovery(server.baseUri(), "/socket.io/").discover("eio3");
            assertThat(f.profile()).isEqualTo("eio3");
            assertThat(f.announced()).containsEntry(Targets.TRANSPORTS, "polling").containsEntry(Targets.CORS, "*")
                    .doesNotContainKeys(Targets.ALLOW_UPGRADES, Targets.MAX_PAYLOAD);
        }
    }

    @Test
    void aLegacyServerAnnouncesItsTimeoutsAndTransportsInOrder() throws Exception {
        LegacySettings legacy = LegacySettings.defaults()
                .withTransports(List.of(LegacyTransport.XHR_POLLING, LegacyTransport.WEBSOCKET))
                .withHeartbeats(false, Duration.ofSeconds(1), Duration.ofSeconds(3))
                .withCloseTimeout(Duration.ofSeconds(7));
        try (LegacyServer server = LegacyServer.start(legacy)) {
            Discovery.Found f = new Discovery(server.baseUri(), "/socket.io/").discover("legacy");
            assertThat(f.profile()).isEqualTo("legacy");
            assertThat(f.announced()).containsEntry(Targets.TRANSPORTS, "xhr-polling,websocket")
                    .containsEntry(Targets.HEARTBEAT_TIMEOUT, "off").containsEntry(Targets.CLOSE_TIMEOUT, "7");
            assertThat(f.assumed()).containsEntry(Targets.POLLING_DURATION, "20");
        }
    }

    @Test
    void aServerThatIsNotSocketIoIsRefusedWithThePathAndTheAnswer() throws Exception {
        try (Fake plain = new Fake((String) null)) {
            assertThatThrownBy(() -> new Discovery(plain.base(), "/socket.io/").discover(null))
                    .isInstanceOf(Discovery.NotFound.class)
                    .hasMessage("no socket.io endpoint at " + plain.base() + "/socket.io/?EIO=4&transport=polling (HTTP 404: File not found): check --path");
        }
    }

    @Test
    void aWrongProfileNamesTheOneTheServerSpeaks() throws Exception {
        try (Fake legacyOnly = new Fake("sioconfsid:60:60:xhr-polling")) {
            assertThatThrownBy(() -> new Discovery(legacyOnly.base(), "/socket.io/").discover("eio4"))
                    .isInstanceOf(Discovery.NotFound.class)
                    .hasMessage("no eio4 endpoint at " + legacyOnly.base() + "/socket.io/?EIO=4&transport=polling (HTTP 404: File not found);"
                            + " the server answers as legacy (socket.io 0.9): use --profile legacy, or leave --profile out to detect it");
            assertThat(new Discovery(legacyOnly.base(), "/socket.io/").discover(null).profile()).isEqualTo("legacy");
        }
    }

    /** Answers 404 everywhere, and a legacy handshake under /socket.io/1/ when given one. */
    record Fake(HttpServer server) implements AutoCloseable {
        Fake(String legacyHandshake) throws java.io.IOException {
            this(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
            server.createContext("/", x -> {
                boolean legacy = legacyHandshake != null && x.getRequestURI().getPath().equals("/socket.io/1/");
                byte[] body = (legacy ? legacyHandshake : "File not found").getBytes(StandardCharsets.UTF_8);
                x.sendResponseHeaders(legacy ? 200 : 404, body.length);
                x.getResponseBody().write(body);
                x.close();
            });
            server.start();
        }

        URI base() {
            return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @Test
    void nothingListeningIsCannotReach() {
        assertThatThrownBy(() -> new Discovery(URI.create("http://127.0.0.1:1"), "/socket.io/").discover(null))
                .isInstanceOf(Discovery.NotFound.class).hasMessage("cannot reach http://127.0.0.1:1: connection refused");
    }
}
