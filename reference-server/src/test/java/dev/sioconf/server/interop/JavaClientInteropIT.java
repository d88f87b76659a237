package dev.sioconf.server.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.socket.client.IO;
import io.socket.client.Manager;
import io.socket.client.Socket;
import io.socket.engineio.client.Transport;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java client io.socket:socket.io-client 2.1.2 (Engine.IO 4 / Socket.IO 5) against each
 * server under test, with the same round trips as {@link ModernClientInteropIT}: auth echo,
 * sendMessage/helloBack, an acknowledged echo, message / message-back, message-with-ack, an
 * acknowledged binary echo and, after an upgrade, one more acknowledged echo; over polling only,
 * websocket only and polling upgraded to websocket, on {@code /} and {@code /custom}. The
 * transports the engine really took are recorded from the manager's {@code transport} events.
 */
class JavaClientInteropIT {

    /** Bound of each single wait (connect, one round trip, the upgrade). */
    static final Duration STEP_LIMIT = Duration.ofSeconds(15);

    @ParameterizedTest(name = "{3}")
    @MethodSource("dev.sioconf.server.interop.ServersUnderTest#matrix")
    void javaClientCompletesTheContractRoundTrips(ServerUnderTest.Launcher launcher, ClientTransports transports,
            String namespace, String label) throws Exception {
        try (ServerUnderTest server = launcher.start()) {
            String token = Contract.authToken(namespace);
            IO.Options options = IO.Options.builder()
                    .setForceNew(true)
                    .setReconnection(false)
                    .setTransports(transports.transports.toArray(String[]::new))
                    .setUpgrade(transports.upgrade)
                    .setTimeout(STEP_LIMIT.toMillis())
                    .setAuth(Map.of("token", token))
                    .build();
            URI uri = URI.create(server.baseUri() + ("/".equals(namespace) ? "" : namespace));
            Socket socket = IO.socket(uri, options);
            Session session = new Session(socket, server, label);
            try {
                session.run(transports, namespace, token);
            } finally {
                socket.close();
            }
        }
    }

    /** One client connection and the bounded waits on it. */
    private static final class Session {
        private final Socket socket;
        private final ServerUnderTest server;
        private final String label;
        private final List<String> transportsSeen = new CopyOnWriteArrayList<>();
        private final CompletableFuture<Void> onWebsocket = new CompletableFuture<>();
        /** Completed exceptionally when the connection fails or drops; every wait watches it. */
        private final CompletableFuture<Object[]> broken = new CompletableFuture<>();

        Session(Socket socket, ServerUnderTest server, String label) {
            this.socket = socket;
            this.server = server;
            this.label = label;
            socket.io().on(Manager.EVENT_TRANSPORT, args -> {
                String name = ((Transport) args[0]).name;
                transportsSeen.add(name);
                if ("websocket".equals(name)) {
                    onWebsocket.complete(null);
                }
            });
            socket.on(Socket.EVENT_CONNECT_ERROR, args -> broken.completeExceptionally(
                    new AssertionError("connect_error: " + describe(args))));
            socket.on(Socket.EVENT_DISCONNECT, args -> broken.completeExceptionally(
                    new AssertionError("disconnected: " + describe(args))));
        }

        void run(ClientTransports transports, String namespace, String token) throws Exception {
            CompletableFuture<Object[]> connected = once(Socket.EVENT_CONNECT);
            CompletableFuture<Object[]> auth = once("auth");
            socket.connect();
            await("connect", connected);
            assertThat(transportsSeen).as("%s: first transport", label).first().isEqualTo(transports.transports.get(0));
            assertThat(args(await("auth event", auth))).as("%s: auth event", label)
                    .isEqualTo(JsonNodeFactory.instance.arrayNode().add(
                            JsonNodeFactory.instance.objectNode().put("token", token)));

            CompletableFuture<Object[]> hello = once("helloBack");
            socket.emit("sendMessage", JavaClientValues.toClient(Contract.json("{\"text\":\"hi\"}")));
            assertThat(args(await("helloBack", hello))).as("%s: helloBack", label).isEqualTo(Contract.HELLO_BACK);

            echoWithAck("echo", Contract.ECHO_ARGS);

            CompletableFuture<Object[]> back = once("message-back");
            socket.emit("message", JavaClientValues.toClientArgs(Contract.MESSAGE_ARGS));
            assertThat(args(await("message-back", back))).as("%s: message-back", label).isEqualTo(Contract.MESSAGE_ARGS);

            CompletableFuture<Object[]> messageAck = new CompletableFuture<>();
            socket.emit("message-with-ack", JavaClientValues.toClientArgs(Contract.MESSAGE_ARGS), messageAck::complete);
            assertThat(args(await("message-with-ack ack", messageAck))).as("%s: message-with-ack ack", label)
                    .isEqualTo(Contract.MESSAGE_ARGS);

            echoWithAck("binary echo", Contract.BINARY_ARGS);

            if (transports.upgrade) {
                await("upgrade to websocket", onWebsocket.thenApply(v -> new Object[0]));
                echoWithAck("echo after the upgrade", Contract.UPGRADED_ARGS);
            }
            assertThat(transportsSeen).as("%s: transports the engine used", label)
                    .containsExactlyElementsOf(transports.expectedSequence());
            assertThat(transportsSeen.get(transportsSeen.size() - 1)).as("%s: transport in use at the end", label)
                    .isEqualTo(transports.finalTransport);
            assertThat(socket.connected()).as("%s: still connected", label).isTrue();
        }

        /** emit "echo" with {@code expected} and an ack: the echo event and the ack must both bring it back. */
        private void echoWithAck(String what, JsonNode expected) throws Exception {
            CompletableFuture<Object[]> event = once("echo");
            CompletableFuture<Object[]> ack = new CompletableFuture<>();
            socket.emit("echo", JavaClientValues.toClientArgs(expected), ack::complete);
            assertThat(args(await(what + " event", event))).as("%s: %s event", label, what).isEqualTo(expected);
            assertThat(args(await(what + " ack", ack))).as("%s: %s ack", label, what).isEqualTo(expected);
        }

        private CompletableFuture<Object[]> once(String event) {
            CompletableFuture<Object[]> f = new CompletableFuture<>();
            socket.once(event, f::complete);
            return f;
        }

        private Object[] await(String what, CompletableFuture<Object[]> step) throws Exception {
            CompletableFuture<Object[]> either = step.applyToEither(broken, a -> a);
            try {
                return either.get(STEP_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError(label + ": no " + what + " within " + STEP_LIMIT + " (transports " + transportsSeen
                        + "); " + server.diagnostics());
            } catch (ExecutionException e) {
                throw new AssertionError(label + ": while waiting for " + what + ": " + e.getCause().getMessage()
                        + " (transports " + transportsSeen + "); " + server.diagnostics(), e.getCause());
            }
        }

        private static JsonNode args(Object[] received) {
            return JavaClientValues.fromClientArgs(received);
        }

        private static String describe(Object[] args) {
            StringBuilder sb = new StringBuilder();
            for (Object a : args) {
                sb.append(a instanceof Throwable ? a.toString() + " / cause " + ((Throwable) a).getCause() : String.valueOf(a))
                        .append(' ');
            }
            return sb.toString().trim();
        }
    }
}
