package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;

/** spec/eio4.md section 2: URLs and query parameters. */
class UrlCases {

    @Requirement("EIO4-2.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes with the query parameters in reverse order (transport before EIO)")
    void parametersAreReadInAnyOrder(EngineTester t) {
        HttpAnswer a = t.get("transport=polling&EIO=4");
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(OpenPacket.parse(a.body()).sid()).isNotEmpty();
    }

    @Requirement("EIO4-2.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes with a cache buster t and an application parameter, then polls with them too")
    void unknownParametersAreIgnored(EngineTester t) {
        HttpAnswer a = t.get("EIO=4&transport=polling&t=PkX1a2b&room=lobby");
        assertThat(a.status()).as("handshake status").isEqualTo(200);
        String sid = OpenPacket.parse(a.body()).sid();
        HttpAnswer post = t.request("POST", t.path(), "EIO=4&transport=polling&sid=" + sid + "&t=PkX1a2c&room=lobby",
                "text/plain;charset=UTF-8", "6");
        EngineTester.assertAnswer(post, 200, "ok");
    }

    @Requirement("EIO4-2.3")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes twice without sid, then POSTs a noop naming the first sid")
    void requestWithoutSidIsAHandshakeAndWithSidBelongsToTheSession(EngineTester t) {
        String first = t.handshake().sid();
        String second = t.handshake().sid();
        assertThat(second).as("a second request without sid opens a new session").isNotEqualTo(first);
        EngineTester.assertAnswer(t.post(first, "6"), 200, "ok");
    }
}
