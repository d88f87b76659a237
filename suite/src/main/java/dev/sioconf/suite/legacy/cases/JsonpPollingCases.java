package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** spec/legacy.md section 11: jsonp-polling. */
class JsonpPollingCases {

    @Requirement("LEG-11.1")
    @LegacyCase(transports = Transport.JSONP_POLLING, does = "GETs the first poll with i=7")
    void pollIsWrappedInTheCallbackOfTheRequestedIndex(LegacyTester t) {
        String sid = t.handshake().sid();
        HttpAnswer a = t.poll(Transport.JSONP_POLLING, sid, "i=7");
        LegacyTester.assertAnswer(a, 200, "io.j[7](\"1::\");");
        assertThat(a.header("content-type")).hasValue("text/javascript; charset=UTF-8");
    }

    @Requirement("LEG-11.2")
    @LegacyCase(transports = Transport.JSONP_POLLING, does = "GETs the first poll with an index that is not a number")
    void indexThatIsNotANumberFallsBackToZero(LegacyTester t) {
        String sid = t.handshake().sid();
        String hostile = URLEncoder.encode("1);alert(1)//", StandardCharsets.UTF_8);
        LegacyTester.assertAnswer(t.poll(Transport.JSONP_POLLING, sid, "i=" + hostile), 200, "io.j[0](\"1::\");");
    }

    @Requirement("LEG-11.4")
    @LegacyCase(transports = Transport.JSONP_POLLING, does = "POSTs d=<payload> as a form, then polls")
    void formPostCarriesThePayloadInFieldD(LegacyTester t) {
        String sid = PollingCases.connected(t);
        String form = LegacyTester.jsonpForm("5:::{\"name\":\"echo\",\"args\":[\"a\\\"b\"]}");
        HttpAnswer posted = t.http().post(t.transportUri(Transport.JSONP_POLLING, sid, "i=0"),
                "application/x-www-form-urlencoded", form, Bounds.PROMPT);
        LegacyTester.assertAnswer(posted, 200, "1");
        LegacyTester.assertAnswer(t.poll(Transport.JSONP_POLLING, sid, "i=2"), 200,
                "io.j[2](\"5:::{\\\"name\\\":\\\"echo\\\",\\\"args\\\":[\\\"a\\\\\\\"b\\\"]}\");");
    }

    @Requirement("LEG-11.3")
    @LegacyCase(transports = Transport.JSONP_POLLING, does = "takes the connect packet, then GETs again with i=4 and nothing queued")
    void noopAtTheEndOfThePollIsWrappedInTheCallback(LegacyTester t) {
        String sid = PollingCases.connected(t);
        LegacyTester.assertAnswer(t.poll(Transport.JSONP_POLLING, sid, "i=4"), 200, "io.j[4](\"8::\");");
    }

    @Requirement("LEG-11.3")
    @LegacyCase(transports = Transport.JSONP_POLLING, does = "GETs a poll with i=5 for a session id that was never issued")
    void unknownSessionIsToldSoInTheCallback(LegacyTester t) {
        LegacyTester.assertAnswer(t.poll(Transport.JSONP_POLLING, "0000000000sioconf", "i=5"), 200, "io.j[5](\"7:::1+0\");");
    }
}
