package dev.sioconf.suite.legacy.cases;

import dev.sioconf.suite.wire.JsStrings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.legacy.WirePackets;
import dev.sioconf.suite.wire.WebSocketWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** spec/legacy.md section 7: heartbeats on the streaming transports. */
class HeartbeatCases {

    @Requirement("LEG-7.1")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "opens a websocket, takes the connect packet and waits for a heartbeat, answering none")
    void heartbeatArrivesBeforeTheAnnouncedTimeout(LegacyTester t) {
        try (WebSocketWire ws = t.openWebSocket(t.handshake().sid())) {
            assertThat(ws.next(dev.sioconf.suite.legacy.Bounds.PROMPT)).isEqualTo("1::");
            long start = System.nanoTime();
            assertThat(ws.next(t.bounds().heartbeatDue())).as("first packet after connect").isEqualTo("2::");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(t.bounds().heartbeatDue());
        }
    }

    @Requirement("LEG-7.4")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "answers every heartbeat for longer than the heartbeat timeout, then checks the session still serves")
    void clientThatAnswersHeartbeatsKeepsItsSession(LegacyTester t) {
        var c = t.openSession();
        t.pause(t.bounds().heartbeatDue(), "answer heartbeats for longer than the heartbeat timeout");
        c.send("3:::alive");
        c.inbox().assertNext("3:::alive");
    }

    @Requirement("LEG-7.4")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "opens a websocket and never answers heartbeats")
    void clientThatIgnoresHeartbeatsLosesItsSession(LegacyTester t) {
        String sid = t.handshake().sid();
        try (WebSocketWire ws = t.openWebSocket(sid)) {
            Duration bound = t.bounds().heartbeatDue().plus(t.bounds().heartbeatDue());
            assertThat(ws.awaitClosed(bound)).as("socket closed by the server within %s ms", bound.toMillis()).isTrue();
        }
    }

    @Requirement("LEG-7.2")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING}, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "connects, keeps polling for twice the heartbeat timeout without ever sending 2::, then sends a message")
    void pollingSessionGetsNoHeartbeatsAndOutlivesTheHeartbeatTimeout(LegacyTester t) {
        try (RawSession s = RawSession.open(t)) {
            Duration watch = t.bounds().heartbeatDue().multipliedBy(2);
            assertThat(s.next(watch)).as("anything but noops on the polls of %s ms", watch.toMillis()).isNull();
            s.send("3:::still here");
            assertThat(s.next(Bounds.PROMPT)).as("echo after the heartbeat timeout").isEqualTo("3:::still here");
        }
    }

    @Requirement("LEG-7.5")
    @LegacyCase(does = "takes the connect packet, sends a lone 2:: (a POST body of its own on the HTTP transports), then a message")
    void clientHeartbeatIsAcceptedAndNotAnswered(LegacyTester t) {
        try (RawSession s = RawSession.open(t)) {
            // The server's own first heartbeat is a heartbeat interval away; the echo comes long before.
            s.send("2::");
            s.send("3:::after the heartbeat");
            assertThat(s.next(Bounds.PROMPT)).as("what follows a client heartbeat").isEqualTo("3:::after the heartbeat");
        }
    }

    @Requirement("LEG-7.6")
    @LegacyCase(onlyIf = TargetTrait.HEARTBEATS_OFF,
            does = "connects, listens without a word for longer than the close timeout, then sends a message")
    void withHeartbeatsOffNoneIsSentAndTheSessionLives(LegacyTester t) {
        try (RawSession s = RawSession.open(t)) {
            // Heartbeats off declare no interval; the close timeout is the longest timer the target declares.
            Duration watch = t.bounds().sessionGoneBy();
            assertThat(s.next(watch)).as("anything but noops within %s ms", watch.toMillis()).isNull();
            s.send("3:::still here");
            assertThat(s.next(Bounds.PROMPT)).as("echo after the silence").isEqualTo("3:::still here");
        }
    }

    /**
     * A connected session on the transport under test, read raw: unlike a {@link dev.sioconf.suite.legacy.Connection}
     * it neither hides nor answers heartbeats, and shows each body or frame whole (unsplit). On the
     * polling transports it only polls inside {@link #next}, so packets sent meanwhile are queued.
     */
    abstract static class RawSession implements AutoCloseable {

        final LegacyTester t;
        final String sid;

        RawSession(LegacyTester t, String sid) {
            this.t = t;
            this.sid = sid;
        }

        /** Handshakes, connects and takes the connect packet. */
        static RawSession open(LegacyTester t) {
            String sid = t.handshake().sid();
            RawSession s = switch (t.transport()) {
                case WEBSOCKET -> new OverWebSocket(t, sid);
                case HTMLFILE -> new OverHtmlfile(t, sid);
                default -> new OverPolling(t, sid);
            };
            assertThat(s.next(Bounds.PROMPT)).as("first packet").isEqualTo("1::");
            return s;
        }

        /** The next body or frame within {@code bound} (noop answers to polls skipped), or null. */
        abstract String next(Duration bound);

        /** Sends one payload: a frame, or a POST body of its own. */
        void send(String payload) {
            t.postPayload(t.transport(), sid, payload);
        }

        @Override
        public void close() {
        }
    }

    static final class OverWebSocket extends RawSession {
        private final WebSocketWire ws;

        OverWebSocket(LegacyTester t, String sid) {
            super(t, sid);
            ws = t.openWebSocket(sid);
        }

        @Override
        String next(Duration bound) {
            return ws.poll(bound);
        }

        @Override
        void send(String payload) {
            ws.send(payload);
        }
    }

    static final class OverPolling extends RawSession {
        OverPolling(LegacyTester t, String sid) {
            super(t, sid);
        }

        /** Polls until an answer other than the noop, or until {@code bound} has passed (the last poll is let finish). */
        @Override
        String next(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            do {
                String payload = Polls.payload(t.transport(), t.poll(t.transport(), sid));
                if (!payload.equals("8::")) {
                    return payload;
                }
            } while (System.nanoTime() < deadline);
            return null;
        }
    }

    /** The htmlfile stream read script by script on a thread of its own. */
    static final class OverHtmlfile extends RawSession {
        private static final String OPEN = "<script>_(";
        private static final String CLOSE = ");</script>";

        private final InputStream body;
        private final BlockingQueue<String> scripts = new LinkedBlockingQueue<>();

        OverHtmlfile(LegacyTester t, String sid) {
            super(t, sid);
            body = t.openHtmlfile(sid).body();
            Thread reader = new Thread(this::read, "sioconf-raw-htmlfile-" + sid);
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            StringBuilder pending = new StringBuilder();
            char[] buffer = new char[4096];
            try (Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    String chunk = new String(buffer, 0, n);
                    t.log().received("http-chunk", chunk);
                    pending.append(chunk);
                    int open;
                    int close;
                    while ((open = pending.indexOf(OPEN)) >= 0 && (close = pending.indexOf(CLOSE, open)) >= 0) {
                        scripts.add(JsStrings.unquote(pending.substring(open + OPEN.length(), close)));
                        pending.delete(0, close + CLOSE.length());
                    }
                }
            } catch (IOException | AssertionError e) {
                // the stream ended or was closed; next() then finds nothing
            }
        }

        @Override
        String next(Duration bound) {
            try {
                return scripts.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        }

        @Override
        public void close() {
            try {
                body.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
