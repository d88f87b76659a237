package dev.sioconf.server.soak;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.soak.WireConnection.Frame;
import dev.sioconf.server.soak.WireConnection.HttpAnswer;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One whole eio3 or eio4 session per transport, as socket.io-client runs it at the default
 * settings: open, join {@code /}, an {@code echo} event and its echo, then leave {@code /} and
 * close the engine (over polling with a poll held, so the close answers it with a noop at once).
 */
final class EngineSessions {

    private static final String TEXT_PLAIN = "text/plain;charset=UTF-8";
    private static final String SID = "\"sid\":\"([A-Za-z0-9_-]+)\"";
    private static final Pattern EIO4_POLLING_OPEN = Pattern.compile("0\\{" + SID
            + ",\"upgrades\":\\[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
    private static final Pattern EIO4_WEBSOCKET_OPEN = Pattern.compile("0\\{" + SID
            + ",\"upgrades\":\\[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}");
    private static final Pattern EIO3_POLLING_OPEN = Pattern.compile("([0-9]+):(0\\{" + SID
            + ",\"upgrades\":\\[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":20000})2:40");
    private static final Pattern EIO3_WEBSOCKET_OPEN = Pattern.compile("0\\{" + SID
            + ",\"upgrades\":\\[],\"pingInterval\":25000,\"pingTimeout\":20000}");
    private static final Pattern EIO4_CONNECTED = Pattern.compile("40\\{" + SID + "}");
    private static final String AUTH_EVENT = "42[\"auth\",{}]";

    private EngineSessions() {
    }

    static String echoEvent(int n) {
        return "42[\"echo\",\"soak-" + n + "\"]";
    }

    /** Engine.IO 3's payload framing: each packet after its length in characters. */
    private static String eio3Payload(String... packets) {
        StringBuilder payload = new StringBuilder();
        for (String packet : packets) {
            payload.append(packet.length()).append(':').append(packet);
        }
        return payload.toString();
    }

    static void eio4Polling(ReferenceServer server, int n) throws IOException {
        String base = "/socket.io/?EIO=4&transport=polling";
        try (WireConnection c = WireConnection.open(server.port()); WireConnection held = WireConnection.open(server.port())) {
            String sid = Expect.matching("open", EIO4_POLLING_OPEN, c.get(base).body()).group(1);
            String session = base + "&sid=" + sid;
            expectOk("connect post", c.post(session, TEXT_PLAIN, "40"));
            Expect.matching("connect answer", Pattern.compile(EIO4_CONNECTED + "\u001e" + Pattern.quote(AUTH_EVENT)),
                    c.get(session).body());
            expectOk("event post", c.post(session, TEXT_PLAIN, echoEvent(n)));
            Expect.equal("poll after the event", echoEvent(n), c.get(session).body());
            held.sendGet(session);
            awaitHeld(() -> server.eio4PollHeld(sid));
            expectOk("close post", c.post(session, TEXT_PLAIN, "41\u001e1"));
            Expect.equal("held poll after the close", "6", held.readAnswer().body());
        }
    }

    static void eio3Polling(ReferenceServer server, int n) throws IOException {
        String base = "/socket.io/?EIO=3&transport=polling";
        try (WireConnection c = WireConnection.open(server.port()); WireConnection held = WireConnection.open(server.port())) {
            Matcher open = Expect.matching("open with the implicit 40", EIO3_POLLING_OPEN, c.get(base).body());
            Expect.equal("open packet length", open.group(2).length(), Integer.parseInt(open.group(1)));
            String sid = open.group(3);
            String session = base + "&sid=" + sid;
            expectOk("event post", c.post(session, TEXT_PLAIN, eio3Payload(echoEvent(n))));
            Expect.equal("poll after the event", eio3Payload(echoEvent(n)), c.get(session).body());
            held.sendGet(session);
            awaitHeld(() -> server.eio3PollHeld(sid));
            expectOk("close post", c.post(session, TEXT_PLAIN, eio3Payload("41", "1")));
            Expect.equal("held poll after the close", eio3Payload("6"), held.readAnswer().body());
        }
    }

    static void eio4WebSocket(ReferenceServer server, int n) throws IOException {
        try (WireConnection c = WireConnection.open(server.port())) {
            c.upgrade("/socket.io/?EIO=4&transport=websocket");
            Expect.matching("open", EIO4_WEBSOCKET_OPEN, c.readText());
            c.sendText("40");
            Expect.matching("connect answer", EIO4_CONNECTED, c.readText());
            Expect.equal("auth event", AUTH_EVENT, c.readText());
            c.sendText(echoEvent(n));
            Expect.equal("echo", echoEvent(n), c.readText());
            closeWebSocket(c);
        }
    }

    static void eio3WebSocket(ReferenceServer server, int n) throws IOException {
        try (WireConnection c = WireConnection.open(server.port())) {
            c.upgrade("/socket.io/?EIO=3&transport=websocket");
            Expect.matching("open", EIO3_WEBSOCKET_OPEN, c.readText());
            Expect.equal("implicit connect", "40", c.readText());
            c.sendText(echoEvent(n));
            Expect.equal("echo", echoEvent(n), c.readText());
            closeWebSocket(c);
        }
    }

    /** Leaves {@code /}, then closes the WebSocket; the server answers the close frame and hangs up. */
    private static void closeWebSocket(WireConnection c) throws IOException {
        c.sendText("41");
        c.sendClose(1000);
        Frame close = c.readFrame();
        Expect.equal("close frame", WireConnection.OPCODE_CLOSE, close.opcode());
        Expect.equal("close frame payload length", 2, close.payload().length);
        Expect.equal("close code", 1000, ((close.payload()[0] & 0xFF) << 8) | (close.payload()[1] & 0xFF));
        Expect.isTrue("connection closed after the close frame", c.endOfStream());
    }

    private static void expectOk(String step, HttpAnswer answer) {
        Expect.equal(step, "200 ok", answer.status() + " " + answer.body());
    }

    /** Waits until the server holds the poll just sent, so that the close finds it (EIO4-12.1). */
    private static void awaitHeld(BooleanSupplier held) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(WireConnection.READ_TIMEOUT_MS);
        while (!held.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("poll not held within " + WireConnection.READ_TIMEOUT_MS + " ms");
            }
            try {
                Thread.sleep(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for the held poll", e);
            }
        }
    }
}
