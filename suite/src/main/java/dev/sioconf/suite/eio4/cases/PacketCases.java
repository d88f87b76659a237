package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRecorder;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;

/** spec/eio4.md section 4: Engine.IO packets. */
class PacketCases {

    static final byte[] BYTES = {1, 2, 3, 4};

    @Requirement("EIO4-4.1")
    @Eio4Case(does = "opens a session at the echo path, sends the message 4hello and reads the echo")
    void messagePacketIsTypeDigitFollowedByData(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4hello");
        c.inbox().assertNext("4hello");
    }

    @Requirement("EIO4-4.2")
    @Eio4Case(does = "opens a session, answers pings and watches for one and a half ping intervals: only bare pings may come")
    void pingIsSentWithoutData(EngineTester t) {
        EngineConnection c = t.open();
        c.inbox().assertExhausted(t.bounds().pingDue().plus(t.bounds().pingInterval().dividedBy(2)));
        assertThat(c.inbox().pings()).as("pings received as exactly 2").isGreaterThanOrEqualTo(1);
    }

    @Requirement("EIO4-4.3")
    @Eio4Case(does = "sends the binary message 01 02 03 04 at the echo path and reads how it comes back")
    void binaryMessageIsBase64InHttpAndABinaryFrameOnWebsocket(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.sendBinary(BYTES);
        EngineRecorder.Received r = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(r.packet()).as("the echo in text form").isEqualTo("bAQIDBA==");
        assertThat(r.binaryFrame()).as("came as a binary WebSocket frame").isEqualTo(c.onWebSocket());
    }

    @Requirement("EIO4-4.4")
    @Eio4Case(does = "sends 4text, the binary message 01 02 03 04 and 4more at the echo path, each on its own")
    void serverAcceptsTextAndBinaryMessages(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4text");
        c.sendBinary(BYTES);
        c.send("4more");
        c.inbox().assertNext("4text", "bAQIDBA==", "4more");
    }

    @Requirement("EIO4-4.8")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs bAQIDBA== followed by a newline, as the Java client 2.1.2 does, then polls")
    void base64WithATrailingNewlineIsAccepted(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        EngineTester.assertAnswer(t.post(t.echoPath(), sid, "bAQIDBA==\n"), 200, "ok");
        EngineTester.assertAnswer(t.pollPastPings(t.echoPath(), sid), 200, "bAQIDBA==");
    }

    @Requirement("EIO4-4.5")
    @Eio4Case(does = "sends the undecodable packet abc (a POST body, or a text frame) and watches the session")
    void undecodablePacketEndsTheSession(EngineTester t) {
        EngineConnection c = t.open();
        if (c.onWebSocket()) {
            c.sendRaw("abc");
            assertThat(c.webSocket().awaitClosed(EngineBounds.PROMPT)).as("WebSocket closed by the server").isTrue();
        } else {
            postOrNull(c, "abc"); // what the POST itself gets is EIO4-7.9's question
        }
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }

    /** A POST whose answer may be a dropped connection (null). */
    static HttpAnswer postOrNull(EngineConnection c, String body) {
        try {
            return c.post(body);
        } catch (AssertionError e) {
            return null;
        }
    }
}
