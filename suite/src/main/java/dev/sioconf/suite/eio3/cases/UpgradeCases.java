package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** spec/eio3.md section 11: the upgrade from polling to WebSocket. */
class UpgradeCases {

    /** A polling session at the protocol path (pinging as engine.io-client 3 does), its implicit main-namespace CONNECT taken. */
    static EngineConnection pollingSession(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        c.inbox().assertNextSio("0");
        return c;
    }

    /** A session joined over polling and then upgraded, as socket.io-client 2 does; the upgrade settled. */
    static EngineConnection upgradedSession(EngineTester t) {
        EngineConnection c = pollingSession(t);
        c.upgrade();
        c.settle();
        return c;
    }

    static WebSocketWire webSocketFor(EngineTester t, String sid) {
        return t.openWebSocket(t.path(), t.eio() + "&transport=websocket&sid=" + sid, Map.of());
    }

    static String echo(int i) {
        return "42[\"echo\"," + i + "]";
    }

    @Requirement("EIO3-11.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "opens a polling session, then a WebSocket with its sid, and listens before probing")
    void upgradeWebsocketIsAcceptedAndSilentBeforeTheProbe(EngineTester t) {
        EngineConnection c = pollingSession(t);
        WebSocketWire ws = webSocketFor(t, c.sid());
        WebSocketWire.Frame early = ws.pollFrame(EngineBounds.QUIET);
        assertThat(early == null ? null : early.toString()).as("frame before the probe").isNull();
        assertThat(ws.isOpen()).as("WebSocket open").isTrue();
    }

    @Requirement("EIO3-11.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, holds a poll, probes a WebSocket of the session with 2probe and reads the held poll's answer")
    void probeIsAnswered3probeAndTheHeldPollGetsTheNoop(EngineTester t) {
        String sid = t.handshake().sid();
        CompletableFuture<HttpAnswer> held = t.pollAsync(t.path(), sid);
        WebSocketWire ws = webSocketFor(t, sid);
        t.pause(Duration.ofMillis(50), "let the poll be held");
        long probed = System.nanoTime();
        ws.send("2probe");
        assertThat(ws.next(EngineBounds.PROMPT)).as("answer to the probe").isEqualTo("3probe");
        EngineTester.assertAnswer(t.await(held), 200, "1:6");
        assertThat(Duration.ofNanos(System.nanoTime() - probed)).as("from the probe to the held poll's noop").isLessThan(EngineBounds.PROMPT);
    }

    @Requirement("EIO3-11.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, probes a WebSocket of the session with no poll held, then polls and times the answer")
    void afterTheProbeTheNextPollGetsTheNoop(EngineTester t) {
        String sid = t.handshake().sid();
        WebSocketWire ws = webSocketFor(t, sid);
        ws.send("2probe");
        assertThat(ws.next(EngineBounds.PROMPT)).as("answer to the probe").isEqualTo("3probe");
        HttpAnswer a = t.poll(sid);
        EngineTester.assertAnswer(a, 200, "1:6");
        assertThat(a.elapsed()).as("time to answer the poll after the probe").isLessThan(EngineBounds.PROMPT);
    }

    @Requirement("EIO3-11.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "probes a WebSocket of a polling session, then without sending 5 emits echo over polling and keeps polling")
    void untilTheUpgradePacketTheSessionWorksOnPolling(EngineTester t) {
        EngineConnection c = pollingSession(t);
        WebSocketWire probed = c.probe();
        c.send(echo(1));
        c.inbox().assertNext(echo(1));
        WebSocketWire.Frame f = probed.pollFrame(EngineBounds.QUIET);
        assertThat(f == null ? null : f.toString()).as("frame on the probed WebSocket").isNull();
    }

    @Requirement("EIO3-11.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "emits echo 1-5 over polling, probes, stops polling, emits echo 6-10 by POST, sends 5, emits echo 11-15 on the"
                    + " WebSocket; reads every echo")
    void eventsAroundTheUpgradeAreNeitherLostDuplicatedNorReordered(EngineTester t) {
        EngineConnection c = pollingSession(t);
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            expected.add(echo(i));
        }
        expected.subList(0, 5).forEach(c::send);
        WebSocketWire probed = c.probe();
        c.pausePolling(); // as a client does on 3probe, so the echoes of 6-10 wait in the server's queue for the 5
        expected.subList(5, 10).forEach(c::send);
        c.completeUpgrade(probed);
        expected.subList(10, 15).forEach(c::send);
        assertThat(c.inbox().awaitPackets(15, EngineTester.longBound(t))).as("echo events").containsExactlyElementsOf(expected);
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO3-11.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session, polls and POSTs naming it, then emits echo on the WebSocket")
    void pollingAfterTheUpgradeIsCode3(EngineTester t) {
        EngineConnection c = upgradedSession(t);
        EngineTester.assertRefused(t.get(t.eio() + "&transport=polling&sid=" + c.sid()), 3, "Bad request");
        EngineTester.assertRefused(t.post(c.sid(), "1:6"), 3, "Bad request");
        c.send(echo(1));
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("echo on the WebSocket after the refusals")
                .isEqualTo(echo(1));
    }

    @Requirement("EIO3-11.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session, opens a second WebSocket naming it and probes on it, then emits echo on the first")
    void secondWebsocketForAnUpgradedSessionGetsNoPacket(EngineTester t) {
        EngineConnection c = upgradedSession(t);
        assertRefusedOrClosedSilently(t, c.sid());
        c.send(echo(1));
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("echo on the session's own WebSocket").isEqualTo(echo(1));
        assertThat(c.inbox().closedBecause()).as("the session's end").isNull();
    }

    @Requirement("EIO3-11.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "probes a WebSocket of a polling session, opens a second WebSocket naming it and probes on it, then completes"
                    + " the upgrade on the first and emits echo")
    void secondWebsocketForAnUpgradingSessionGetsNoPacket(EngineTester t) {
        EngineConnection c = pollingSession(t);
        WebSocketWire probed = c.probe();
        assertRefusedOrClosedSilently(t, c.sid());
        c.completeUpgrade(probed);
        c.send(echo(1));
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("echo on the upgraded WebSocket").isEqualTo(echo(1));
    }

    /** A further WebSocket naming the session is refused, or accepted and closed without any Engine.IO packet. */
    static void assertRefusedOrClosedSilently(EngineTester t, String sid) {
        WebSocketWire second;
        try {
            second = webSocketFor(t, sid);
        } catch (AssertionError refused) {
            t.log().note("the second WebSocket was refused: " + refused.getMessage());
            return;
        }
        try {
            second.send("2probe");
        } catch (AssertionError closedAlready) {
            t.log().note("the second WebSocket was closed before the probe could go out");
        }
        assertThat(second.awaitClosed(EngineBounds.PROMPT)).as("second WebSocket closed by the server").isTrue();
        WebSocketWire.Frame f = second.pollFrame(Duration.ZERO);
        assertThat(f == null ? null : f.toString()).as("packet on the second WebSocket").isNull();
    }

    @Requirement("EIO3-11.5")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "probes a WebSocket, sends 42[\"echo\",1] on it instead of 5, then emits echo over polling")
    void otherPacketDuringTheProbeClosesTheProbingWebsocket(EngineTester t) {
        EngineConnection c = pollingSession(t);
        WebSocketWire probed = c.probe();
        probed.send(echo(1));
        assertThat(probed.awaitClosed(EngineBounds.PROMPT)).as("probing WebSocket closed").isTrue();
        c.send(echo(2));
        c.inbox().assertNext(echo(2));
        assertThat(c.inbox().closedBecause()).as("the polling session's end").isNull();
    }

    @Requirement("EIO3-11.5")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "probes a WebSocket and never sends 5; waits past the declared upgradeTimeout, then emits echo over polling")
    void unfinishedUpgradeIsGivenUpAfterTheUpgradeTimeout(EngineTester t) {
        EngineConnection c = pollingSession(t);
        WebSocketWire probed = c.probe();
        assertThat(probed.awaitClosed(t.bounds().upgradeGivenUpBy())).as("probing WebSocket closed within %s ms",
                t.bounds().upgradeGivenUpBy().toMillis()).isTrue();
        c.send(echo(1));
        c.inbox().assertNext(echo(1));
        assertThat(c.inbox().closedBecause()).as("the polling session's end").isNull();
    }
}
