package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.PacketRecorder;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** spec/legacy.md section 14: endpoints. */
class EndpointCases {

    @Requirement("LEG-14.1")
    @LegacyCase(does = "sends 1::/custom on a connected session")
    void connectToAnEndpointIsEchoed(LegacyTester t) {
        Connection c = t.openSession();
        c.send("1::/custom");
        c.inbox().assertNext("1::/custom");
    }

    @Requirement("LEG-14.3")
    @LegacyCase(does = "joins /custom and emits sendMessage on it")
    void packetsOnAnEndpointAreAnsweredOnThatEndpoint(LegacyTester t) {
        Connection c = t.openSession();
        c.join("/custom");
        c.send("5::/custom:{\"name\":\"sendMessage\",\"args\":[]}");
        c.inbox().assertNext("5::/custom:{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
    }

    @Requirement("LEG-14.4")
    @LegacyCase(does = "joins /custom, leaves it with 0::/custom, then uses the default endpoint")
    void leavingAnEndpointKeepsTheSession(LegacyTester t) {
        Connection c = t.openSession();
        c.join("/custom");
        c.send("0::/custom");
        c.send("3:::still connected");
        c.inbox().assertNext("3:::still connected");
    }

    @Requirement("LEG-14.2")
    @LegacyCase(does = "connects the transport, takes 1:: and at once emits echo on the default endpoint, never sending 1:: itself")
    void defaultEndpointServesWithoutAConnectFromTheClient(LegacyTester t) {
        Connection c = t.attach(t.transport(), t.handshake().sid());
        c.inbox().assertNext("1::");
        c.send("5:::{\"name\":\"echo\",\"args\":[\"no 1:: sent\"]}");
        c.inbox().assertNext("5:::{\"name\":\"echo\",\"args\":[\"no 1:: sent\"]}");
    }

    @Requirement("LEG-14.5")
    @LegacyCase(does = "sends 1::/nowhere for an endpoint outside the contract and then a message, and gathers what comes back for as long as a prompt answer may take")
    void connectToAnEndpointNotServedIsNotConfirmed(LegacyTester t) {
        Connection c = t.openSession();
        c.send("1::/nowhere", "3:::after");
        List<String> got = gather(c.inbox(), Bounds.PROMPT);
        assertThat(got).as("packets after 1::/nowhere").doesNotContain("1::/nowhere").isNotEmpty()
                // The message shows the request was handled; an error on /nowhere is the allowed refusal.
                .allMatch(p -> p.equals("3:::after") || p.startsWith("7::/nowhere"));
    }

    /**
     * Every packet that arrives within {@code bound}, up to the end of the connection. The recorder
     * takes any error packet as the end, so a refusal on /nowhere ends the list too.
     */
    static List<String> gather(PacketRecorder inbox, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> got = new ArrayList<>();
        for (long left = bound.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            try {
                got.add(inbox.next(Duration.ofNanos(left)));
            } catch (TargetMisbehaved quietOrEnded) {
                break;
            }
        }
        return got;
    }
}
