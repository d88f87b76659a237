package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.RawTcp;
import java.util.List;

/** spec/legacy.md section 2: the resource, the revision, and requests for transports not offered. */
class RoutingCases {

    @Requirement("LEG-2.2")
    @LegacyCase(perTransport = false, does = "GETs /socket.io/")
    void resourceRootAnswersWelcome(LegacyTester t) {
        LegacyTester.assertAnswer(t.http().get(t.uri("/socket.io/"), Bounds.PROMPT), 200, "Welcome to socket.io.");
    }

    @Requirement("LEG-2.4")
    @LegacyCase(perTransport = false, does = "handshakes on protocol revision 2 (/socket.io/2/)")
    void unknownRevisionIsAnsweredWith500(LegacyTester t) {
        assertThat(t.http().get(t.uri("/socket.io/2/?t=1"), Bounds.PROMPT).status()).isEqualTo(500);
    }

    @Requirement("LEG-2.6")
    @LegacyCase(perTransport = false, does = "requests every transport the target does not offer, for a live session, over a raw socket")
    void transportNotOfferedIsDroppedWithoutAnAnswer(LegacyTester t) {
        String sid = t.handshake().sid();
        List<String> notOffered = List.of(Transport.values()).stream().map(Transport::wireName)
                .filter(n -> !t.target().offers(n) && !n.equals("websocket")).toList();
        for (String name : notOffered) {
            RawTcp.Exchange e = RawTcp.exchange(t.target().base(), "GET " + LegacyTester.RESOURCE + name + "/" + sid
                    + " HTTP/1.1\r\nHost: " + t.target().base().getAuthority() + "\r\n\r\n", Bounds.PROMPT, t.log());
            assertThat(e.received()).as("answer to a request for %s", name).isEmpty();
            assertThat(e.closedByServer()).as("connection closed for %s", name).isTrue();
        }
    }
}
