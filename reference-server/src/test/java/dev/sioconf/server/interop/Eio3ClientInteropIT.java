package dev.sioconf.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The official socket.io-client 2.5.0 (npm alias {@code socket.io-client-2}), run by node
 * ({@code interop/eio3-client.js}), against the reference server's eio3 profile: the contract of
 * {@link ModernClientInteropIT} without auth, over polling only, websocket only and polling
 * upgraded to websocket, on {@code /} and {@code /custom}. The transport really used is read
 * back from the client.
 */
class Eio3ClientInteropIT {

    static final Duration CLIENT_LIMIT = Duration.ofSeconds(40);
    static final String CLIENT_WAIT_MS = "20000";

    static Stream<Arguments> matrix() {
        Named<ServerUnderTest.Launcher> server = ServersUnderTest.referenceServer();
        return Stream.of(ClientTransports.values()).flatMap(transports -> ServersUnderTest.NAMESPACES.stream()
                .map(namespace -> Arguments.of(server, transports, namespace,
                        server.getName() + " (eio3), " + transports + ", namespace " + namespace)));
    }

    @ParameterizedTest(name = "{3}")
    @MethodSource("matrix")
    void socketIoClient2CompletesTheContractRoundTrips(ServerUnderTest.Launcher launcher, ClientTransports transports,
            String namespace, String label) throws Exception {
        try (ServerUnderTest server = launcher.start()) {
            List<String> args = new ArrayList<>(List.of(server.baseUri().toString(),
                    "--transports", String.join(",", transports.transports),
                    "--namespace", namespace,
                    "--timeout-ms", CLIENT_WAIT_MS));
            NodeScript.Result run = NodeScript.run(CLIENT_LIMIT, "eio3-client.js", args);
            JsonNode result = run.json();
            String context = label + ": client report " + result + "; " + server.diagnostics();

            assertThat(result.path("error").isNull()).as("no client error in %s", context).isTrue();
            assertThat(result.path("ok").asBoolean()).as("client verdict in %s", context).isTrue();
            assertThat(run.exitCode()).as("client exit code; %s", context).isZero();
            assertThat(result.path("namespace").asText()).as("%s: namespace", label).isEqualTo(namespace);

            assertThat(result.path("transport").asText()).as("transport in use at the end; %s", context)
                    .isEqualTo(transports.finalTransport);
            assertThat(texts(result.path("transportsSeen"))).as("transports the engine used; %s", context)
                    .containsExactlyElementsOf(transports.expectedSequence());
            assertThat(result.path("upgraded").asBoolean()).as("upgraded; %s", context).isEqualTo(transports.upgrade);

            assertThat(result.has("auth")).as("%s: no auth step in eio3", label).isFalse();
            assertThat(result.path("helloBack")).as("%s: helloBack", label).isEqualTo(Contract.HELLO_BACK);
            assertThat(result.path("echoEvent")).as("%s: echo event", label).isEqualTo(Contract.ECHO_ARGS);
            assertThat(result.path("echoAck")).as("%s: echo ack", label).isEqualTo(Contract.ECHO_ARGS);
            assertThat(result.path("messageBack")).as("%s: message-back", label).isEqualTo(Contract.MESSAGE_ARGS);
            assertThat(result.path("messageAck")).as("%s: message-with-ack ack", label).isEqualTo(Contract.MESSAGE_ARGS);
            assertThat(result.path("binaryEvent")).as("%s: binary echo event", label).isEqualTo(Contract.BINARY_ARGS);
            assertThat(result.path("binaryAck")).as("%s: binary echo ack", label).isEqualTo(Contract.BINARY_ARGS);
            if (transports.upgrade) {
                assertThat(result.path("upgradedEchoEvent")).as("%s: echo event after the upgrade", label)
                        .isEqualTo(Contract.UPGRADED_ARGS);
                assertThat(result.path("upgradedEchoAck")).as("%s: echo ack after the upgrade", label)
                        .isEqualTo(Contract.UPGRADED_ARGS);
            }
        }
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
