package dev.sioconf.suite.robustness;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextTwoInEitherOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.SocketIoPackets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRevision;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.util.ArrayList;
import java.util.List;

/**
 * What every robustness case checks once its hostile input is out: that the input went no further
 * than it should, and that the server still serves a new session (EIO4-6.13).
 */
public final class AfterHostileInput {

    private static final String PROBE_ECHO = "2[\"echo\",\"probe\"]";
    private static final String PROBE_ACK = "37[\"probe\"]";

    private AfterHostileInput() {
    }

    /**
     * Opens a new session (polling when offered, else WebSocket), joins {@code /} and does an echo
     * round trip with an acknowledgement on it: the server survived and still serves.
     */
    public static void assertAFreshSessionRoundTrips(EngineTester t) {
        EngineTransport transport = t.settings().offers("polling") ? EngineTransport.POLLING : EngineTransport.WEBSOCKET;
        t.log().note("a fresh session on " + transport.reportName() + ", to see that the server still serves");
        EngineConnection c;
        try {
            c = t.open(transport);
        } catch (TargetMisbehaved e) {
            throw new AssertionError("after the hostile input the server no longer opens a session: " + e.getMessage(), e);
        }
        if (t.revision() == EngineRevision.EIO4) {
            SocketIoPackets.join(c, "/");
        } else {
            c.inbox().assertNextSio("0");
        }
        c.emit("/", 5, "[\"echo\",\"still serving\"]");
        assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"still serving\"]", "35", "[\"still serving\"]");
    }

    /**
     * Asserts that the session of {@code c} either ended after the bad packet or still answers a
     * probe echo sent after it; what else it answered (the bad packet itself, in whatever form) is
     * left to a stricter case.
     */
    public static void assertClosedOrStillAnswering(EngineConnection c, String why) {
        if (c.inbox().awaitClosed(EngineBounds.QUIET)) {
            return;
        }
        sendWhileItMayClose(() -> c.emit("/", 7, "[\"echo\",\"probe\"]"));
        List<String> got = new ArrayList<>();
        try {
            while (!(got.contains(PROBE_ECHO) && got.contains(PROBE_ACK)) && got.size() < 4) {
                got.add(c.inbox().nextSio());
            }
        } catch (AssertionError ended) { // the close packet 1 on polling, or the end itself (TargetMisbehaved)
            if (c.inbox().awaitClosed(EngineBounds.PROMPT)) {
                return;
            }
            throw ended;
        }
        assertThat(got).as("the session stayed after %s: it must still answer the probe", why).contains(PROBE_ECHO, PROBE_ACK);
    }

    /**
     * Sends a hostile packet with its followers (attachments), where the server may rightly close
     * the session after the first: a write refused then is no failure, the case's next assertion
     * tells whether the session ended as it should.
     */
    public static void sendWhileItMayClose(Runnable send) {
        try {
            send.run();
        } catch (AssertionError closedMeanwhile) {
            // TargetMisbehaved included: the session may end before the last message is written
        }
    }

    /**
     * Asserts that a bad packet sent on {@code c} reached no handler: either the session ends with
     * no answer (the usual refusal), or it stays and the next thing answered is a probe echo sent
     * after the bad packet, so that nothing was answered for the bad packet itself.
     */
    public static void assertClosedOrDropped(EngineConnection c, String why) {
        if (c.inbox().awaitClosed(EngineBounds.QUIET)) {
            assertClosedWithoutAnswer(c, EngineBounds.PROMPT, why);
            return;
        }
        try {
            c.emit("/", 7, "[\"echo\",\"probe\"]");
        } catch (TargetMisbehaved closing) {
            assertClosedWithoutAnswer(c, EngineBounds.PROMPT, why); // it closed meanwhile, as it may
            return;
        }
        List<String> got = new ArrayList<>();
        try {
            got.add(c.inbox().nextSio());
            got.add(c.inbox().nextSio());
        } catch (TargetMisbehaved ended) {
            if (c.inbox().closedBecause() == null) {
                throw ended;
            }
            assertThat(got).as("packets answered before the session ended (%s)", why).isEmpty();
            return;
        }
        assertThat(got).as("the session stayed after %s: only the probe may be answered", why)
                .containsExactlyInAnyOrder("2[\"echo\",\"probe\"]", "37[\"probe\"]");
    }
}
