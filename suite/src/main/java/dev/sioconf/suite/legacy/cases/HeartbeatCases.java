package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;

/** spec/legacy.md section 7: heartbeats on the streaming transports. */
class HeartbeatCases {

    @Requirement("LEG-7.1")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "opens a websocket, takes the connect packet and waits for a heartbeat, answering none")
    void heartbeatArrivesBeforeTheAnnouncedTimeout(LegacyTester t) {
        try (WebSocketWire ws = t.openWebSocket(t.handshake().sid())) {
            assertThat(ws.next(dev.sioconf.suite.legacy.Bounds.PROMPT)).isEqualTo("1::");
            long start = System.nanoTime();
            assertThat(ws.next(t.bounds().heartbeatDue())).as("first packet after connect").isEqualTo("2::");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(t.bounds().heartbeatDue());
        }
    }

    @Requirement("LEG-7.4")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "answers every heartbeat for longer than the heartbeat timeout, then checks the session still serves")
    void clientThatAnswersHeartbeatsKeepsItsSession(LegacyTester t) {
        var c = t.openSession();
        t.pause(t.bounds().heartbeatDue(), "answer heartbeats for longer than the heartbeat timeout");
        c.send("3:::alive");
        c.inbox().assertNext("3:::alive");
    }

    @Requirement("LEG-7.4")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "opens a websocket and never answers heartbeats")
    void clientThatIgnoresHeartbeatsLosesItsSession(LegacyTester t) {
        String sid = t.handshake().sid();
        try (WebSocketWire ws = t.openWebSocket(sid)) {
            Duration bound = t.bounds().heartbeatDue().plus(t.bounds().heartbeatDue());
            assertThat(ws.awaitClosed(bound)).as("socket closed by the server within %s ms", bound.toMillis()).isTrue();
        }
    }
}
