package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRecorder;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio4.md section 9: the WebSocket transport, opened directly or reached by upgrading. */
class WebSocketCases {

    @Requirement("EIO4-9.1")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "opens a WebSocket without sid (websocket) or with the sid of a polling session (upgrade)")
    void websocketHandshakesWithAndWithoutSidAreAccepted(EngineTester t) {
        EngineConnection c = t.open();
        assertThat(c.onWebSocket()).as("session on a WebSocket").isTrue();
        assertThat(c.webSocket().isOpen()).as("WebSocket open").isTrue();
    }

    @Requirement("EIO4-9.2")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "at the echo path sends the frames 4a, 4b and binary 05 06 quickly, then reads one frame per echoed packet")
    void everyPacketIsAFrameOfItsOwn(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4a", "4b", "bBQY=");
        assertThat(c.inbox().next()).isEqualTo("4a");
        assertThat(c.inbox().next()).isEqualTo("4b");
        EngineRecorder.Received bin = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(bin.toString()).as("third frame").isEqualTo("[binary frame 05 06]");
    }

    @Requirement("EIO4-9.3")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "at the echo path sends the single text frame 4a\\x1e4b and reads the echo")
    void textFrameIsOnePacketNotSplitAtTheSeparator(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.sendRaw("4a" + Eio4Codec.SEP + "4b");
        c.inbox().assertNext("4a" + Eio4Codec.SEP + "4b");
    }

    @Requirement("EIO4-9.5")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "opens a WebSocket session and stops answering pings; waits for the server to close the WebSocket")
    void endedWebsocketSessionIsClosed(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        c.stopAnsweringPings();
        assertThat(c.webSocket().awaitClosed(t.bounds().sessionGoneBy().plus(EngineBounds.PROMPT)))
                .as("WebSocket closed by the server within %s ms", t.bounds().sessionGoneBy().plus(EngineBounds.PROMPT).toMillis())
                .isTrue();
    }

    @Requirement("EIO4-9.6")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "opens a WebSocket session, closes the WebSocket, then polls naming the session")
    void clientClosingTheWebsocketEndsTheSession(EngineTester t) {
        EngineConnection c = t.open();
        c.abandon();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }
}
