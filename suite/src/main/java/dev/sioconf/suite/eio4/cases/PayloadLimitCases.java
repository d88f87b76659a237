package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;

/** spec/eio4.md section 13: the payload size limit, from the declared maxPayload. */
class PayloadLimitCases {

    /** A message packet of exactly {@code bytes} bytes (ASCII), marked so its echo can be told apart. */
    static String messageOf(long bytes, char fill) {
        return "4" + String.valueOf(fill).repeat((int) bytes - 1);
    }

    /**
     * Waits for the next ping to be answered, so that a big message that follows has a whole ping
     * interval to travel before the next ping is due: with short declared timings, sending a
     * megabyte can outlast pingTimeout, and the session would end for a reason the case is not about.
     */
    static void afterAPing(EngineTester t, EngineConnection c) {
        c.inbox().awaitPing(t.bounds().pingDue());
    }

    /** Sends an oversized frame; the server may close the WebSocket before the frame is all out. */
    static void sendWhileTheServerMayClose(EngineConnection c, String frame) {
        try {
            c.sendRaw(frame);
        } catch (AssertionError e) {
            // EIO4-13.4 lets the server close at once; the close is checked next
        }
    }

    @Requirement("EIO4-13.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "POSTs a body of maxPayload + 1 bytes")
    void oversizedPostIsRefusedWith413(EngineTester t) {
        String sid = t.handshake().sid();
        HttpAnswer a = t.post(sid, messageOf(t.settings().maxPayload() + 1, 'x'));
        assertThat(a.status()).as("status").isEqualTo(413);
    }

    @Requirement("EIO4-13.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 4first\\x1e followed by a message making the body maxPayload + 1 bytes, then 4after;"
                    + " polls: only 4after may come back")
    void noPacketOfAnOversizedPostIsProcessed(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        t.awaitPingAndAnswer(t.echoPath(), sid);
        String body = "4first\u001e" + messageOf(t.settings().maxPayload() + 1 - 7, 'x');
        assertThat(t.post(t.echoPath(), sid, body).status()).as("status of the oversized POST").isEqualTo(413);
        HttpAnswer after = t.post(t.echoPath(), sid, "4after");
        if (after.status() == 200) {
            EngineTester.assertAnswer(t.pollPastPings(t.echoPath(), sid), 200, "4after");
        } else {
            EngineTester.assertRefused(after, 1, "Session ID unknown"); // EIO4-13.2: the server may end the session
        }
    }

    @Requirement("EIO4-13.3")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs one message of exactly maxPayload bytes and polls for its echo")
    void postOfMaxPayloadBytesIsAccepted(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        String message = messageOf(t.settings().maxPayload(), 'y');
        t.awaitPingAndAnswer(t.echoPath(), sid); // right after a ping and its pong, the big POST has a whole ping interval
        EngineTester.assertAnswer(t.post(t.echoPath(), sid, message), 200, "ok");
        HttpAnswer a = t.pollPastPings(t.echoPath(), sid);
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(a.body().equals(message)).as("the echo is the message of %s bytes (got %s characters)",
                t.settings().maxPayload(), a.body().length()).isTrue();
    }

    @Requirement("EIO4-13.4")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "sends a text frame of maxPayload + 1 bytes and waits for the server to close the WebSocket")
    void oversizedWebsocketMessageClosesTheSession(EngineTester t) {
        EngineConnection c = t.open();
        afterAPing(t, c);
        sendWhileTheServerMayClose(c, messageOf(t.settings().maxPayload() + 1, 'z'));
        assertThat(c.webSocket().awaitClosed(EngineBounds.PROMPT)).as("WebSocket closed").isTrue();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }

    @Requirement("EIO4-13.5")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "sends a text frame of maxPayload + 1 bytes and reads the close code")
    void oversizedWebsocketMessageIsClosedWith1009(EngineTester t) {
        EngineConnection c = t.open();
        afterAPing(t, c);
        sendWhileTheServerMayClose(c, messageOf(t.settings().maxPayload() + 1, 'z'));
        assertThat(c.webSocket().awaitClosed(EngineBounds.PROMPT)).as("WebSocket closed").isTrue();
        assertThat(c.webSocket().closeCode()).as("close code").isEqualTo(1009);
    }

    @Requirement("EIO4-13.6")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "at the echo path sends a text frame of exactly maxPayload bytes and reads its echo")
    void websocketMessageOfMaxPayloadBytesIsAccepted(EngineTester t) {
        EngineConnection c = t.openEcho();
        String message = messageOf(t.settings().maxPayload(), 'w');
        afterAPing(t, c);
        c.sendRaw(message);
        String echo = c.inbox().next();
        assertThat(echo.equals(message)).as("the echo is the message of %s bytes (got %s characters)",
                t.settings().maxPayload(), echo.length()).isTrue();
    }
}
