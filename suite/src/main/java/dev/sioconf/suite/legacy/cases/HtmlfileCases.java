package dev.sioconf.suite.legacy.cases;

import dev.sioconf.suite.wire.JsStrings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.legacy.WirePackets;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** spec/legacy.md section 12: htmlfile. */
class HtmlfileCases {

    static final String OPENING = "<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>";
    static final String HEARTBEAT = script("2::");
    static final String UNKNOWN_SID = "0000000000sioconf";

    @Requirement("LEG-12.1")
    @LegacyCase(transports = Transport.HTMLFILE,
            does = "opens the stream, reads its head, keeps it open (answering heartbeats) past the polling duration, then POSTs a message")
    void streamIsAChunkedHtmlAnswerThatStaysOpen(LegacyTester t) {
        String sid = t.handshake().sid();
        try (Stream s = Stream.open(t, sid, true)) {
            assertThat(s.response.statusCode()).as("status").isEqualTo(200);
            assertThat(s.response.headers().firstValue("content-type")).as("content type").hasValue("text/html; charset=UTF-8");
            assertThat(s.response.headers().firstValue("transfer-encoding")).as("transfer encoding").hasValue("chunked");
            s.next(Bounds.PROMPT);
            assertThat(s.nextDelivery(Bounds.PROMPT)).as("first delivery").isEqualTo(script("1::"));
            // A poll would have been answered and ended by now; the stream must still carry deliveries.
            t.pause(t.bounds().pollHeldAtMost(), "keep the stream open longer than a poll may be held");
            t.postPayload(Transport.HTMLFILE, sid, "3:::still streaming");
            assertThat(s.nextDelivery(Bounds.PROMPT)).as("delivery on the same stream").isEqualTo(script("3:::still streaming"));
        }
    }

    @Requirement("LEG-12.2")
    @LegacyCase(transports = Transport.HTMLFILE, does = "opens the htmlfile stream and reads the head and the first chunk")
    void streamOpensWithAnHtmlBodyThatHandsMessagesToTheParent(LegacyTester t) throws Exception {
        HttpResponse<InputStream> r = t.openHtmlfile(t.handshake().sid());
        try (InputStream body = r.body()) {
            assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
            assertThat(read(body, OPENING.length())).isEqualTo(OPENING);
        }
    }

    @Requirement("LEG-12.3")
    @LegacyCase(transports = Transport.HTMLFILE, does = "reads the first chunk and counts the spaces after the script")
    void openingIsPaddedForOldBrowsers(LegacyTester t) throws Exception {
        HttpResponse<InputStream> r = t.openHtmlfile(t.handshake().sid());
        try (InputStream body = r.body()) {
            read(body, OPENING.length());
            assertThat(read(body, 173)).isEqualTo(" ".repeat(173));
        }
    }

    @Requirement("LEG-12.4")
    @LegacyCase(transports = Transport.HTMLFILE, does = "reads the script after the opening, then POSTs a message with a slash")
    void eachPacketIsAScriptCallWithSlashesEscaped(LegacyTester t) {
        String sid = t.handshake().sid();
        try (Stream s = Stream.open(t, sid, true)) {
            s.next(Bounds.PROMPT);
            assertThat(s.nextDelivery(Bounds.PROMPT)).isEqualTo("<script>_(\"1::\");</script>");
            t.postPayload(Transport.HTMLFILE, sid, "3:::</script>");
            assertThat(s.nextDelivery(Bounds.PROMPT)).isEqualTo("<script>_(\"3:::<\\/script>\");</script>");
        }
    }

    @Requirement("LEG-12.5")
    @LegacyCase(transports = Transport.HTMLFILE,
            does = "connects, closes the stream, POSTs two messages (one with an emoji) while none is open, then opens a new stream")
    void packetsQueuedWithoutAStreamComeInOneFramedScript(LegacyTester t) {
        String sid = t.handshake().sid();
        try (Stream first = Stream.open(t, sid, false)) {
            first.next(Bounds.PROMPT);
            assertThat(first.nextDelivery(Bounds.PROMPT)).as("first delivery").isEqualTo(script("1::"));
        }
        // The session must outlive the gap, and the server must have seen the stream go before the POST.
        Duration gap = min(t.bounds().closeTimeout().dividedBy(4), Bounds.PROMPT);
        t.pause(gap, "let the server notice the stream is closed");
        List<String> queued = List.of("3:::one", "3:::two \ud83d\ude00");
        t.postPayload(Transport.HTMLFILE, sid, WirePackets.frame(queued));
        try (Stream second = Stream.open(t, sid, false)) {
            second.next(Bounds.PROMPT);
            assertThat(payloadOf(second.nextDelivery(Bounds.PROMPT))).as("payload of the first script on the new stream")
                    .isEqualTo(WirePackets.frame(queued));
        }
    }

    @Requirement("LEG-12.6")
    @LegacyCase(transports = Transport.HTMLFILE, does = "opens the first stream of a session and reads the script after the opening")
    void firstDeliveryIsTheConnectScript(LegacyTester t) {
        try (Stream s = Stream.open(t, t.handshake().sid(), false)) {
            s.next(Bounds.PROMPT);
            assertThat(s.next(Bounds.PROMPT)).as("first script after the opening").isEqualTo("<script>_(\"1::\");</script>");
        }
    }

    @Requirement("LEG-12.6")
    @LegacyCase(transports = Transport.HTMLFILE, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "opens a stream, takes the connect script and waits for the next script, sending nothing")
    void heartbeatsComeAsScriptsOnTheStream(LegacyTester t) {
        try (Stream s = Stream.open(t, t.handshake().sid(), false)) {
            s.next(Bounds.PROMPT);
            assertThat(s.next(Bounds.PROMPT)).as("connect script").isEqualTo(script("1::"));
            assertThat(s.next(t.bounds().heartbeatDue())).as("next script").isEqualTo("<script>_(\"2::\");</script>");
        }
    }

    @Requirement("LEG-12.7")
    @LegacyCase(transports = Transport.HTMLFILE, does = "opens an htmlfile stream for a session id that was never issued and reads it to its end")
    void unknownSessionGetsTheOpeningAnErrorAndTheEnd(LegacyTester t) {
        try (Stream s = Stream.open(t, UNKNOWN_SID, false)) {
            assertThat(s.next(Bounds.PROMPT)).as("opening").startsWith("<html><body><script>");
            assertThat(s.next(Bounds.PROMPT)).as("script after the opening").isEqualTo("<script>_(\"7:::1+0\");</script>");
            s.assertEndsCleanly(Bounds.PROMPT);
        }
    }

    @Requirement("LEG-12.8")
    @LegacyCase(transports = Transport.HTMLFILE, does = "POSTs two messages as a bare framed payload, text/plain, to a connected session")
    void postBodyIsThePayloadAnsweredWithOne(LegacyTester t) {
        Connection c = t.openSession();
        HttpAnswer posted = t.http().post(t.transportUri(Transport.HTMLFILE, c.sid(), ""), "text/plain;charset=UTF-8",
                WirePackets.frame(List.of("3:::first", "3:::second")), Bounds.PROMPT);
        LegacyTester.assertAnswer(posted, 200, "1");
        assertThat(posted.header("content-type")).as("content type of the POST answer").hasValue("text/plain; charset=UTF-8");
        c.inbox().assertNext("3:::first", "3:::second");
    }

    @Requirement("LEG-12.9")
    @LegacyCase(transports = Transport.HTMLFILE, does = "connects a stream, POSTs the disconnect packet 0:: and reads the stream to its end")
    void disconnectPacketEndsTheChunkedBody(LegacyTester t) {
        String sid = t.handshake().sid();
        try (Stream s = Stream.open(t, sid, true)) {
            s.next(Bounds.PROMPT);
            assertThat(s.nextDelivery(Bounds.PROMPT)).as("first delivery").isEqualTo(script("1::"));
            t.postPayload(Transport.HTMLFILE, sid, "0::");
            s.assertEndsCleanly(Bounds.PROMPT);
        }
    }

    @Requirement("LEG-12.9")
    @LegacyCase(transports = Transport.HTMLFILE, does = "connects a stream, GETs ?disconnect for its session and reads the stream to its end")
    void disconnectRequestEndsTheChunkedBody(LegacyTester t) {
        String sid = t.handshake().sid();
        try (Stream s = Stream.open(t, sid, true)) {
            s.next(Bounds.PROMPT);
            assertThat(s.nextDelivery(Bounds.PROMPT)).as("first delivery").isEqualTo(script("1::"));
            HttpAnswer a = t.http().get(t.transportUri(Transport.HTMLFILE, sid, "disconnect=1"), Bounds.PROMPT);
            assertThat(a.status()).as("status of the disconnect request").isEqualTo(200);
            s.assertEndsCleanly(Bounds.PROMPT);
        }
    }

    @Requirement("LEG-12.9")
    @LegacyCase(transports = Transport.HTMLFILE, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "connects a stream, never answers its heartbeats and reads the stream to its end")
    void heartbeatTimeoutEndsTheChunkedBody(LegacyTester t) {
        try (Stream s = Stream.open(t, t.handshake().sid(), false)) {
            s.next(Bounds.PROMPT);
            // First heartbeat within heartbeatDue, then the heartbeat timeout: the same bound as HeartbeatCases.
            s.assertEndsCleanly(t.bounds().heartbeatDue().plus(t.bounds().heartbeatDue()));
        }
    }

    /** The delivery script for a payload, as LEG-12.4 writes it. */
    static String script(String payload) {
        return "<script>_(" + JsStrings.quote(payload).replace("/", "\\/") + ");</script>";
    }

    /** The payload inside a delivery script. */
    static String payloadOf(String script) {
        assertThat(script).as("delivery script").startsWith("<script>_(").endsWith(");</script>");
        return JsStrings.unquote(script.substring("<script>_(".length(), script.length() - ");</script>".length()));
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** Reads exactly {@code chars} ASCII characters, bounded in time. */
    static String read(InputStream in, int chars) throws Exception {
        CompletableFuture<byte[]> bytes = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(chars);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return new String(bytes.get(Bounds.PROMPT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (java.util.concurrent.TimeoutException e) {
            in.close();
            throw new TargetMisbehaved("fewer than " + chars + " characters within " + Bounds.PROMPT.toMillis() + " ms");
        }
    }

    /**
     * An htmlfile answer cut into pieces that each end with {@code </script>} (the opening is the
     * first), read on a thread of its own so that every wait of a case is bounded. The end of the
     * body is told apart from a connection lost in the middle of it: the JDK client reports the
     * first only after the terminating chunk.
     */
    static final class Stream implements AutoCloseable {

        private static final String END = "\u0000end";
        private static final String CLOSE = "</script>";

        final HttpResponse<InputStream> response;
        private final LegacyTester t;
        private final String sid;
        private final boolean answerHeartbeats;
        private final BlockingQueue<String> pieces = new LinkedBlockingQueue<>();
        private volatile String endedBecause;
        private volatile boolean stopped;

        private Stream(LegacyTester t, String sid, boolean answerHeartbeats) {
            this.t = t;
            this.sid = sid;
            this.answerHeartbeats = answerHeartbeats;
            this.response = t.openHtmlfile(sid);
            Thread reader = new Thread(this::readLoop, "sioconf-htmlfile-case-" + sid);
            reader.setDaemon(true);
            reader.start();
        }

        /** Opens the stream; with {@code answerHeartbeats} every heartbeat script is answered by a POST, as a client does. */
        static Stream open(LegacyTester t, String sid, boolean answerHeartbeats) {
            return new Stream(t, sid, answerHeartbeats);
        }

        private void readLoop() {
            StringBuilder pending = new StringBuilder();
            char[] buffer = new char[4096];
            try (Reader in = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    String chunk = new String(buffer, 0, n);
                    t.log().received("http-chunk", chunk);
                    pending.append(chunk);
                    for (int at = pending.indexOf(CLOSE); at >= 0; at = pending.indexOf(CLOSE)) {
                        String piece = pending.substring(0, at + CLOSE.length()).strip();
                        pending.delete(0, at + CLOSE.length());
                        if (answerHeartbeats && piece.equals(HEARTBEAT)) {
                            answerHeartbeat();
                        }
                        pieces.add(piece);
                    }
                }
                if (!pending.toString().isBlank()) {
                    pieces.add(pending.toString().strip());
                }
                end("the body ended with its terminating chunk");
            } catch (IOException | AssertionError e) {
                end(stopped ? "closed by the tester" : "the body broke off: " + e);
            }
        }

        /**
         * Best effort: the session may end just after its heartbeat (the case posted 0::), and then the
         * answer is {@code 7:::1+0} or nothing, which says nothing about the stream.
         */
        private void answerHeartbeat() {
            try {
                t.http().post(t.transportUri(Transport.HTMLFILE, sid, ""), "text/plain;charset=UTF-8", "2::", Bounds.PROMPT);
            } catch (AssertionError e) {
                t.log().note("heartbeat answer failed: " + e.getMessage());
            }
        }

        private void end(String why) {
            endedBecause = why;
            pieces.add(END);
        }

        /** The next piece within {@code bound}, leading whitespace (the padding) stripped. */
        String next(Duration bound) {
            String p;
            try {
                p = pieces.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetMisbehaved("interrupted");
            }
            if (p == null) {
                throw new TargetMisbehaved("no further script on the htmlfile stream within " + bound.toMillis() + " ms");
            }
            if (p == END) {
                pieces.add(END);
                throw new TargetMisbehaved("the htmlfile stream ended (" + endedBecause + ") before the next script");
            }
            return p;
        }

        /** The next script that is not a heartbeat. */
        String nextDelivery(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            while (true) {
                String p = next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
                if (!p.equals(HEARTBEAT)) {
                    return p;
                }
            }
        }

        /** The body ends, with its terminating chunk, within {@code bound}; scripts before the end are skipped. */
        void assertEndsCleanly(Duration bound) {
            long deadline = System.nanoTime() + bound.toNanos();
            try {
                while (true) {
                    long left = deadline - System.nanoTime();
                    String p = left <= 0 ? null : pieces.poll(left, TimeUnit.NANOSECONDS);
                    if (p == null) {
                        throw new TargetMisbehaved("the htmlfile body did not end within " + bound.toMillis() + " ms");
                    }
                    if (p == END) {
                        pieces.add(END);
                        assertThat(endedBecause).as("how the htmlfile body ended").isEqualTo("the body ended with its terminating chunk");
                        return;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TargetMisbehaved("interrupted");
            }
        }

        @Override
        public void close() {
            stopped = true;
            try {
                response.body().close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
