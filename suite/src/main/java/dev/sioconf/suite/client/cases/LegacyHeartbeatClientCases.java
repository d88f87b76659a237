package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.time.Duration;

/** spec/legacy-client.md section 4: heartbeats answered, and their absence noticed, on websocket (0.9 has none on polling). */
class LegacyHeartbeatClientCases {

    static final Duration INTERVAL = Duration.ofMillis(700);
    static final Duration TIMEOUT = Duration.ofSeconds(3);
    static final int HEARTBEATS = 3;
    /** Announced in whole seconds, as the handshake writes it. */
    static final Duration SILENT_TIMEOUT = Duration.ofSeconds(1);

    @ClientCase(does = "Sends a heartbeat 2:: every 700 ms with a heartbeat timeout of 3 s and times the answer to three of them.",
            profiles = "legacy", transports = ClientTransport.WEBSOCKET)
    @Requirement("LEGC-4.1")
    void everyHeartbeatIsAnsweredWithinTheHeartbeatTimeout(ClientTester t) {
        t.start(t.plain().pinging(INTERVAL, TIMEOUT));
        String sid = t.connect();
        for (int i = 1; i <= HEARTBEATS; i++) {
            ClientEvent beat = t.await("heartbeat " + i, e -> e.kind() == Kind.PING_SENT && e.sid().equals(sid), INTERVAL.plus(ClientTester.PROMPT));
            ClientEvent answer = t.awaitPacket(sid, "the answer to heartbeat " + i, "2::"::equals, TIMEOUT.plus(ClientTester.PROMPT));
            long took = answer.atMillis() - beat.atMillis();
            check(took <= TIMEOUT.toMillis(), "a heartbeat is answered within the heartbeat timeout (" + TIMEOUT.toMillis() + " ms)",
                    "2:: within " + TIMEOUT.toMillis() + " ms", "2:: " + took + " ms after heartbeat " + i);
        }
    }

    @ClientCase(does = "Announces a heartbeat timeout of 1 s, then sends nothing, and times the client's next handshake.", profiles = "legacy",
            transports = ClientTransport.WEBSOCKET)
    @Requirement("LEGC-4.2")
    void silenceForTheHeartbeatTimeoutEndsTheConnection(ClientTester t) {
        t.start(t.plain().silent(SILENT_TIMEOUT, SILENT_TIMEOUT));
        String sid = t.connect();
        ClientEvent opened = t.events().stream().filter(e -> e.kind() == Kind.OPENED && e.sid().equals(sid)).findFirst().orElseThrow();
        long least = SILENT_TIMEOUT.plus(t.settings().leastFirstDelay()).toMillis();
        long latest = SILENT_TIMEOUT.plus(t.settings().longestFirstDelay()).plus(HeartbeatClientCases.TIMER_LATENESS).toMillis();
        ClientEvent next = t.awaitHandshake(Duration.ofMillis(latest));
        long after = next.atMillis() - opened.atMillis();
        check(after >= least - ClientTester.EARLY.toMillis() && after <= latest,
                "the connection is lost when the heartbeat timeout has passed, not before",
                "a new handshake " + least + " to " + latest + " ms after the transport opened", "after " + after + " ms");
    }
}
