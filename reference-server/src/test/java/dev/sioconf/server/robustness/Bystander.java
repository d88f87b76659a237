package dev.sioconf.server.robustness;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A healthy session of one profile, opened on its own connection before a bad input is sent and
 * asked afterwards for an echo round trip: the bad input must not have disturbed it. Engine.IO
 * bystanders use a WebSocket that answers every ping, so short ping timings cannot end them.
 */
abstract class Bystander implements AutoCloseable {

    static final Duration BOUND = Duration.ofSeconds(5);
    static final String ORIGIN = "http://allowed.example";

    /** Null when the echo came back, else what went wrong. */
    abstract String roundTrip() throws Exception;

    static Bystander open(Profile profile, HttpClient http, int port) throws Exception {
        return profile == Profile.LEGACY ? new Legacy(http, port) : new Engine(profile, http, port);
    }

    /** A fresh handshake of {@code profile}: null when it opened a session, else its answer. */
    static String freshHandshake(Profile profile, HttpClient http, int port) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + profile.handshake())).header("Origin", ORIGIN).timeout(BOUND).build(), HttpResponse.BodyHandlers.ofString());
        String pattern = switch (profile) {
            case LEGACY -> "\\d+:\\d*:\\d+:[a-z,-]+";
            case EIO3 -> "\\d+:0\\{.*";
            case EIO4 -> "0\\{.*";
        };
        return r.statusCode() == 200 && r.body().matches(pattern) ? null : r.statusCode() + " " + r.body();
    }

    private static final class Engine extends Bystander implements WebSocket.Listener {
        private final BlockingQueue<String> texts = new LinkedBlockingQueue<>();
        private final StringBuilder partial = new StringBuilder();
        private final WebSocket ws;
        private final java.util.concurrent.ScheduledExecutorService pinger =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "eio3-bystander-pings");
                    t.setDaemon(true);
                    return t;
                });

        Engine(Profile profile, HttpClient http, int port) throws Exception {
            ws = http.newWebSocketBuilder().connectTimeout(BOUND)
                    .buildAsync(URI.create("ws://127.0.0.1:" + port + profile.engine() + "websocket"), this)
                    .get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            expect("0{", true);
            if (profile == Profile.EIO3) {
                // in revision 3 the client pings; 100 ms keeps up with the shortest pingInterval used here
                pinger.scheduleAtFixedRate(() -> ws.sendText("2", true), 100, 100, TimeUnit.MILLISECONDS);
            }
            if (profile == Profile.EIO4) {
                send("40");
            }
            expect("40", true);
            if (profile == Profile.EIO4) {
                expect("42[\"auth\"", true); // the contract tells each new socket its auth data
            }
        }

        @Override
        String roundTrip() throws Exception {
            send("42[\"echo\",\"bystander\"]");
            return expect("42[\"echo\",\"bystander\"]", false);
        }

        private void send(String text) throws Exception {
            ws.sendText(text, true).get(BOUND.toMillis(), TimeUnit.MILLISECONDS);
        }

        private String expect(String wanted, boolean prefix) throws Exception {
            String got = texts.poll(BOUND.toMillis(), TimeUnit.MILLISECONDS);
            boolean ok = got != null && (prefix ? got.startsWith(wanted) : got.equals(wanted));
            if (!ok && prefix) {
                throw new AssertionError("bystander could not open: " + got);
            }
            return ok ? null : "bystander got " + got;
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.equals("2")) {
                    webSocket.sendText("3", true);
                } else if (!text.equals("3")) {
                    texts.add(text);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public void close() {
            pinger.shutdownNow();
            ws.abort();
        }
    }

    private static final class Legacy extends Bystander {
        private final HttpClient http;
        private final String session;

        Legacy(HttpClient http, int port) throws Exception {
            this.http = http;
            String base = "http://127.0.0.1:" + port + "/socket.io/1/";
            String sid = get(base).split(":")[0];
            this.session = base + "xhr-polling/" + sid;
            String connect = get(session);
            if (!connect.equals("1::")) {
                throw new AssertionError("bystander could not open: " + connect);
            }
        }

        @Override
        String roundTrip() throws Exception {
            String event = "5:::{\"name\":\"echo\",\"args\":[\"bystander\"]}";
            http.send(HttpRequest.newBuilder(URI.create(session)).timeout(BOUND)
                    .POST(HttpRequest.BodyPublishers.ofString(event)).build(), HttpResponse.BodyHandlers.ofString());
            String back = get(session);
            return back.equals(event) ? null : "bystander got " + back;
        }

        private String get(String uri) throws Exception {
            return http.send(HttpRequest.newBuilder(URI.create(uri)).header("Origin", ORIGIN).timeout(BOUND).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        }

        @Override
        public void close() {
        }
    }
}
