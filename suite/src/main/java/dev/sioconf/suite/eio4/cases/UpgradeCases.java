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
import dev.sioconf.suite.wire.WebSocketWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/** spec/eio4.md section 10: the upgrade from polling to WebSocket. */
class UpgradeCases {

    @Requirement("EIO4-10.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, opens a WebSocket with its sid and listens before probing")
    void upgradeWebsocketSendsNothingBeforeTheProbe(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=4&transport=websocket&sid=" + c.sid(), Map.of());
        WebSocketWire.Frame early = ws.pollFrame(EngineBounds.QUIET);
        assertThat(early == null ? null : early.toString()).as("frame before the probe").isNull();
    }

    @Requirement("EIO4-10.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "handshakes over polling, opens a WebSocket with its sid and sends 2probe")
    void probeIsAnswered3probe(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=4&transport=websocket&sid=" + c.sid(), Map.of());
        ws.send("2probe");
        assertThat(ws.next(EngineBounds.PROMPT)).as("answer to the probe").isEqualTo("3probe");
    }

    @Requirement("EIO4-10.3")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "holds a poll, probes a WebSocket of the session, and reads the held poll's answer")
    void heldPollIsAnsweredWithNoopAfterTheProbe(EngineTester t) {
        String sid = t.handshake().sid();
        CompletableFuture<HttpAnswer> held = t.pollAsync(t.path(), sid);
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=4&transport=websocket&sid=" + sid, Map.of());
        ws.send("2probe");
        assertThat(ws.next(EngineBounds.PROMPT)).as("answer to the probe").isEqualTo("3probe");
        EngineTester.assertAnswer(t.pastPings(t.path(), sid, t.await(held)), 200, "6");
    }

    @Requirement("EIO4-10.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session at the echo path and sends 4hello on the WebSocket right after 5")
    void afterUpgradeTheSessionLivesOnTheWebsocket(EngineTester t) {
        EngineConnection c = t.openEcho(EngineTransport.POLLING);
        c.upgrade();
        c.send("4hello");
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).packet()).as("echo").isEqualTo("4hello");
    }

    @Requirement("EIO4-10.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session and waits for a ping: it must come on the WebSocket")
    void afterUpgradePingsComeOnTheWebsocket(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.UPGRADE);
        assertThat(c.inbox().awaitPing(t.bounds().pingDue().multipliedBy(2))).as("a ping on the WebSocket after the upgrade").isTrue();
    }

    @Requirement("EIO4-10.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "at the echo path POSTs 4m1-4m5, probes, stops polling, POSTs 4m6-4m10 in one body, sends 5, sends 4m11-4m15 on the WebSocket;"
                    + " reads all echoes")
    void messagesAroundTheUpgradeAreNeitherLostDuplicatedNorReordered(EngineTester t) {
        EngineConnection c = t.openEcho(EngineTransport.POLLING);
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            sent.add("4m" + i);
        }
        sent.subList(0, 5).forEach(c::send);
        WebSocketWire probed = c.probe();
        c.pausePolling(); // as a client does on 3probe, so the echoes of m6-m10 wait in the server's queue for the 5
        // in one POST, as a client flushes what it buffered: five POSTs of a loaded tester outlasted a 2 s upgrade timeout
        c.send(sent.subList(5, 10).toArray(String[]::new));
        c.completeUpgrade(probed);
        sent.subList(10, 15).forEach(c::send);
        assertThat(c.inbox().awaitPackets(15, EngineTester.longBound(t))).as("echoes").containsExactlyElementsOf(sent);
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO4-10.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "connects to / over polling, emits echo 1-5, probes, stops polling, emits echo 6-10 in one POST, sends 5, emits echo 11-15 on the"
                    + " WebSocket; reads every echo event (the section-23 contract as the vehicle, for targets without an echo path)")
    void eventsAroundTheUpgradeAreNeitherLostDuplicatedNorReordered(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        assertThat(c.connect("/")).as("CONNECT answer").startsWith("0{");
        c.inbox().takeAuthEvent();
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 15; i++) {
            expected.add("42[\"echo\"," + i + "]");
        }
        expected.subList(0, 5).forEach(c::send);
        WebSocketWire probed = c.probe();
        c.pausePolling(); // as a client does on 3probe, so the echoes of 6-10 wait in the server's queue for the 5
        c.send(expected.subList(5, 10).toArray(String[]::new)); // in one POST, as above
        c.completeUpgrade(probed);
        expected.subList(10, 15).forEach(c::send);
        assertThat(c.inbox().awaitPackets(15, EngineTester.longBound(t))).as("echo events").containsExactlyElementsOf(expected);
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO4-10.5")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session, polls and POSTs naming it, then waits for a ping on the WebSocket")
    void pollingAfterTheUpgradeIsCode3(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.UPGRADE);
        c.settle();
        c.joinMainNamespace();
        EngineTester.assertRefused(t.get("EIO=4&transport=polling&sid=" + c.sid()), 3, "Bad request");
        EngineTester.assertRefused(t.post(c.sid(), "6"), 3, "Bad request");
        int before = c.inbox().pings();
        c.inbox().assertExhausted(t.bounds().pingDue());
        assertThat(c.inbox().pings()).as("pings on the WebSocket after the refusals").isGreaterThan(before);
    }

    @Requirement("EIO4-10.6")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session, opens a second WebSocket naming it, then checks the first still gets pings")
    void secondWebsocketForAnUpgradedSessionGetsNoPacket(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.UPGRADE);
        c.settle();
        c.joinMainNamespace();
        WebSocketWire second = null;
        try {
            second = t.openWebSocket(t.path(), "EIO=4&transport=websocket&sid=" + c.sid(), Map.of());
        } catch (AssertionError refused) {
            t.log().note("the second WebSocket was refused: " + refused.getMessage());
        }
        if (second != null) {
            try {
                second.send("2probe");
            } catch (AssertionError closedAlready) {
                t.log().note("the second WebSocket was closed before the probe could go out");
            }
            assertThat(second.awaitClosed(EngineBounds.PROMPT)).as("second WebSocket closed by the server").isTrue();
            WebSocketWire.Frame f = second.pollFrame(java.time.Duration.ZERO);
            assertThat(f == null ? null : f.toString()).as("packet on the second WebSocket").isNull();
        }
        int before = c.inbox().pings();
        c.inbox().assertExhausted(t.bounds().pingDue());
        assertThat(c.inbox().pings()).as("pings on the session's own WebSocket").isGreaterThan(before);
    }

    @Requirement("EIO4-10.7")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "at the echo path probes a WebSocket, then without sending 5 POSTs 4before and keeps polling")
    void untilTheUpgradePacketTheSessionWorksOnPolling(EngineTester t) {
        EngineConnection c = t.openEcho(EngineTransport.POLLING);
        WebSocketWire probed = c.probe();
        c.send("4before");
        c.inbox().assertNext("4before");
        assertThat(probed.pollFrame(EngineBounds.QUIET)).as("frame on the probed WebSocket").isNull();
    }

    @Requirement("EIO4-10.8")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "probes a WebSocket, sends 4odd on it instead of 5, then keeps polling")
    void otherPacketDuringTheProbeClosesTheProbingWebsocket(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        WebSocketWire probed = c.probe();
        probed.send("4odd");
        assertThat(probed.awaitClosed(EngineBounds.PROMPT)).as("probing WebSocket closed").isTrue();
        c.send("6");
        assertThat(c.inbox().closedBecause()).as("the polling session's end").isNull();
    }

    @Requirement("EIO4-10.9")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "probes a WebSocket and never sends 5; waits past the declared upgradeTimeout")
    void unfinishedUpgradeIsGivenUpAfterTheUpgradeTimeout(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        WebSocketWire probed = c.probe();
        assertThat(probed.awaitClosed(t.bounds().upgradeGivenUpBy())).as("probing WebSocket closed within %s ms",
                t.bounds().upgradeGivenUpBy().toMillis()).isTrue();
        c.send("6");
        assertThat(c.inbox().closedBecause()).as("the polling session's end").isNull();
    }
}
