package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.Handshake;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
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

    @Requirement("LEG-2.1")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "handshakes at /socket.io/1 without a trailing slash, then polls /socket.io/1/{transport}/{sid}/ with a"
                    + " trailing slash, both with a query full of path-like text")
    void trailingSlashIsOptionalAndTheQueryPlaysNoPartInRouting(LegacyTester t) {
        String misleading = "x=/socket.io/2/&y=/bogus/0";
        HttpAnswer hs = t.http().get(t.uri("/socket.io/1?t=1&" + misleading), Bounds.PROMPT);
        assertThat(hs.status()).as("handshake status").isEqualTo(200);
        String sid = Handshake.parse(hs.body()).sid();
        String index = t.transport() == Transport.JSONP_POLLING ? "i=0&" : "";
        HttpAnswer poll = t.http().get(t.uri(LegacyTester.RESOURCE + t.transport().wireName() + "/" + sid + "/?" + index + misleading),
                t.bounds().pollAnswer());
        assertThat(Polls.payload(t.transport(), poll)).as("first poll").isEqualTo("1::");
    }

    @Requirement("LEG-2.3")
    @LegacyCase(perTransport = false, does = "handshakes under revision 1 and connects the first offered transport (flashsocket aside) under the same revision")
    void revisionOneIsSpoken(LegacyTester t) {
        HttpAnswer hs = t.handshakeAnswer("");
        assertThat(hs.status()).as("status of GET /socket.io/1/").isEqualTo(200);
        Transport first = t.target().declared().transports().stream()
                .filter(n -> !n.equals("flashsocket")).map(Transport::of).findFirst().orElseThrow();
        Connection c = t.attach(first, Handshake.parse(hs.body()).sid());
        c.inbox().assertNext("1::");
    }
}
