package dev.sioconf.server.robustness;

import static dev.sioconf.server.robustness.BadInput.Server.MAIN;
import static dev.sioconf.server.robustness.BadInput.Server.QUICK_PINGS;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The bad inputs of the Engine.IO profiles over WebSocket: frames and handshakes. */
final class WebSocketBadInputs {

    private WebSocketBadInputs() {
    }

    static List<BadInput> rows(Profile p) {
        boolean v3 = p == Profile.EIO3;
        List<BadInput> rows = new ArrayList<>();
        rows.add(row(p, "text frame with the bad UTF-8 bytes `FF FE` in an event", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.send(true, RawWebSocket.TEXT, EngineBadInputs.bytes("42[\"echo\",\"", new byte[] {(byte) 0xff, (byte) 0xfe}, "\"]"), true);
                return ending(ws);
            }
        }, "close frame 1007, then connection closed", "RFC 6455 section 8.1; EIO4-1.4"));
        rows.add(row(p, "text frame of an unknown packet type (`abc`)", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.sendText("abc");
                return ending(ws);
            }
        }, "close frame 1000, then connection closed", v3 ? "EIO3-4.2" : "EIO4-4.5"));
        rows.add(row(p, "text frame with an event of bad JSON", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.sendText("42[\"echo\",{bad");
                return ending(ws);
            }
        }, "close frame 1000, then connection closed", "parse error ends the session"));
        rows.add(row(p, "text message of maxPayload + 1 bytes", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.sendText("4" + "x".repeat(100_000));
                return ending(ws);
            }
        }, "close frame 1009, then connection closed", v3 ? "EIO3-10.3" : "EIO4-13.4, EIO4-13.5"));
        rows.add(row(p, "frame head announcing 2^40 bytes, 64 KiB sent", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.sendRaw(RawWebSocket.header(true, RawWebSocket.TEXT, 1L << 40, true));
                ws.sendRaw(new byte[4 + 64 * 1024]);
                return ending(ws);
            }
        }, "close frame 1009, then connection closed", "refused from the frame head, not buffered"));
        rows.add(row(p, "unmasked client frame", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.send(true, RawWebSocket.TEXT, "42[\"echo\",1]".getBytes(StandardCharsets.UTF_8), false);
                return ending(ws);
            }
        }, "close frame 1002, then connection closed", "RFC 6455 section 5.1"));
        rows.add(row(p, "continuation frame with no message begun", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                ws.send(true, RawWebSocket.CONTINUATION, "x".getBytes(StandardCharsets.UTF_8), true);
                return ending(ws);
            }
        }, "close frame 1002, then connection closed", "RFC 6455 section 5.4"));
        if (!v3) {
            rows.add(row(p, "event with one binary attachment announced, a text event sent instead", w -> {
                try (RawWebSocket ws = connected(w, p)) {
                    ws.sendText("451-[\"echo\",{\"_placeholder\":true,\"num\":0}]");
                    ws.sendText("42[\"echo\",1]");
                    return ending(ws);
                }
            }, "close frame 1000, then connection closed", "socket.io-parser: plain packet while reconstructing"));
            rows.add(row(p, "WebSocket handshake with `EIO=5`", w -> {
                try (RawWebSocket ws = RawWebSocket.open(w.port, "/socket.io/?EIO=5&transport=websocket")) {
                    return ws.handshake.render();
                }
            }, EngineBadInputs.CODE_5, "EIO4-6.11"));
        }
        rows.add(row(p, "WebSocket handshake with `Sec-WebSocket-Version: 99`", w -> {
            try (RawWebSocket ws = RawWebSocket.open(w.port, p.engine() + "websocket", "Sec-WebSocket-Version: 99")) {
                return ws.handshake.status() + ", Sec-WebSocket-Version: " + ws.handshake.header("Sec-WebSocket-Version");
            }
        }, "426, Sec-WebSocket-Version: 13", "RFC 6455 section 4.4"));
        rows.add(new BadInput(p, "websocket", QUICK_PINGS, v3 ? "WebSocket client that never pings" : "WebSocket client that never answers pings", w -> {
            try (RawWebSocket ws = connected(w, p)) {
                return ending(ws);
            }
        }, "close frame 1000, then connection closed", v3 ? "EIO3 heartbeats" : "EIO4-11.5"));
        return rows;
    }

    private static BadInput row(Profile p, String input, BadInput.Probe probe, String expected, String because) {
        return new BadInput(p, "websocket", MAIN, input, probe, expected, because);
    }

    /** A WebSocket session connected to the main namespace, its opening frames read. */
    static RawWebSocket connected(Wire w, Profile p) throws Exception {
        RawWebSocket ws = RawWebSocket.open(w.port, p.engine() + "websocket");
        if (!ws.switched()) {
            throw new AssertionError("no WebSocket: " + ws.handshake.render());
        }
        expect(ws, "0{");
        if (p == Profile.EIO4) {
            ws.sendText("40");
        }
        expect(ws, "40");
        if (p == Profile.EIO4) {
            expect(ws, "42[\"auth\""); // the contract tells each new socket its auth data
        }
        return ws;
    }

    private static void expect(RawWebSocket ws, String prefix) throws Exception {
        RawWebSocket.Frame f = ws.nextSkippingPings(Wire.BOUND);
        if (f.opcode() != RawWebSocket.TEXT || !f.text().startsWith(prefix)) {
            throw new AssertionError("expected " + prefix + "..., got " + f.render());
        }
    }

    /** The frames up to the end of the connection (pings skipped), e.g. "close frame 1009, then connection closed". */
    static String ending(RawWebSocket ws) throws Exception {
        return ending(ws, Wire.BOUND);
    }

    static String ending(RawWebSocket ws, java.time.Duration bound) throws Exception {
        StringBuilder seen = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            RawWebSocket.Frame f = ws.nextSkippingPings(bound);
            if (seen.length() > 0) {
                seen.append(", then ");
            }
            if (f.opcode() == -1) {
                return seen.append(f.render().replace(" without a close frame", "")).toString();
            }
            seen.append(f.render());
        }
        return seen.toString();
    }
}
