package dev.sioconf.server.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.legacy.LegacyServerStreamingTest.Frames;
import dev.sioconf.server.legacy.codec.PayloadCodec;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each deliberate fault, shown on the wire: the same probe runs against a clean server and one
 * started with the fault, and the two answers differ as the fault says.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class FaultTest {

    static final Duration POLLING = Duration.ofMillis(600);
    static final LegacySettings CLEAN = LegacySettings.defaults().withPollingDuration(POLLING);
    static final String XHR = "/socket.io/1/xhr-polling/";

    @FunctionalInterface
    interface Probe<T> {
        T run(RunningServer s) throws Exception;
    }

    static <T> T on(LegacySettings settings, Probe<T> probe) throws Exception {
        try (RunningServer s = new RunningServer(settings)) {
            return probe.run(s);
        }
    }

    static LegacySettings with(Fault fault) {
        return CLEAN.withFaults(Set.of(fault));
    }

    static LegacySettings with(LegacySettings base, Fault fault) {
        return base.withFaults(Set.of(fault));
    }

    @Test
    void namesAreUniqueKebabCaseAndFoundAgain() {
        List<String> names = Arrays.stream(Fault.values()).map(Fault::wireName).toList();
        assertThat(names).doesNotHaveDuplicates().allMatch(n -> n.matches("[a-z0-9]+(-[a-z0-9]+)*"));
        for (Fault f : Fault.values()) {
            assertThat(Fault.ofWireName(f.wireName())).hasValue(f);
            assertThat(f.description()).isNotBlank().doesNotContain("\n");
        }
        assertThat(Fault.ofWireName("nope")).isEmpty();
        assertThat(CLEAN.faults()).isEmpty();
    }

    @Test
    void transportsReversed() throws Exception {
        Probe<String> transports = s -> s.get("/socket.io/1/").body().split(":")[3];
        assertThat(on(CLEAN, transports)).isEqualTo("websocket,htmlfile,xhr-polling,jsonp-polling");
        assertThat(on(with(Fault.TRANSPORTS_REVERSED), transports))
                .isEqualTo("jsonp-polling,xhr-polling,htmlfile,websocket");
    }

    @Test
    void websocketWhenDisabled() throws Exception {
        LegacySettings xhrOnly = CLEAN.withTransports(List.of(LegacyTransport.XHR_POLLING));
        Probe<String> websocket = s -> {
            String handshake = s.get("/socket.io/1/").body();
            try {
                Frames frames = Frames.open(s, handshake.split(":")[0]);
                return handshake.split(":")[3] + " / " + frames.next();
            } catch (Exception e) {
                return handshake.split(":")[3] + " / refused";
            }
        };
        assertThat(on(xhrOnly, websocket)).isEqualTo("xhr-polling / refused");
        assertThat(on(with(xhrOnly, Fault.WEBSOCKET_WHEN_DISABLED), websocket)).isEqualTo("xhr-polling / 1::");
    }

    @Test
    void pollingDurationHalvedAndDoubled() throws Exception {
        Probe<Duration> hold = s -> {
            String sid = s.connectedXhrSession();
            long start = System.nanoTime();
            assertThat(s.get(XHR + sid, POLLING.multipliedBy(2)).body()).isEqualTo("8::");
            return Duration.ofNanos(System.nanoTime() - start);
        };
        assertThat(on(CLEAN, hold)).isBetween(POLLING, POLLING.multipliedBy(2));
        assertThat(on(with(Fault.POLLING_DURATION_HALVED), hold)).isBetween(POLLING.dividedBy(2), POLLING);
        assertThat(on(with(Fault.POLLING_DURATION_DOUBLED), hold))
                .isBetween(POLLING.multipliedBy(2), POLLING.multipliedBy(2).plus(RunningServer.SLACK));
    }

    @Test
    void wrongNoop() throws Exception {
        Probe<String> emptyPoll = s -> s.get(XHR + s.connectedXhrSession(), POLLING).body();
        assertThat(on(CLEAN, emptyPoll)).isEqualTo("8::");
        assertThat(on(with(Fault.WRONG_NOOP), emptyPoll)).isEmpty();
    }

    @Test
    void loseEvery50th() throws Exception {
        List<String> sent = IntStream.rangeClosed(1, 60).mapToObj(i -> "3:::m" + i).toList();
        Probe<List<String>> echoes = s -> {
            String path = XHR + s.connectedXhrSession();
            s.post(path, PayloadCodec.encode(sent));
            return PayloadCodec.split(s.get(path).body());
        };
        assertThat(on(CLEAN, echoes)).isEqualTo(sent);
        List<String> faulty = on(with(Fault.LOSE_EVERY_50TH), echoes);
        assertThat(faulty).hasSize(59).doesNotContain("3:::m50").contains("3:::m49", "3:::m51");
    }

    @Test
    void reorderQueued() throws Exception {
        Probe<List<String>> echoes = s -> {
            String path = XHR + s.connectedXhrSession();
            s.post(path, PayloadCodec.encode(List.of("3:::a", "3:::b", "3:::c")));
            return PayloadCodec.split(s.get(path).body());
        };
        assertThat(on(CLEAN, echoes)).containsExactly("3:::a", "3:::b", "3:::c");
        assertThat(on(with(Fault.REORDER_QUEUED), echoes)).containsExactly("3:::b", "3:::a", "3:::c");
    }

    @Test
    void noHeartbeats() throws Exception {
        LegacySettings quick = CLEAN.withHeartbeats(true, Duration.ofMillis(200), Duration.ofSeconds(5));
        Probe<String> afterConnect = s -> {
            String handshake = s.get("/socket.io/1/").body();
            Frames frames = Frames.open(s, handshake.split(":")[0]);
            assertThat(frames.next()).isEqualTo("1::");
            String next = frames.received.poll(1, TimeUnit.SECONDS);
            return handshake.split(":")[1] + " / " + next;
        };
        assertThat(on(quick, afterConnect)).isEqualTo("5 / 2::");
        assertThat(on(with(quick, Fault.NO_HEARTBEATS), afterConnect)).isEqualTo("5 / null");
    }

    @Test
    void jsonpIndexIgnored() throws Exception {
        Probe<String> poll = s -> s.get("/socket.io/1/jsonp-polling/" + s.handshake() + "?i=5").body();
        assertThat(on(CLEAN, poll)).isEqualTo("io.j[5](\"1::\");");
        assertThat(on(with(Fault.JSONP_INDEX_IGNORED), poll)).isEqualTo("io.j[0](\"1::\");");
    }

    @Test
    void unknownSessionAccepted() throws Exception {
        Probe<String> poll = s -> s.get(XHR + "12345").body() + " / sessions=" + s.server.sessionCount();
        assertThat(on(CLEAN, poll)).isEqualTo("7:::1+0 / sessions=0");
        assertThat(on(with(Fault.UNKNOWN_SESSION_ACCEPTED), poll)).isEqualTo("1:: / sessions=1");
    }

    @Test
    void frameLengthInBytes() throws Exception {
        Probe<String> echoes = s -> {
            String path = XHR + s.connectedXhrSession();
            s.post(path, PayloadCodec.encode(List.of("3:::é€", "3:::a")));
            return s.get(path).body();
        };
        assertThat(on(CLEAN, echoes)).isEqualTo("\ufffd6\ufffd3:::é€\ufffd5\ufffd3:::a");
        assertThat(on(with(Fault.FRAME_LENGTH_IN_BYTES), echoes)).isEqualTo("\ufffd9\ufffd3:::é€\ufffd5\ufffd3:::a");
    }

    @Test
    void noConnectPacket() throws Exception {
        Probe<String> firstPoll = s -> s.get(XHR + s.handshake(), POLLING).body();
        assertThat(on(CLEAN, firstPoll)).isEqualTo("1::");
        assertThat(on(with(Fault.NO_CONNECT_PACKET), firstPoll)).isEqualTo("8::");
    }

    @Test
    void noAutoAck() throws Exception {
        Probe<List<String>> replies = s -> {
            String path = XHR + s.connectedXhrSession();
            s.post(path, "3:5::hi");
            return PayloadCodec.split(s.get(path).body());
        };
        assertThat(on(CLEAN, replies)).containsExactly("6:::5", "3:::hi");
        assertThat(on(with(Fault.NO_AUTO_ACK), replies)).containsExactly("3:::hi");
    }

    @Test
    void ackWithoutEndpoint() throws Exception {
        Probe<List<String>> replies = s -> {
            String path = XHR + s.connectedXhrSession();
            s.post(path, PayloadCodec.encode(List.of(
                    "1::/custom", "3:5:/custom:hi", "5:6+:/custom:{\"name\":\"echo\",\"args\":[1]}")));
            return PayloadCodec.split(s.get(path).body());
        };
        assertThat(on(CLEAN, replies)).containsExactly("1::/custom", "6::/custom:5", "3::/custom:hi",
                "5::/custom:{\"name\":\"echo\",\"args\":[1]}", "6::/custom:6+[1]");
        assertThat(on(with(Fault.ACK_WITHOUT_ENDPOINT), replies)).containsExactly("1::/custom", "6:::5", "3::/custom:hi",
                "5::/custom:{\"name\":\"echo\",\"args\":[1]}", "6:::6+[1]");
    }

    @Test
    void closeTimeoutIgnored() throws Exception {
        Duration close = Duration.ofMillis(300);
        Probe<String> late = s -> {
            String sid = s.connectedXhrSession();
            Thread.sleep(close.plus(Duration.ofMillis(500)).toMillis());
            return s.get(XHR + sid, CLEAN.pollingDuration()).body();
        };
        assertThat(on(CLEAN.withCloseTimeout(close), late)).isEqualTo("7:::1+0");
        assertThat(on(with(CLEAN.withCloseTimeout(close), Fault.CLOSE_TIMEOUT_IGNORED), late)).isEqualTo("8::");
    }

    static final String HTMLFILE_HEAD = "<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>";
    static final String CONNECT_SCRIPT = "<script>_(\"1::\");</script>";

    @Test
    void htmlfileUnpadded() throws Exception {
        Probe<String> padding = s -> {
            try (Reader body = htmlfile(s, s.handshake())) {
                String upToConnect = readUntil(body, CONNECT_SCRIPT);
                assertThat(upToConnect).startsWith(HTMLFILE_HEAD);
                return upToConnect.substring(HTMLFILE_HEAD.length(), upToConnect.length() - CONNECT_SCRIPT.length());
            }
        };
        assertThat(on(CLEAN, padding)).isEqualTo(" ".repeat(173));
        assertThat(on(with(Fault.HTMLFILE_UNPADDED), padding)).isEmpty();
    }

    @Test
    void htmlfileSlashUnescaped() throws Exception {
        Probe<String> echo = s -> {
            String sid = s.handshake();
            try (Reader body = htmlfile(s, sid)) {
                readUntil(body, CONNECT_SCRIPT);
                s.post("/socket.io/1/htmlfile/" + sid, "3:::a/b");
                return readUntil(body, "</script>");
            }
        };
        assertThat(on(CLEAN, echo)).isEqualTo("<script>_(\"3:::a\\/b\");</script>");
        assertThat(on(with(Fault.HTMLFILE_SLASH_UNESCAPED), echo)).isEqualTo("<script>_(\"3:::a/b\");</script>");
    }

    @Test
    void disabledTransportAnswered() throws Exception {
        LegacySettings xhrOnly = CLEAN.withTransports(List.of(LegacyTransport.XHR_POLLING));
        Probe<String> jsonp = s -> {
            try {
                HttpResponse<String> r = s.get("/socket.io/1/jsonp-polling/" + s.handshake());
                return r.statusCode() + " " + r.body();
            } catch (IOException e) {
                return "no answer";
            }
        };
        assertThat(on(xhrOnly, jsonp)).isEqualTo("no answer");
        assertThat(on(with(xhrOnly, Fault.DISABLED_TRANSPORT_ANSWERED), jsonp)).isEqualTo("200 7:::0");
    }

    @Test
    void hellobackWrong() throws Exception {
        Probe<String> reply = s -> {
            String path = XHR + s.connectedXhrSession();
            s.post(path, "5:::{\"name\":\"sendMessage\",\"args\":[{}]}");
            return s.get(path).body();
        };
        assertThat(on(CLEAN, reply)).isEqualTo("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
        assertThat(on(with(Fault.HELLOBACK_WRONG), reply))
                .isEqualTo("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back\"}]}");
    }

    @Test
    void settingsKeepFaultsThroughOtherWithers() {
        LegacySettings faulty = CLEAN.withFaults(Set.of(Fault.WRONG_NOOP, Fault.NO_AUTO_ACK));
        assertThat(faulty.withPort(1234).withCloseTimeout(Duration.ofSeconds(3)).faults())
                .containsExactly(Fault.WRONG_NOOP, Fault.NO_AUTO_ACK);
        assertThat(CLEAN.faults()).isEmpty();
    }

    private static Reader htmlfile(RunningServer s, String sid) throws Exception {
        HttpResponse<InputStream> r = s.http.send(HttpRequest.newBuilder(s.uri("/socket.io/1/htmlfile/" + sid))
                .timeout(RunningServer.SLACK).build(), HttpResponse.BodyHandlers.ofInputStream());
        return new InputStreamReader(r.body(), StandardCharsets.UTF_8);
    }

    /** Reads a stream up to and including {@code marker}; the class timeout bounds the wait. */
    private static String readUntil(Reader in, String marker) throws IOException {
        StringBuilder text = new StringBuilder();
        while (text.indexOf(marker) < 0) {
            int c = in.read();
            if (c < 0) {
                throw new AssertionError("stream ended before " + marker + ": " + text);
            }
            text.append((char) c);
        }
        return text.toString();
    }
}
