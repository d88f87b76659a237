package dev.sioconf.server.robustness;

import static dev.sioconf.server.robustness.BadInput.Server.MAIN;
import static dev.sioconf.server.robustness.BadInput.Server.RESTRICTED;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bad inputs of the Engine.IO profiles over HTTP (eio3 and eio4 alike, and those of one of them). */
final class EngineBadInputs {

    static final String CODE_0 = "400 {\"code\":0,\"message\":\"Transport unknown\"}";
    static final String CODE_1 = "400 {\"code\":1,\"message\":\"Session ID unknown\"}";
    static final String CODE_5 = "400 {\"code\":5,\"message\":\"Unsupported protocol version\"}";

    private EngineBadInputs() {
    }

    static List<BadInput> polling(Profile p) {
        boolean v3 = p == Profile.EIO3;
        List<BadInput> rows = new ArrayList<>();
        rows.add(row(p, "handshake with `transport=carrier-pigeon`",
                w -> w.get(p.engine() + "carrier-pigeon").render(), CODE_0, v3 ? "EIO3-7.1" : "EIO4-6.2"));
        rows.add(row(p, "poll with the sid `../../etc%00`",
                w -> w.get(p.engine() + "polling&sid=..%2F..%2Fetc%00").render(), CODE_1, v3 ? "EIO3-7.1" : "EIO4-6.3"));
        rows.add(row(p, "handshake with a stray `%` in the query (`t=%zz%`)",
                w -> w.normalize(w.get(p.handshake() + "&t=%zz%").render()),
                v3 ? "200 97:0{\"sid\":\"<sid>\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000}2:40"
                        : "200 0{\"sid\":\"<sid>\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                                + "\"pingTimeout\":20000,\"maxPayload\":100000}",
                "read as Node's querystring reads it"));
        rows.add(postRow(p, "POST of an unknown packet type", v3 ? "2:9x" : "9x",
                "400 (empty); then poll: " + CODE_1, v3 ? "EIO3-4.2, EIO3-8.3" : "EIO4-4.5, EIO4-7.9"));
        rows.add(postRow(p, "POST of an empty body", "",
                "400 (empty); then poll: " + CODE_1, v3 ? "EIO3-8.3" : "EIO4-4.5, EIO4-7.9"));
        rows.add(postRow(p, "POST of bad base64 (`b!!`)", v3 ? "4:b4!!" : "b!!",
                "400 (empty); then poll: " + CODE_1, v3 ? "EIO3-8.3" : "EIO4-7.9"));
        rows.add(row(p, "POST with the bad UTF-8 bytes `FF FE` in an event", w -> {
            String sid = w.engineSession(p);
            byte[] event = bytes("42[\"echo\",\"", new byte[] {(byte) 0xff, (byte) 0xfe}, "\"]");
            byte[] body = v3 ? bytes("15:", event, "") : event; // 15 UTF-16 units once each bad byte is U+FFFD
            String post = w.post(w.enginePoll(p, sid), body).render();
            return post + "; then poll: " + w.get(w.enginePoll(p, sid)).render();
        }, "200 ok; then poll: 200 " + (v3 ? "15:" : "") + "42[\"echo\",\"\ufffd\ufffd\"]",
                "bad bytes read as U+FFFD, as Node does; the session goes on"));
        rows.add(postRow(p, "POST of an event with bad JSON", v3 ? "14:42[\"echo\",{bad" : "42[\"echo\",{bad",
                "200 ok; then poll: " + CODE_1, v3 ? "SIO4 parse error" : "SIO5 parse error"));
        if (v3) {
            rows.add(postRow(p, "POST whose length prefix is too short (`15:42[\"echo\",\"a\",1]`)",
                    "15:42[\"echo\",\"a\",1]", "400 (empty); then poll: " + CODE_1, "EIO3-5.2"));
            rows.add(postRow(p, "POST whose length prefix runs past the body (`99:4x`)", "99:4x",
                    "400 (empty); then poll: " + CODE_1, "EIO3-5.2"));
            rows.add(postRow(p, "POST whose length prefix has no digits (`:4x`)", ":4x",
                    "400 (empty); then poll: " + CODE_1, "EIO3-8.3"));
            rows.add(postRow(p, "POST whose length prefix overflows (`99999999999999999999:4x`)",
                    "99999999999999999999:4x", "400 (empty); then poll: " + CODE_1, "EIO3-8.3"));
            rows.add(row(p, "binary POST truncated (`00 09 FF 34 78`: 9 bytes announced, 2 sent)",
                    w -> postThenState(w, p, new byte[] {0, 9, (byte) 0xff, '4', 'x'}, "Content-Type: application/octet-stream"),
                    "400 (empty); then poll: " + CODE_1, "EIO3-6.2, EIO3-8.3"));
        }
        rows.add(row(p, "POST of maxPayload + 1 bytes (100 001)", w -> {
            String sid = w.engineSession(p);
            String big = v3 ? "100000:4" + "x".repeat(99_999) : "4" + "x".repeat(100_000);
            String post = w.post(w.enginePoll(p, sid), big).render();
            return post + "; " + w.engineSessionState(p, sid);
        }, v3 ? "connection closed without an answer; then poll: " + CODE_1 : "413 (empty); session kept",
                v3 ? "EIO3-8.6" : "EIO4-13.1, EIO4-13.2"));
        rows.add(row(p, "POST announcing `Content-Length: 1073741824`, 64 KiB sent",
                w -> HugeBodies.announced(w, p), v3
                        ? "connection closed without an answer before the body ended; then poll: " + CODE_1
                        : "413 (empty) before the body ended; session kept", v3 ? "EIO3-8.6" : "EIO4-13.1"));
        rows.add(row(p, "chunked POST that grows past 1 MiB",
                w -> HugeBodies.chunked(w, p), v3
                        ? "connection closed without an answer before 16 MiB were sent; then poll: " + CODE_1
                        : "413 (empty) before 16 MiB were sent; session kept", v3 ? "EIO3-8.6" : "EIO4-13.1"));
        rows.add(row(p, "POST with `Content-Length: abc`", w -> {
            String sid = w.engineSession(p);
            try (RawHttp c = RawHttp.connect(w.port)) {
                c.send("POST " + w.enginePoll(p, sid) + " HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n4x");
                return afterClose(c, c.read(Wire.BOUND).render()) + "; " + w.engineSessionState(p, sid);
            }
        }, "400 {\"code\":3,\"message\":\"Bad request\"}, connection closed; session kept", "malformed HTTP refused, nothing reaches the session"));
        rows.add(row(p, "POST with `Content-Length: 100`, 10 bytes sent, then half-closed", w -> {
            String sid = w.engineSession(p);
            try (RawHttp c = RawHttp.connect(w.port)) {
                c.send("POST " + w.enginePoll(p, sid) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n4xxxxxxxxx");
                c.shutdownOutput();
                return afterClose(c, c.read(Wire.BOUND).render()) + "; " + w.engineSessionState(p, sid);
            }
        }, "connection closed without an answer; session kept", "nothing of a truncated body is processed"));
        rows.add(row(p, "POST with `Content-Length: 100`, 10 bytes sent, then silence", w -> {
            String sid = w.engineSession(p);
            try (RawHttp c = RawHttp.connect(w.port)) {
                c.send("POST " + w.enginePoll(p, sid) + " HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\n4xxxxxxxxx");
                return afterClose(c, c.read(Wire.BOUND).render()) + "; " + w.engineSessionState(p, sid);
            }
        }, "408 (empty), connection closed; session kept", "stalled-request timeout (1 s here)"));
        rows.add(row(p, "second GET while a poll is held", w -> overlappingPolls(w, p),
                v3 ? "second GET: 400 (empty); held GET: 200 1:1; then poll: " + CODE_1
                        : "second GET: 400 (empty); held GET: 200 1; then poll: " + CODE_1,
                v3 ? "EIO3-8.4" : "EIO4-7.7"));
        rows.add(row(p, "JSONP handshake with `j=alert(1)`",
                w -> w.normalize(w.get(p.handshake() + "&j=alert(1)").render()).replaceAll("(?s)^(200 ___eio\\[[^]]*\\]\\().*", "$1..."),
                "200 ___eio[1](...", v3 ? "EIO3-9.3" : "EIO4-8.6"));
        rows.add(new BadInput(p, "polling", RESTRICTED, "handshake with `Origin: http://evil.example`, CORS limited to http://allowed.example",
                w -> cors(w.get(p.handshake(), "Origin: http://evil.example")),
                "200, Access-Control-Allow-Origin: (none), Vary: Origin", v3 ? "EIO3 CORS" : "EIO4-14.3, EIO4-14.4"));
        rows.add(new BadInput(p, "polling", MAIN, "handshake with `Origin: http://evil.example`, no CORS declared (default)",
                w -> cors(w.get(p.handshake(), "Origin: http://evil.example")),
                "200, Access-Control-Allow-Origin: (none), Vary: (none)", v3 ? "EIO3 CORS" : "EIO4-14.1"));
        if (!v3) {
            rows.add(row(p, "handshake with `EIO=5`", w -> w.get("/socket.io/?EIO=5&transport=polling").render(), CODE_5, "EIO4-6.6"));
            rows.add(row(p, "handshake with `EIO=abc`", w -> w.get("/socket.io/?EIO=abc&transport=polling").render(), CODE_5, "EIO4-6.6"));
            rows.add(row(p, "handshake without `EIO`", w -> w.get("/socket.io/?transport=polling").render(), CODE_5, "EIO4-6.6"));
            rows.add(row(p, "handshake with `Origin` holding a control character",
                    w -> {
                        try (RawHttp c = RawHttp.connect(w.port)) {
                            return afterClose(c, c.get(p.handshake(), "Origin: http://a\u0001b").read(Wire.BOUND).render());
                        }
                    },
                    "400 {\"code\":3,\"message\":\"Bad request\"}, connection closed", "EIO4-6.9"));
        }
        return rows;
    }

    static BadInput row(Profile p, String input, BadInput.Probe probe, String expected, String because) {
        return new BadInput(p, "polling", MAIN, input, probe, expected, because);
    }

    private static BadInput postRow(Profile p, String input, String body, String expected, String because) {
        return row(p, input, w -> postThenState(w, p, body.getBytes(StandardCharsets.UTF_8)), expected, because);
    }

    private static String postThenState(Wire w, Profile p, byte[] body, String... headers) throws Exception {
        String sid = w.engineSession(p);
        String post = w.post(w.enginePoll(p, sid), body, headers).render();
        return post + "; then poll: " + w.get(w.enginePoll(p, sid)).render();
    }

    private static String overlappingPolls(Wire w, Profile p) throws Exception {
        String sid = w.engineSession(p);
        try (RawHttp held = RawHttp.connect(w.port)) {
            held.get(w.enginePoll(p, sid));
            w.awaitHeld(() -> p == Profile.EIO3 ? w.server.eio3PollHeld(sid) : w.server.eio4PollHeld(sid));
            String second = w.get(w.enginePoll(p, sid)).render();
            return "second GET: " + second + "; held GET: " + held.read(Wire.BOUND).render()
                    + "; then poll: " + w.get(w.enginePoll(p, sid)).render();
        }
    }

    /**
     * The answer, once the server has also closed the connection: until then the unfinished POST
     * still counts as arriving, and a new POST of the session would be an overlapping one.
     */
    private static String afterClose(RawHttp c, String answer) throws Exception {
        if (!c.closedWithin(Wire.BOUND)) {
            return answer + ", connection kept open";
        }
        Thread.sleep(100); // the server's inactive-channel bookkeeping runs just after its FIN
        return answer.startsWith("connection closed") ? answer : answer + ", connection closed";
    }

    static String cors(RawHttp.Answer a) {
        if (!a.answered()) {
            return a.render();
        }
        return a.status() + ", Access-Control-Allow-Origin: " + orNone(a.header("Access-Control-Allow-Origin"))
                + ", Vary: " + orNone(a.header("Vary"));
    }

    private static String orNone(String v) {
        return v == null ? "(none)" : v;
    }

    static byte[] bytes(String before, byte[] middle, String after) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(before.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(middle);
        out.writeBytes(after.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
