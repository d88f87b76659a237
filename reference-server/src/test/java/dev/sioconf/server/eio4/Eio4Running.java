package dev.sioconf.server.eio4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.ServerHttp;
import dev.sioconf.server.legacy.LegacySettings;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A reference server on a free loopback port, with bounded HTTP and WebSocket clients for its eio4
 * side: {@link #rest()} for checks of status, headers and error bodies, the JDK client for payloads,
 * held and overlapping polls and WebSocket frames.
 */
public final class Eio4Running implements AutoCloseable {

    /** Added to every wait on top of the timings the server is configured with. */
    public static final Duration SLACK = Duration.ofSeconds(5);
    public static final String SIO = "/socket.io/?EIO=4&transport=";
    public static final String ECHO = "/engine.io/?EIO=4&transport=";
    public static final char RS = '\u001e';

    public final ReferenceServer server;
    public final Eio4Settings settings;
    public final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    public Eio4Running(Eio4Settings settings) throws InterruptedException {
        this(settings, java.util.Set.of());
    }

    /** With eio3 faults too, for the eio3 tests, which run on the same server with the same settings. */
    public Eio4Running(Eio4Settings settings, java.util.Set<dev.sioconf.server.eio3.Eio3Fault> eio3Faults)
            throws InterruptedException {
        this.settings = settings;
        this.server = ReferenceServer.start(LegacySettings.defaults().withPort(0), settings, eio3Faults);
    }

    /** Short timings, so heartbeat cases run in well under a second of server time. */
    public static Eio4Settings quick() {
        return Eio4Settings.defaults().withPing(Duration.ofMillis(300), Duration.ofMillis(200));
    }

    /** The longest a poll may be held: until the next ping, plus slack. */
    public Duration pollBound() {
        return settings.pingInterval().plus(SLACK);
    }

    public URI uri(String pathAndQuery) {
        return URI.create(server.baseUri() + pathAndQuery);
    }

    /** A REST Assured request to this server; an answer is due within the slack. */
    public RequestSpecification rest() {
        return RestAssured.given(ServerHttp.at(server.baseUri(), SLACK));
    }

    public HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(pollBound()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
        return http.sendAsync(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(pollBound()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(uri(pathAndQuery)).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(SLACK).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A polling handshake on {@code base} ({@link #SIO} or {@link #ECHO}); returns the session id. */
    public String handshake(String base) throws IOException, InterruptedException {
        String body = get(base + "polling").body();
        return openPacket(body).get("sid").asText();
    }

    public static JsonNode openPacket(String body) {
        if (!body.startsWith("0")) {
            throw new AssertionError("not an open packet: " + body);
        }
        try {
            return new ObjectMapper().readTree(body.substring(1));
        } catch (IOException e) {
            throw new AssertionError("open packet without JSON: " + body, e);
        }
    }

    public Frames webSocket(String pathAndQuery) {
        return Frames.open(http, URI.create("ws://127.0.0.1:" + server.port() + pathAndQuery));
    }

    @Override
    public void close() {
        server.close();
    }

    /** The messages a WebSocket receives: a String per text message, a byte[] per binary one. */
    public static final class Frames implements WebSocket.Listener {
        public final BlockingQueue<Object> messages = new LinkedBlockingQueue<>();
        public final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder text = new StringBuilder();
        private final ByteArrayOutputStream binary = new ByteArrayOutputStream();
        public WebSocket ws;

        public static Frames open(HttpClient http, URI uri) {
            Frames frames = new Frames();
            frames.ws = http.newWebSocketBuilder().connectTimeout(SLACK).buildAsync(uri, frames)
                    .orTimeout(SLACK.toMillis(), TimeUnit.MILLISECONDS).join();
            return frames;
        }

        public void send(String message) {
            ws.sendText(message, true).orTimeout(SLACK.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        public void sendBinary(byte[] bytes) {
            ws.sendBinary(ByteBuffer.wrap(bytes), true).orTimeout(SLACK.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        /** The next message within {@code bound}; fails the test when none comes. */
        public Object next(Duration bound) throws InterruptedException {
            Object message = messages.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (message == null) {
                throw new AssertionError("no message within " + bound);
            }
            return message;
        }

        public String nextText(Duration bound) throws InterruptedException {
            Object message = next(bound);
            if (!(message instanceof String s)) {
                throw new AssertionError("expected a text message, got binary");
            }
            return s;
        }

        /** The next text message that is not a ping, answering pings on the way. */
        public String nextSkippingPings(Duration bound) throws InterruptedException {
            while (true) {
                String message = nextText(bound);
                if (!message.equals("2")) {
                    return message;
                }
                send("3");
            }
        }

        public int closeCode(Duration bound) {
            return closed.orTimeout(bound.toMillis(), TimeUnit.MILLISECONDS).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            text.append(data);
            if (last) {
                messages.add(text.toString());
                text.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket webSocket, ByteBuffer data, boolean last) {
            byte[] chunk = new byte[data.remaining()];
            data.get(chunk);
            binary.writeBytes(chunk);
            if (last) {
                messages.add(binary.toByteArray());
                binary.reset();
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
