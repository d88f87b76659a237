package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Handshake;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.wire.WebSocketWire;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;

/**
 * spec/legacy.md section 13: flashsocket is optional. A Flash client speaks plain WebSocket once
 * it has its policy file, so the suite drives the transport with its WebSocket client.
 */
class FlashsocketCases {

    @Requirement("LEG-13.1")
    @LegacyCase(perTransport = false, does = "looks for flashsocket among the declared transports")
    void flashsocketIsOptional(LegacyTester t) {
        if (!t.target().offers("flashsocket")) {
            throw new Unimplemented("flashsocket is not offered");
        }
    }

    @Requirement("LEG-13.2")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.FLASHSOCKET_OFFERED,
            does = "handshakes, opens /socket.io/1/flashsocket/{sid} as a WebSocket, takes 1:: and emits sendMessage and echo")
    void flashsocketIsListedAndSpeaksAsWebsocketDoes(LegacyTester t) {
        Handshake h = t.handshake();
        assertThat(h.transports()).as("transports in the handshake").contains("flashsocket");
        try (WebSocketWire ws = openFlashsocket(t, h.sid())) {
            assertThat(ws.next(Bounds.PROMPT)).as("first frame").isEqualTo("1::");
            ws.send("5:::{\"name\":\"sendMessage\",\"args\":[]}");
            assertThat(nextBesidesHeartbeats(ws, Bounds.PROMPT)).as("answer to sendMessage")
                    .isEqualTo("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
            ws.send("5:3+::{\"name\":\"echo\",\"args\":[\"flash\"]}");
            assertThat(nextBesidesHeartbeats(ws, Bounds.PROMPT)).as("echo").isEqualTo("5:::{\"name\":\"echo\",\"args\":[\"flash\"]}");
            assertThat(nextBesidesHeartbeats(ws, Bounds.PROMPT)).as("ack").isEqualTo("6:::3+[\"flash\"]");
        }
    }

    @Requirement("LEG-13.2")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.FLASHSOCKET_OFFERED,
            does = "opens a flashsocket, takes 1::, waits for a heartbeat, answers it and waits for the next one")
    void flashsocketCarriesHeartbeatsAsWebsocketDoes(LegacyTester t) {
        Assumptions.assumeTrue(t.target().declared().heartbeatTimeout() != null, "heartbeats are declared off");
        try (WebSocketWire ws = openFlashsocket(t, t.handshake().sid())) {
            assertThat(ws.next(Bounds.PROMPT)).as("first frame").isEqualTo("1::");
            assertThat(ws.next(t.bounds().heartbeatDue())).as("first packet after connect").isEqualTo("2::");
            ws.send("2::");
            assertThat(ws.next(t.bounds().heartbeatDue())).as("packet after the answered heartbeat").isEqualTo("2::");
        }
    }

    /** The flashsocket URL of a session, opened with the suite's WebSocket client. */
    static WebSocketWire openFlashsocket(LegacyTester t, String sid) {
        URI uri = URI.create("ws://" + t.target().base().getHost() + ":" + t.target().base().getPort()
                + LegacyTester.RESOURCE + "flashsocket/" + sid);
        return WebSocketWire.connect(uri, Bounds.PROMPT, t.log());
    }

    /** The next frame, heartbeats answered and skipped as a client does. */
    static String nextBesidesHeartbeats(WebSocketWire ws, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            String frame = ws.next(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
            if (!frame.equals("2::")) {
                return frame;
            }
            ws.send("2::");
        }
    }
}
