package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Sio4Packets;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * spec/eio3.md section 12: heartbeat. The client pings, the server answers with a pong and ends
 * a session it has heard nothing from for pingInterval + pingTimeout; every window comes from the
 * declared timings (t.bounds()).
 */
class HeartbeatCases {

    /** A WebSocket session opened by hand at the protocol path, its open packet read. */
    static WebSocketWire rawWebSocket(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.path(), t.eio() + "&transport=websocket", Map.of());
        OpenPacket.parse(ws.next(EngineBounds.PROMPT));
        return ws;
    }

    /** The next frame that is not the main namespace's CONNECT {@code 40} (which follows the open packet). */
    static String nextPastConnect(WebSocketWire ws, Duration bound) {
        String f = ws.next(bound);
        return f.equals("40") ? ws.next(bound) : f;
    }

    @Requirement("EIO3-12.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket, sends the ping 2 and times the answer, then sends 2hello")
    void websocketPingIsAnsweredWithAFrameHolding3(EngineTester t) {
        WebSocketWire ws = rawWebSocket(t);
        long pinged = System.nanoTime();
        ws.send("2");
        assertThat(nextPastConnect(ws, EngineBounds.PROMPT)).as("answer to the ping 2").isEqualTo("3");
        assertThat(Duration.ofNanos(System.nanoTime() - pinged)).as("time to the pong").isLessThan(EngineBounds.PROMPT);
        ws.send("2hello");
        assertThat(ws.next(EngineBounds.PROMPT)).as("answer to the ping 2hello").isIn("3", "3hello");
    }

    @Requirement("EIO3-12.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling, POSTs the ping 1:2 and polls, then POSTs 6:2hello and polls")
    void pollingPingIsAnsweredWithThePongOnThePoll(EngineTester t) {
        String sid = t.handshake().sid();
        EngineTester.assertAnswer(t.post(sid, "1:2"), 200, "ok");
        HttpAnswer a = t.poll(sid);
        EngineTester.assertAnswer(a, 200, "1:3");
        assertThat(a.elapsed()).as("time to answer the poll").isLessThan(EngineBounds.PROMPT);
        EngineTester.assertAnswer(t.post(sid, "6:2hello"), 200, "ok");
        assertThat(Eio4Codec.visible(t.poll(sid).body())).as("answer to the ping 2hello").isIn("1:3", "6:3hello");
    }

    @Requirement("EIO3-12.2")
    @Eio3Case(does = "pings every pingInterval with no other traffic for longer than pingInterval + pingTimeout (with tolerance),"
            + " counting pongs, then emits echo")
    void sessionThatPingsStaysAlive(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t);
        int before = c.inbox().pongs();
        Duration watch = t.bounds().sessionGoneBy().plus(t.bounds().pingInterval());
        c.inbox().assertExhausted(watch);
        assertThat(c.inbox().closedBecause()).as("the session's end").isNull();
        assertThat(c.inbox().pongs() - before).as("pongs to the pings of %s ms", watch.toMillis()).isGreaterThanOrEqualTo(3);
        c.emit("/", "[\"echo\",\"alive\"]");
        c.inbox().assertNextSio("2[\"echo\",\"alive\"]");
    }

    @Requirement("EIO3-12.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket, sends one ping and then nothing; times the server's close from the ping")
    void silentWebsocketClientIsClosedPingIntervalPlusPingTimeoutAfterItsLastPacket(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.path(), t.eio() + "&transport=websocket", Map.of());
        String sid = OpenPacket.parse(ws.next(EngineBounds.PROMPT)).sid();
        long pinged = System.nanoTime();
        ws.send("2");
        assertThat(nextPastConnect(ws, EngineBounds.PROMPT)).as("answer to the ping").isEqualTo("3");
        Duration window = t.bounds().pingInterval().plus(t.bounds().pingTimeout());
        assertThat(ws.awaitClosed(t.bounds().sessionGoneBy())).as("WebSocket closed by the server within %s ms of the last ping",
                t.bounds().sessionGoneBy().toMillis()).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - pinged)).as("from the last ping to the close")
                .isGreaterThanOrEqualTo(window.minus(EngineBounds.EARLY));
        t.awaitSessionGone(t.path(), sid, EngineBounds.PROMPT);
    }

    @Requirement("EIO3-12.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling, POSTs one ping and takes its pong, then holds a poll and sends nothing; times the held"
                    + " poll's answer from the ping")
    void silentPollingClientGetsTheClosePacketPingIntervalPlusPingTimeoutAfterItsLastPacket(EngineTester t) {
        String sid = t.handshake().sid();
        long pinged = System.nanoTime();
        EngineTester.assertAnswer(t.post(sid, "1:2"), 200, "ok");
        EngineTester.assertAnswer(t.poll(sid), 200, "1:3");
        // this poll outlasts the timeout by design: wait for it as long as the session may live, and then some
        HttpAnswer a = t.http().get(t.uri(t.path(), t.eio() + "&transport=polling&sid=" + sid),
                t.bounds().sessionGoneBy().plus(EngineBounds.PROMPT));
        Duration took = Duration.ofNanos(System.nanoTime() - pinged);
        Duration window = t.bounds().pingInterval().plus(t.bounds().pingTimeout());
        assertThat(a.status()).as("status of the held poll (body %s)", a.body()).isEqualTo(200);
        List<String> packets = t.revision().split(a);
        assertThat(packets.get(packets.size() - 1)).as("last packet of the held poll (body %s)", Eio4Codec.visible(a.body())).isEqualTo("1");
        assertThat(took).as("from the last ping to the close packet").isBetween(window.minus(EngineBounds.EARLY), t.bounds().sessionGoneBy());
        t.assertSessionGone(sid);
    }

    @Requirement("EIO3-12.3")
    @Eio3Case(does = "opens a session, stops pinging and waits pingInterval + pingTimeout (with tolerance) for its end,"
            + " then polls naming it")
    void silentClientLosesItsSession(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        c.stopPinging();
        assertThat(c.inbox().awaitClosed(t.bounds().sessionGoneBy())).as("session ended within %s ms",
                t.bounds().sessionGoneBy().toMillis()).isTrue();
        t.log().note("the session ended: " + c.inbox().closedBecause());
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }

    @Requirement("EIO3-12.4")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "never pings, but emits echo every half pingInterval for longer than pingInterval + pingTimeout (with tolerance)")
    void anyClientPacketKeepsTheSessionAlive(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t);
        c.stopPinging();
        long end = System.nanoTime() + t.bounds().sessionGoneBy().plus(t.bounds().pingInterval()).toNanos();
        Duration every = t.bounds().pingInterval().dividedBy(2);
        for (int i = 0; System.nanoTime() < end; i++) {
            c.emit("/", "[\"echo\"," + i + "]");
            c.inbox().assertNextSio("2[\"echo\"," + i + "]");
            t.pause(every, "the next sign of life is due");
        }
        assertThat(c.inbox().closedBecause()).as("the session's end").isNull();
    }
}
