package dev.sioconf.server.robustness;

import java.net.URI;
import java.net.http.HttpClient;
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

    static Bystander open(Profile profile, HttpClient http, Wire wire) throws Exception {
        return profile == Profile.LEGACY ? new Legacy(wire) : new Engine(profile, http, wire.port);
    }

    /**
     * A fresh handshake of {@code profile}: null when it opened a session, else its answer. Like
     * every request of a bystander it goes on a connection of its own ({@link Wire}): the servers
     * here close idle kept-alive connections after 1 s, and several bad inputs take longer, so a
     * pooled connection could be closed under the next request, which is no harm to any session.
     */
    static String freshHandshake(Profile profile, Wire wire) throws Exception {
        RawHttp.Answer a = wire.get(profile.handshake(), HEADERS);
        String pattern = switch (profile) {
            case LEGACY -> "\\d+:\\d*:\\d+:[a-z,-]+";
            case EIO3 -> "\\d+:0\\{.*";
            case EIO4 -> "0\\{.*";
        };
        return a.status() == 200 && a.text().matches(pattern) ? null : a.render();
    }

    private static final String[] HEADERS = {"Origin: " + ORIGIN, "Connection: close"};

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
        private final Wire wire;
        private final String session;

        Legacy(Wire wire) throws Exception {
            this.wire = wire;
            String sid = get("/socket.io/1/").split(":")[0];
            this.session = "/socket.io/1/xhr-polling/" + sid;
            String connect = get(session);
            if (!connect.equals("1::")) {
                throw new AssertionError("bystander could not open: " + connect);
            }
        }

        @Override
        String roundTrip() throws Exception {
            String event = "5:::{\"name\":\"echo\",\"args\":[\"bystander\"]}";
            RawHttp.Answer posted = wire.post(session, event, HEADERS);
            if (posted.status() != 200) {
                return "bystander's POST got " + posted.render();
            }
            String back = get(session);
            return back.equals(event) ? null : "bystander got " + back;
        }

        private String get(String target) throws Exception {
            RawHttp.Answer a = wire.get(target, HEADERS);
            return a.answered() ? a.text() : a.render();
        }

        @Override
        public void close() {
        }
    }
}
