package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.time.Duration;

/** spec/eio4-client.md section 4: answering pings, and noticing when they stop. */
class HeartbeatClientCases {

    static final Duration PING_INTERVAL = Duration.ofMillis(400);
    static final Duration PING_TIMEOUT = Duration.ofMillis(3000);
    static final int PINGS = 3;

    /**
     * How late a client's timers may fire on a loaded machine. Shorter than the prompt bound on
     * purpose: a client that notices the silence only when a read times out (seconds later) must
     * not pass by luck.
     */
    static final Duration TIMER_LATENESS = Duration.ofSeconds(2);

    static final Duration SILENT_INTERVAL = Duration.ofMillis(400);
    static final Duration SILENT_TIMEOUT = Duration.ofMillis(400);

    @ClientCase(does = "Pings every 400 ms with pingTimeout 3000 ms and times the pong to each of three pings.", profiles = "eio4")
    @Requirement("EIO4C-4.1")
    void everyPingIsAnsweredWithinPingTimeout(ClientTester t) {
        t.start(t.plain().pinging(PING_INTERVAL, PING_TIMEOUT));
        String sid = t.connect();
        for (int i = 1; i <= PINGS; i++) {
            ClientEvent ping = t.await("ping " + i, e -> e.kind() == Kind.PING_SENT && e.sid().equals(sid),
                    PING_INTERVAL.plus(ClientTester.PROMPT));
            ClientEvent pong = t.awaitPacket(sid, "the pong to ping " + i, "3"::equals, PING_TIMEOUT.plus(ClientTester.PROMPT));
            long took = pong.atMillis() - ping.atMillis();
            check(took <= PING_TIMEOUT.toMillis(), "a ping must be answered within pingTimeout (" + PING_TIMEOUT.toMillis() + " ms)",
                    "pong within " + PING_TIMEOUT.toMillis() + " ms", "pong " + took + " ms after ping " + i);
        }
    }

    @ClientCase(does = "Announces pingInterval 400 ms and pingTimeout 3000 ms, answers the client's pings, and times three of them.",
            profiles = "eio3")
    @Requirement("EIO3C-4.1")
    void theClientPingsEveryPingInterval(ClientTester t) {
        t.start(t.plain().pinging(PING_INTERVAL, PING_TIMEOUT));
        ClientEvent handshake = t.awaitHandshake();
        String sid = t.connect(handshake);
        long previous = handshake.atMillis();
        for (int i = 1; i <= PINGS; i++) {
            ClientEvent ping = t.awaitPacket(sid, "ping " + i, "2"::equals, PING_INTERVAL.plus(ClientTester.PROMPT));
            long gap = ping.atMillis() - previous;
            check(gap >= PING_INTERVAL.toMillis() - ClientTester.EARLY.toMillis() && gap <= PING_INTERVAL.plus(TIMER_LATENESS).toMillis(),
                    "a ping every pingInterval (" + PING_INTERVAL.toMillis() + " ms), counted from the open packet or the last pong",
                    "ping " + i + " " + PING_INTERVAL.toMillis() + " to " + PING_INTERVAL.plus(TIMER_LATENESS).toMillis() + " ms after the last",
                    "after " + gap + " ms");
            previous = ping.atMillis();
        }
    }

    @ClientCase(does = "Announces pingInterval 400 ms and pingTimeout 400 ms, sends no ping (eio3: answers none), and times the client's next handshake.")
    @Requirement("EIO4C-4.2")
    void silenceForPingIntervalPlusPingTimeoutEndsTheConnection(ClientTester t) {
        t.start(t.plain().silent(SILENT_INTERVAL, SILENT_TIMEOUT));
        ClientEvent handshake = t.awaitHandshake();
        t.connect(handshake);
        long silence = SILENT_INTERVAL.plus(SILENT_TIMEOUT).toMillis();
        long least = silence + t.settings().leastFirstDelay().toMillis();
        long longest = silence + t.settings().longestFirstDelay().toMillis();
        ClientEvent next = t.awaitHandshake(Duration.ofMillis(longest).plus(TIMER_LATENESS));
        long after = next.atMillis() - handshake.atMillis();
        check(after >= least - ClientTester.EARLY.toMillis(), "the connection is lost after pingInterval + pingTimeout, not before",
                "a new handshake at least " + least + " ms after the first (" + silence + " ms of silence and the least reconnection delay)",
                "after " + after + " ms");
        check(after <= longest + TIMER_LATENESS.toMillis(), "the silence is noticed when pingInterval + pingTimeout have passed",
                "a new handshake at most " + (longest + TIMER_LATENESS.toMillis()) + " ms after the first", "after " + after + " ms");
    }
}
