package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Sio4Packets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRecorder;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio3.md section 10: the WebSocket transport, opened directly or reached by upgrading. */
class WebSocketCases {

    @Requirement("EIO3-10.1")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "emits echo \"a\" and echo \"b\" as two text frames sent back to back and reads one frame per echo")
    void everyPacketIsATextFrameOfItsOwnWithoutLengthPrefix(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t);
        c.send("42[\"echo\",\"a\"]", "42[\"echo\",\"b\"]");
        EngineRecorder.Received a = c.inbox().nextReceived(EngineBounds.PROMPT);
        EngineRecorder.Received b = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(a.toString()).as("first frame").isEqualTo("42[\"echo\",\"a\"]");
        assertThat(b.toString()).as("second frame").isEqualTo("42[\"echo\",\"b\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO3-10.1")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "sends the text frame 451-[\"message\",{\"_placeholder\":true,\"num\":0}] and the binary frame 04 01 02 03;"
                    + " reads the message-back text frame and the binary frame")
    void binaryMessagesAreBinaryFramesLedByTheTypeByte(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t);
        c.sendSio("51-[\"message\",{\"_placeholder\":true,\"num\":0}]", new byte[] {1, 2, 3});
        EngineRecorder.Received text = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(text.toString()).as("first frame").isEqualTo("451-[\"message-back\",{\"_placeholder\":true,\"num\":0}]");
        assertThat(text.binaryFrame()).as("first frame is binary").isFalse();
        EngineRecorder.Received bin = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(bin.toString()).as("second frame").isEqualTo("[binary frame 04 01 02 03]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO3-10.2")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "opens a WebSocket session and stops pinging; waits for the server to close the WebSocket")
    void endedWebsocketSessionIsClosed(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        c.stopPinging();
        java.time.Duration bound = t.bounds().sessionGoneBy().plus(EngineBounds.PROMPT);
        assertThat(c.webSocket().awaitClosed(bound)).as("WebSocket closed by the server within %s ms", bound.toMillis()).isTrue();
    }

    @Requirement("EIO3-10.2")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "opens a WebSocket session, closes the WebSocket, then polls naming the session")
    void clientClosingTheWebsocketEndsTheSession(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        c.abandon();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }

    @Requirement("EIO3-10.3")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "sends a text frame of max HTTP buffer + 1 bytes and waits for the server to close the WebSocket and end the session")
    void oversizedWebsocketMessageClosesTheSession(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        try {
            c.sendRaw("4" + "z".repeat((int) t.settings().maxPayload()));
        } catch (AssertionError e) {
            t.log().note("the server closed the WebSocket before the whole frame was out: " + e.getMessage());
        }
        assertThat(c.webSocket().awaitClosed(EngineBounds.PROMPT)).as("WebSocket closed").isTrue();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }
}
