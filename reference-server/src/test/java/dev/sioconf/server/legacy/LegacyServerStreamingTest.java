package dev.sioconf.server.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The streaming transports (websocket, htmlfile) and their heartbeats. */
class LegacyServerStreamingTest {

    static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(300);
    static final Duration HEARTBEAT_TIMEOUT = Duration.ofMillis(700);

    static LegacySettings quickHeartbeats() {
        return LegacySettings.defaults().withHeartbeats(true, HEARTBEAT_INTERVAL, HEARTBEAT_TIMEOUT);
    }

    @Test
    void websocketOpensWithConnectAndRunsTheContract() throws Exception {
        try (RunningServer s = new RunningServer(LegacySettings.defaults())) {
            Frames frames = Frames.open(s, s.handshake());
            assertThat(frames.next()).isEqualTo("1::");
            frames.send("5:::{\"name\":\"sendMessage\",\"args\":[{\"text\":\"hi\"}]}");
            assertThat(frames.next()).isEqualTo("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
            frames.send("5:3+:/custom:{\"name\":\"echo\",\"args\":[1.5,\"é\"]}");
            assertThat(frames.next()).isEqualTo("5::/custom:{\"name\":\"echo\",\"args\":[1.5,\"é\"]}");
            assertThat(frames.next()).isEqualTo("6::/custom:3+[1.5,\"é\"]");
        }
    }

    @Test
    void websocketGetsHeartbeatsWhileTheClientAnswersThem() throws Exception {
        try (RunningServer s = new RunningServer(quickHeartbeats())) {
            Frames frames = Frames.open(s, s.handshake());
            assertThat(frames.next()).isEqualTo("1::");
            for (int i = 0; i < 3; i++) {
                assertThat(frames.next()).isEqualTo("2::");
                frames.send("2::");
            }
            assertThat(s.server.sessionCount()).isEqualTo(1);
        }
    }

    @Test
    void aClientThatIgnoresHeartbeatsLosesItsSession() throws Exception {
        try (RunningServer s = new RunningServer(quickHeartbeats())) {
            String sid = s.handshake();
            Frames frames = Frames.open(s, sid);
            assertThat(frames.next()).isEqualTo("1::");
            assertThat(frames.next()).isEqualTo("2::");
            assertThat(frames.closed.get(HEARTBEAT_TIMEOUT.plus(RunningServer.SLACK).toMillis(), TimeUnit.MILLISECONDS))
                    .isNotNull();
            assertThat(s.get("/socket.io/1/xhr-polling/" + sid).body()).isEqualTo("7:::1+0");
        }
    }

    @Test
    void websocketForAnUnknownSessionGetsTheErrorPacketAndIsClosed() throws Exception {
        try (RunningServer s = new RunningServer(LegacySettings.defaults())) {
            Frames frames = Frames.open(s, "424242");
            assertThat(frames.next()).isEqualTo("7:::1+0");
            assertThat(frames.closed.get(RunningServer.SLACK.toMillis(), TimeUnit.MILLISECONDS)).isNotNull();
        }
    }

    @Test
    void htmlfileStreamsAPaddedOpeningThenOneScriptPerPacket() throws Exception {
        try (RunningServer s = new RunningServer(LegacySettings.defaults())) {
            String sid = s.handshake();
            String path = "/socket.io/1/htmlfile/" + sid;
            HttpResponse<InputStream> r = s.http.send(HttpRequest.newBuilder(s.uri(path)).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
            try (InputStream body = r.body()) {
                String opening = "<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>"
                        + " ".repeat(173);
                assertThat(read(body, opening.length())).isEqualTo(opening);
                String connect = "<script>_(\"1::\");</script>";
                assertThat(read(body, connect.length())).isEqualTo(connect);
                s.post(path, "3:::a/b");
                String echoed = "<script>_(\"3:::a\\/b\");</script>";
                assertThat(read(body, echoed.length())).isEqualTo(echoed);
            }
        }
    }

    private static String read(InputStream in, int chars) throws Exception {
        byte[] bytes = in.readNBytes(chars);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** Text frames received on a JDK websocket, with a bounded wait for each. */
    static final class Frames implements WebSocket.Listener {
        final BlockingQueue<String> received = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        static Frames open(RunningServer s, String sid) throws Exception {
            Frames frames = new Frames();
            URI uri = URI.create("ws://127.0.0.1:" + s.server.port() + "/socket.io/1/websocket/" + sid);
            frames.socket = s.http.newWebSocketBuilder().connectTimeout(RunningServer.SLACK)
                    .buildAsync(uri, frames).get(RunningServer.SLACK.toMillis(), TimeUnit.MILLISECONDS);
            return frames;
        }

        String next() throws InterruptedException {
            String frame = received.poll(RunningServer.SLACK.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                throw new AssertionError("no frame within " + RunningServer.SLACK);
            }
            return frame;
        }

        void send(String text) throws Exception {
            socket.sendText(text, true).get(RunningServer.SLACK.toMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(partial.toString());
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closed.complete(-1);
        }
    }
}
