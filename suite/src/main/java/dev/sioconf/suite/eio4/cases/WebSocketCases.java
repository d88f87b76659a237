package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.Eio4Bounds;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.eio4.Eio4Connection;
import dev.sioconf.suite.eio4.Eio4Recorder;
import dev.sioconf.suite.eio4.Eio4Tester;
import dev.sioconf.suite.eio4.Eio4Transport;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio4.md section 9: the WebSocket transport, opened directly or reached by upgrading. */
class WebSocketCases {

    @Requirement("EIO4-9.1")
    @Eio4Case(transports = {Eio4Transport.WEBSOCKET, Eio4Transport.UPGRADE},
            does = "opens a WebSocket without sid (websocket) or with the sid of a polling session (upgrade)")
    void websocketHandshakesWithAndWithoutSidAreAccepted(Eio4Tester t) {
        Eio4Connection c = t.open();
        assertThat(c.onWebSocket()).as("session on a WebSocket").isTrue();
        assertThat(c.webSocket().isOpen()).as("WebSocket open").isTrue();
    }

    @Requirement("EIO4-9.2")
    @Eio4Case(transports = {Eio4Transport.WEBSOCKET, Eio4Transport.UPGRADE},
            does = "at the echo path sends the frames 4a, 4b and binary 05 06 quickly, then reads one frame per echoed packet")
    void everyPacketIsAFrameOfItsOwn(Eio4Tester t) {
        Eio4Connection c = t.openEcho();
        c.send("4a", "4b", "bBQY=");
        assertThat(c.inbox().next()).isEqualTo("4a");
        assertThat(c.inbox().next()).isEqualTo("4b");
        Eio4Recorder.Received bin = c.inbox().nextReceived(Eio4Bounds.PROMPT);
        assertThat(bin.toString()).as("third frame").isEqualTo("[binary frame 05 06]");
    }

    @Requirement("EIO4-9.3")
    @Eio4Case(transports = {Eio4Transport.WEBSOCKET, Eio4Transport.UPGRADE},
            does = "at the echo path sends the single text frame 4a\\x1e4b and reads the echo")
    void textFrameIsOnePacketNotSplitAtTheSeparator(Eio4Tester t) {
        Eio4Connection c = t.openEcho();
        c.sendRaw("4a" + Eio4Codec.SEP + "4b");
        c.inbox().assertNext("4a" + Eio4Codec.SEP + "4b");
    }

    @Requirement("EIO4-9.5")
    @Eio4Case(transports = {Eio4Transport.WEBSOCKET, Eio4Transport.UPGRADE},
            does = "opens a WebSocket session and stops answering pings; waits for the server to close the WebSocket")
    void endedWebsocketSessionIsClosed(Eio4Tester t) {
        Eio4Connection c = t.open();
        c.settle();
        c.stopAnsweringPings();
        assertThat(c.webSocket().awaitClosed(t.bounds().sessionGoneBy().plus(Eio4Bounds.PROMPT)))
                .as("WebSocket closed by the server within %s ms", t.bounds().sessionGoneBy().plus(Eio4Bounds.PROMPT).toMillis())
                .isTrue();
    }

    @Requirement("EIO4-9.6")
    @Eio4Case(transports = {Eio4Transport.WEBSOCKET, Eio4Transport.UPGRADE},
            does = "opens a WebSocket session, closes the WebSocket, then polls naming the session")
    void clientClosingTheWebsocketEndsTheSession(Eio4Tester t) {
        Eio4Connection c = t.open();
        c.abandon();
        t.awaitSessionGone(c.path(), c.sid(), Eio4Bounds.PROMPT);
    }
}
