package dev.sioconf.server.soak;

import dev.sioconf.server.soak.WireConnection.Frame;
import dev.sioconf.server.soak.WireConnection.HttpAnswer;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * One whole legacy (socket.io 0.9) session per transport, as a client of the era runs it:
 * handshake, connect, an {@code echo} event and its echo, then the client's disconnect.
 */
final class LegacySessions {

    private static final Pattern HANDSHAKE =
            Pattern.compile("([1-9][0-9]{19}):60:60:websocket,htmlfile,xhr-polling,jsonp-polling");
    private static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    private static final String OPENING = "<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>"
            + " ".repeat(173);

    private LegacySessions() {
    }

    static String echoEvent(int n) {
        return "5:::{\"name\":\"echo\",\"args\":[\"soak-" + n + "\"]}";
    }

    /** A JSON string literal of {@code packet}, which holds quotes but no backslash. */
    private static String quoted(String packet) {
        return "\"" + packet.replace("\"", "\\\"") + "\"";
    }

    private static String handshake(WireConnection c, int n) throws IOException {
        HttpAnswer answer = c.get("/socket.io/1/?t=" + n);
        Expect.equal("handshake status", 200, answer.status());
        return Expect.matching("handshake", HANDSHAKE, answer.body()).group(1);
    }

    static void websocket(int port, int n) throws IOException {
        try (WireConnection c = WireConnection.open(port)) {
            c.upgrade("/socket.io/1/websocket/" + handshake(c, n));
            Expect.equal("connect", "1::", c.readText());
            c.sendText(echoEvent(n));
            Expect.equal("echo", echoEvent(n), c.readText());
            c.sendText("0::");
            Expect.equal("disconnect echoed", "0::", c.readText());
            Frame close = c.readFrame();
            Expect.equal("close frame", WireConnection.OPCODE_CLOSE, close.opcode());
            Expect.isTrue("connection closed after the close frame", c.endOfStream());
        }
    }

    static void xhrPolling(int port, int n) throws IOException {
        try (WireConnection c = WireConnection.open(port)) {
            String path = "/socket.io/1/xhr-polling/" + handshake(c, n);
            Expect.equal("first poll", "1::", c.get(path).body());
            Expect.equal("event post", "1", c.post(path, TEXT_PLAIN, echoEvent(n)).body());
            Expect.equal("poll after the event", echoEvent(n), c.get(path).body());
            Expect.equal("disconnect post", "1", c.post(path, TEXT_PLAIN, "0::").body());
        }
    }

    static void jsonpPolling(int port, int n) throws IOException {
        try (WireConnection c = WireConnection.open(port)) {
            String path = "/socket.io/1/jsonp-polling/" + handshake(c, n);
            Expect.equal("first poll", "io.j[0](\"1::\");", c.get(path + "?t=" + n + "&i=0").body());
            String form = "d=" + URLEncoder.encode(quoted(echoEvent(n)), StandardCharsets.UTF_8);
            Expect.equal("event form post", "1", c.post(path, "application/x-www-form-urlencoded", form).body());
            Expect.equal("poll after the event", "io.j[0](" + quoted(echoEvent(n)) + ");", c.get(path + "?i=0").body());
            HttpAnswer disconnect = c.get(path + "?disconnect=1");
            Expect.equal("?disconnect status", 200, disconnect.status());
            Expect.equal("?disconnect body", "", disconnect.body());
        }
    }

    static void htmlfile(int port, int n) throws IOException {
        try (WireConnection stream = WireConnection.open(port); WireConnection posts = WireConnection.open(port)) {
            String path = "/socket.io/1/htmlfile/" + handshake(stream, n);
            stream.sendGet(path);
            HttpAnswer head = stream.readHead();
            Expect.equal("stream status", 200, head.status());
            Expect.equal("stream framing", "chunked", head.headers().get("transfer-encoding"));
            Expect.equal("padded opening", OPENING, stream.readChunk());
            Expect.equal("connect", "<script>_(\"1::\");</script>", stream.readChunk());
            Expect.equal("event post", "1", posts.post(path, TEXT_PLAIN, echoEvent(n)).body());
            Expect.equal("echo", "<script>_(" + quoted(echoEvent(n)) + ");</script>", stream.readChunk());
            Expect.equal("disconnect post", "1", posts.post(path, TEXT_PLAIN, "0::").body());
            Expect.equal("disconnect echoed", "<script>_(\"0::\");</script>", stream.readChunk());
            Expect.equal("end of the stream", "", stream.readChunk());
        }
    }
}
