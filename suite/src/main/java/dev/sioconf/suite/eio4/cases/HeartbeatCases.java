package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.Map;

/** spec/eio4.md section 11: heartbeat. Windows come from the declared pingInterval and pingTimeout. */
class HeartbeatCases {

    @Requirement("EIO4-11.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket session, times the first ping from the open packet, answers 3, times the next ping from the pong")
    void pingComesPingIntervalAfterTheHandshakeAndAfterEachPong(EngineTester t) {
        long asked = System.nanoTime(); // the server's ping timer starts after this, so no ping may come sooner than the interval
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=4&transport=websocket", Map.of());
        OpenPacket.parse(ws.next(EngineBounds.PROMPT));
        long opened = System.nanoTime(); // and it started before this, so the ping is due within the interval
        // In the main namespace, so that a connect timeout shorter than two ping intervals (socket.io's
        // 45 s against its 25 s pings) cannot end the session first; its CONNECT answer is skipped.
        ws.send("40");
        assertThat(nextSkippingMessages(ws, t.bounds().pingDue())).as("first packet after the open packet").isEqualTo("2");
        long pinged = System.nanoTime();
        assertThat(Duration.ofNanos(pinged - asked)).as("handshake request to first ping").isGreaterThanOrEqualTo(t.bounds().pingNotBefore());
        assertThat(Duration.ofNanos(pinged - opened)).as("open packet to first ping").isLessThanOrEqualTo(t.bounds().pingDue());
        // The pong goes a quarter of the shorter timing late, well within pingTimeout: a server that
        // pings at a fixed rate instead of pingInterval after each pong then shows it every time, not
        // only when the tester happens to answer slowly.
        t.pause(min(t.bounds().pingInterval(), t.bounds().pingTimeout()).dividedBy(4), "the pong goes late on purpose");
        ws.send("3");
        long ponged = System.nanoTime();
        assertThat(nextSkippingMessages(ws, t.bounds().pingDue())).as("first packet after the pong").isEqualTo("2");
        assertThat(Duration.ofNanos(System.nanoTime() - ponged)).as("pong to next ping")
                .isBetween(t.bounds().pingNotBefore(), t.bounds().pingDue());
    }

    @Requirement("EIO4-11.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling, holds a poll with nothing to receive")
    void pollingPingIsTheHeldPollsWholeBody(EngineTester t) {
        String sid = t.handshake().sid();
        HttpAnswer a = t.poll(sid);
        EngineTester.assertAnswer(a, 200, "2");
        assertThat(a.elapsed()).as("held for").isLessThanOrEqualTo(t.bounds().pingDue());
    }

    @Requirement("EIO4-11.3")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "opens a WebSocket session, never answering pings, and reads the first frame after the open packet or upgrade")
    void websocketPingIsATextFrameHoldingExactly2(EngineTester t) {
        EngineConnection c = t.open();
        c.stopAnsweringPings();
        int before = c.inbox().pings();
        c.inbox().assertExhausted(t.bounds().pingDue());
        assertThat(c.inbox().pings()).as("text frames exactly \"2\" within %s ms", t.bounds().pingDue().toMillis())
                .isGreaterThan(before);
    }

    @Requirement("EIO4-11.4")
    @Eio4Case(does = "answers every ping for three ping rounds with no other traffic, then checks the session is alive")
    void sessionThatAnswersPingsStaysAlive(EngineTester t) {
        EngineConnection c = t.open();
        // The watch outlasts most connect timeouts (SIO5-18.8): in the main namespace, only the
        // heartbeat decides whether the session lives.
        c.connect("/");
        c.inbox().takeAuthEvent();
        Duration rounds = t.bounds().pingInterval().plus(t.bounds().pingTimeout()).multipliedBy(3);
        c.inbox().assertExhausted(rounds);
        assertThat(c.inbox().closedBecause()).as("the session's end").isNull();
        assertThat(c.inbox().pings()).as("pings answered").isGreaterThanOrEqualTo(2);
        c.send("6");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        assertThat(c.inbox().closedBecause()).as("the session's end").isNull();
    }

    @Requirement("EIO4-11.5")
    @Eio4Case(does = "opens a session and never answers a ping; waits pingInterval + pingTimeout (with tolerance)")
    void silentClientLosesItsSessionAfterThePingTimeout(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        c.stopAnsweringPings();
        long start = System.nanoTime();
        assertThat(c.inbox().awaitClosed(t.bounds().sessionGoneBy().plus(t.bounds().pingDue())))
                .as("session ended within %s ms", t.bounds().sessionGoneBy().toMillis()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).as("time to the end")
                .isLessThanOrEqualTo(t.bounds().sessionGoneBy().plus(c.onWebSocket() ? Duration.ZERO : t.bounds().pingDue()));
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }

    /** The next Engine.IO packet that is not a message (the CONNECT answer, the contract's auth event), within the bound. */
    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static String nextSkippingMessages(WebSocketWire ws, Duration bound) {
        long end = System.nanoTime() + bound.toNanos();
        String p;
        do {
            p = ws.next(Duration.ofNanos(Math.max(1_000_000, end - System.nanoTime())));
        } while (p.startsWith("4"));
        return p;
    }
}
