package dev.sioconf.server.robustness;

import static dev.sioconf.server.robustness.BadInput.Server.MAIN;
import static dev.sioconf.server.robustness.BadInput.Server.RESTRICTED;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The bad inputs of the legacy profile (socket.io 0.9, protocol revision 1). */
final class LegacyBadInputs {

    private static final String XHR = "/socket.io/1/xhr-polling/";
    private static final String FFFD = "\ufffd";

    private LegacyBadInputs() {
    }

    static List<BadInput> rows() {
        List<BadInput> rows = new ArrayList<>();
        rows.add(row("handshake", "handshake for revision 2 (`/socket.io/2/`)",
                w -> w.get("/socket.io/2/").render(), "500 Protocol version not supported.", "LEG-3.4"));
        rows.add(row("handshake", "handshake with a stray `%` in the query (`t=%zz%`)",
                w -> {
                    try (RawHttp c = RawHttp.connect(w.port)) {
                        return c.get("/socket.io/1/?t=%zz%").read(Duration.ofSeconds(1)).render().replaceAll("^200 \\d+:", "200 <sid>:");
                    }
                },
                // read as socket.io 0.9's lenient query parser reads it: the `%` stays literal
                "200 <sid>:60:60:websocket,htmlfile,xhr-polling,jsonp-polling", "LEG-3.1"));
        rows.add(row("handshake", "JSONP handshake with `jsonp=alert(1)`",
                w -> w.get("/socket.io/1/?jsonp=alert(1)").render().replaceAll("^200 \\d+:", "200 <sid>:"),
                "200 <sid>:60:60:websocket,htmlfile,xhr-polling,jsonp-polling", "LEG-3.10"));
        rows.add(new BadInput(Profile.LEGACY, "handshake", RESTRICTED,
                "handshake with `Origin: http://evil.example`, origins limited to allowed.example:*",
                w -> EngineBadInputs.cors(w.get("/socket.io/1/", "Origin: http://evil.example")) + " "
                        + w.get("/socket.io/1/", "Origin: http://evil.example").text(),
                "403, Access-Control-Allow-Origin: (none), Vary: (none) handshake bad origin", "LEG-15.2, LEG-15.3"));
        rows.add(row("carrier-pigeon", "request for an unknown transport with a sid",
                w -> w.get("/socket.io/1/carrier-pigeon/" + w.legacySession()).render(),
                "connection closed without an answer", "socket.io 0.9 drops it"));
        rows.add(row("xhr-polling", "poll with the sid `..%2F..%2Fetc`",
                w -> w.get(XHR + "..%2F..%2Fetc").render(), "404 Not found.", "currently observed: the decoded %2F splits the path"));
        rows.add(postRow("POST of an unknown packet type (`9:::x`)", "9:::x", "200 1; session kept", "LEG-4.12"));
        rows.add(postRow("POST of an event with bad JSON (`5:::{bad`)", "5:::{bad", "200 1; session kept", "LEG-4.12"));
        rows.add(postRow("POST framed with a wrong length (`\\ufffd5\\ufffd3:::hello`)", FFFD + "5" + FFFD + "3:::hello",
                "200 1; session kept", "LEG-5.4, LEG-4.12"));
        rows.add(postRow("POST framed with a length that is no number (`\\ufffdx\\ufffd3:::hi`)", FFFD + "x" + FFFD + "3:::hi",
                "200 1; session kept", "LEG-5.4, LEG-4.12"));
        rows.add(postRow("POST framed with a length past the body (`\\ufffd99\\ufffd3:::hi`)", FFFD + "99" + FFFD + "3:::hi",
                "200 1; session kept", "LEG-5.4, LEG-4.12"));
        rows.add(row("xhr-polling", "POST with the bad UTF-8 bytes `FF FE` in a message", w -> {
            String sid = w.legacySession();
            String post = w.post(XHR + sid, EngineBadInputs.bytes("3:::", new byte[] {(byte) 0xff, (byte) 0xfe}, "")).render();
            return post + "; then poll: " + w.get(XHR + sid).render();
        }, "200 1; then poll: 200 3:::" + FFFD + FFFD, "bad bytes read as U+FFFD; the session goes on"));
        rows.add(row("jsonp-polling", "POST whose field `d` is not a JSON string (`d=notjson`)", w -> {
            String sid = w.legacySession();
            String post = w.post("/socket.io/1/jsonp-polling/" + sid + "?i=0", "d=notjson",
                    "Content-Type: application/x-www-form-urlencoded").render();
            return post + "; " + w.legacySessionState(sid);
        }, "200 1; session kept", "LEG-11.5"));
        rows.add(row("jsonp-polling", "poll with `i=alert(1)`", w -> {
            String sid = w.legacySession();
            w.post(XHR + sid, "3:::hi");
            return w.get("/socket.io/1/jsonp-polling/" + sid + "?i=alert(1)").render();
        }, "200 io.j[0](\"3:::hi\");", "LEG-11.2 (index 0 when not digits)"));
        rows.add(row("htmlfile", "echo of `</script><script>alert(1)</script>` on an htmlfile stream", w -> {
            String sid = w.sid(w.get("/socket.io/1/").text().split(":")[0]);
            try (RawHttp stream = RawHttp.connect(w.port)) {
                stream.get("/socket.io/1/htmlfile/" + sid);
                stream.readHead(Wire.BOUND);
                stream.chunksUntil("1::");
                w.post("/socket.io/1/htmlfile/" + sid, "5:::{\"name\":\"echo\",\"args\":[\"</script><script>alert(1)</script>\"]}");
                String chunk = new String(stream.chunksUntil("alert"), StandardCharsets.UTF_8).strip();
                return chunk.substring(chunk.lastIndexOf("<script>_("));
            }
        }, "<script>_(\"5:::{\\\"name\\\":\\\"echo\\\",\\\"args\\\":[\\\"<\\/script><script>alert(1)<\\/script>\\\"]}\");</script>",
                "LEG-12.4"));
        rows.add(row("xhr-polling", "POST announcing `Content-Length: 1073741824`", w -> {
            String sid = w.legacySession();
            try (RawHttp c = RawHttp.connect(w.port)) {
                c.send("POST " + XHR + sid + " HTTP/1.1\r\nHost: x\r\nContent-Length: 1073741824\r\n\r\n3:::x");
                return c.read(Wire.BOUND).render() + "; " + w.legacySessionState(sid);
            }
        }, "413 (empty); session kept", "refused from its head (1 MiB cap)"));
        rows.add(row("xhr-polling", "second GET while a poll is held", w -> {
            String sid = w.legacySession();
            try (RawHttp held = RawHttp.connect(w.port)) {
                held.get(XHR + sid);
                try (RawHttp second = RawHttp.connect(w.port)) {
                    Thread.sleep(200);
                    second.get(XHR + sid);
                    Thread.sleep(200);
                    w.post(XHR + sid, "3:::hi");
                    String first = held.read(Wire.BOUND).render();
                    w.post(XHR + sid, "3:::again");
                    return "held GET: " + first + "; second GET: " + second.read(Wire.BOUND).render();
                }
            }
        }, "held GET: 200 8::; second GET: 200 3:::hi", "the older poll is closed with a noop, as in 0.9"));
        rows.add(row("xhr-polling", "half a request line, then silence", w -> {
            try (RawHttp c = RawHttp.connect(w.port)) {
                c.send("GET /socket.io/1/xhr-pol");
                return c.read(Wire.BOUND).render();
            }
        }, "408 (empty)", "stalled-request timeout (1 s here)"));
        rows.add(row("tcp", "request trickled in, one header byte every 300 ms", w -> {
            try (RawHttp c = RawHttp.connect(w.port)) {
                c.send("GET /socket.io/1/?t=1 HTTP/1.1\r\nX-Slow: ");
                long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (System.nanoTime() < end) {
                    try {
                        c.send("a");
                    } catch (java.io.IOException closed) {
                        return "connection closed without an answer";
                    }
                    RawHttp.Answer a = c.read(Duration.ofMillis(300));
                    if (a.answered() || !a.render().startsWith("no answer")) {
                        return a.render();
                    }
                }
                return "still open after 10 s";
            }
        }, "408 (empty)", "a whole request may take 4 stalled-request timeouts (4 s here)"));
        rows.add(row("tcp", "kept-alive connection left idle after its answer", w -> {
            try (RawHttp c = RawHttp.connect(w.port)) {
                String first = c.get("/socket.io/1/?t=1").read(Wire.BOUND).render().replaceAll("^200 \\d+:", "200 <sid>:");
                return first + "; then: " + c.read(Wire.BOUND).render();
            }
        }, "200 <sid>:60:60:websocket,htmlfile,xhr-polling,jsonp-polling; then: connection closed without an answer",
                "idle keep-alive connections are closed after the stalled-request timeout (1 s here)"));
        rows.add(row("tcp", "connection that sends nothing", w -> {
            try (RawHttp c = RawHttp.connect(w.port)) {
                return c.read(Wire.BOUND).render();
            }
        }, "408 (empty)", "stalled-request timeout (1 s here)"));
        rows.add(row("websocket", "text frame with the bad UTF-8 bytes `FF FE`", w -> {
            try (RawWebSocket ws = legacyWebSocket(w)) {
                ws.send(true, RawWebSocket.TEXT, EngineBadInputs.bytes("3:::", new byte[] {(byte) 0xff, (byte) 0xfe}, ""), true);
                return WebSocketBadInputs.ending(ws, Duration.ofSeconds(1));
            }
        }, "close frame 1007, then connection closed", "RFC 6455 section 8.1"));
        rows.add(row("websocket", "unmasked client frame", w -> {
            try (RawWebSocket ws = legacyWebSocket(w)) {
                ws.send(true, RawWebSocket.TEXT, "3:::hi".getBytes(StandardCharsets.UTF_8), false);
                return WebSocketBadInputs.ending(ws);
            }
        }, "close frame 1002, then connection closed", "RFC 6455 section 5.1"));
        return rows;
    }

    private static RawWebSocket legacyWebSocket(Wire w) throws Exception {
        String sid = w.sid(w.get("/socket.io/1/").text().split(":")[0]);
        RawWebSocket ws = RawWebSocket.open(w.port, "/socket.io/1/websocket/" + sid);
        RawWebSocket.Frame connect = ws.next(Wire.BOUND);
        if (!ws.switched() || !connect.text().equals("1::")) {
            throw new AssertionError("no legacy WebSocket: " + ws.handshake.render() + " " + connect.render());
        }
        return ws;
    }

    private static BadInput row(String transport, String input, BadInput.Probe probe, String expected, String because) {
        return new BadInput(Profile.LEGACY, transport, MAIN, input, probe, expected, because);
    }

    private static BadInput postRow(String input, String body, String expected, String because) {
        return row("xhr-polling", input, w -> {
            String sid = w.legacySession();
            return w.post(XHR + sid, body).render() + "; " + w.legacySessionState(sid);
        }, expected, because);
    }
}
