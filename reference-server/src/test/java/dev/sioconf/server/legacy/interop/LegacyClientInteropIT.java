package dev.sioconf.server.legacy.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.server.legacy.LegacyServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official socket.io-client 0.9.16, run by node, against the reference server: the contract's
 * sendMessage/helloBack and an acknowledged echo, over websocket (all transports offered) and over
 * xhr-polling (the only transport offered, with the web-role polling duration of 10 s).
 */
class LegacyClientInteropIT {

    static final Duration CLIENT_LIMIT = Duration.ofSeconds(30);
    static final String CLIENT_WAIT_MS = "15000";

    static Stream<Arguments> scenarios() {
        LegacySettings all = LegacySettings.defaults();
        LegacySettings webRole = LegacySettings.defaults()
                .withTransports(List.of(LegacyTransport.XHR_POLLING))
                .withPollingDuration(Duration.ofSeconds(10));
        return Stream.of("", "/custom").flatMap(endpoint -> Stream.of(
                Arguments.of(Named.of("all transports", all), "websocket", endpoint),
                Arguments.of(Named.of("xhr-polling only, polling duration 10", webRole), "xhr-polling", endpoint)));
    }

    @ParameterizedTest(name = "{0}: client lands on {1}, endpoint ''{2}''")
    @MethodSource("scenarios")
    void officialClientCompletesHelloBackAndAckedEcho(LegacySettings settings, String expectedTransport, String endpoint)
            throws Exception {
        try (LegacyServer server = LegacyServer.start(settings)) {
            List<String> args = new ArrayList<>(List.of(server.baseUri().toString(), "--timeout-ms", CLIENT_WAIT_MS));
            if (!endpoint.isEmpty()) {
                args.addAll(List.of("--endpoint", endpoint));
            }
            JsonNode result = NodeClient.run(CLIENT_LIMIT, "legacy-client.js", args.toArray(String[]::new));

            ObjectMapper json = new ObjectMapper();
            assertThat(result.path("error").asText("")).as("client error").isEmpty();
            assertThat(result.path("ok").asBoolean()).as("client verdict in %s", result).isTrue();
            assertThat(result.path("transport").asText()).isEqualTo(expectedTransport);
            assertThat(result.path("helloBack")).isEqualTo(json.readTree("[{\"message\":\"Hello back!\"}]"));
            JsonNode echoed = json.readTree("[\"ping\",42,{\"k\":[1,2]}]");
            assertThat(result.path("echoEvent")).isEqualTo(echoed);
            assertThat(result.path("echoAck")).isEqualTo(echoed);
        }
    }
}
