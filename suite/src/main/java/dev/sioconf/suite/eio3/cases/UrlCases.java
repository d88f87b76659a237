package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.List;

/** spec/eio3.md section 2: URLs and query parameters. */
class UrlCases {

    @Requirement("EIO3-2.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes with the query parameters in reverse order (transport before EIO), then POSTs a ping 1:2 with sid first")
    void parametersAreReadInAnyOrder(EngineTester t) {
        HttpAnswer a = t.get("transport=polling&EIO=3");
        assertThat(a.status()).as("status of ?transport=polling&EIO=3 (body %s)", a.body()).isEqualTo(200);
        String sid = open(a).sid();
        HttpAnswer post = t.request("POST", t.path(), "sid=" + sid + "&transport=polling&EIO=3", "text/plain;charset=UTF-8", "1:2");
        EngineTester.assertAnswer(post, 200, "ok");
        EngineTester.assertAnswer(t.get("sid=" + sid + "&EIO=3&transport=polling"), 200, "1:3");
    }

    @Requirement("EIO3-2.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes with a cache buster t and an application parameter, then POSTs a ping and polls with them too")
    void unknownParametersAreIgnored(EngineTester t) {
        HttpAnswer a = t.get("EIO=3&transport=polling&t=MzX1a2b&room=lobby");
        assertThat(a.status()).as("handshake status (body %s)", a.body()).isEqualTo(200);
        String sid = open(a).sid();
        HttpAnswer post = t.request("POST", t.path(), "EIO=3&transport=polling&sid=" + sid + "&t=MzX1a2c&room=lobby",
                "text/plain;charset=UTF-8", "1:2");
        EngineTester.assertAnswer(post, 200, "ok");
        EngineTester.assertAnswer(t.get("EIO=3&transport=polling&sid=" + sid + "&t=MzX1a2d&room=lobby"), 200, "1:3");
    }

    @Requirement("EIO3-2.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes twice without sid, POSTs a ping 1:2 naming the first sid only, then polls the first session")
    void requestWithoutSidIsAHandshakeAndWithSidBelongsToTheSession(EngineTester t) {
        String first = t.handshake().sid();
        String second = t.handshake().sid();
        assertThat(second).as("a second request without sid opens a new session").isNotEqualTo(first);
        EngineTester.assertAnswer(t.post(first, "1:2"), 200, "ok");
        EngineTester.assertAnswer(t.poll(first), 200, "1:3");
    }

    @Requirement("EIO3-2.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling with EIO=abc and without EIO: a revision 3 session, or the eio4 refusal code 5")
    void eioParameterIsIgnoredOrDecidesTheRevision(EngineTester t) {
        for (String q : List.of("EIO=abc&transport=polling", "transport=polling")) {
            HttpAnswer a = t.get(q);
            if (a.status() == 200) {
                assertThat(open(a).sid()).as("sid of the revision 3 session opened by ?%s", q).isNotEmpty();
            } else {
                t.log().note("?" + q + " was refused: the server decides by EIO as eio4 section 6 says");
                EngineTester.assertRefused(a, 5, "Unsupported protocol version");
            }
        }
    }

    /** The open packet of a polling handshake answer, which must be a framed text payload. */
    static OpenPacket open(HttpAnswer handshake) {
        return OpenPacket.parse(Eio3Codec.split(handshake.body()).get(0));
    }
}
