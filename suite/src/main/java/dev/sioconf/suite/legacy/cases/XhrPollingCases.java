package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;

/** spec/legacy.md section 10: xhr-polling. */
class XhrPollingCases {

    @Requirement("LEG-10.1")
    @LegacyCase(transports = Transport.XHR_POLLING, does = "GETs the first poll of a session and reads its content type")
    void pollAnswersArePlainTextUtf8(LegacyTester t) {
        String sid = t.handshake().sid();
        HttpAnswer a = t.poll(Transport.XHR_POLLING, sid);
        assertThat(a.body()).isEqualTo("1::");
        assertThat(a.header("content-type")).hasValue("text/plain; charset=UTF-8");
    }

    @Requirement("LEG-10.3")
    @LegacyCase(transports = Transport.XHR_POLLING, does = "GETs a poll with an Origin header")
    void crossOriginPollsAreAllowedForTheOrigin(LegacyTester t) {
        String sid = t.handshake().sid();
        HttpAnswer a = t.http().get(t.transportUri(Transport.XHR_POLLING, sid, ""), t.bounds().pollAnswer(),
                "Origin", "http://client.example:8080");
        assertThat(a.header("access-control-allow-origin")).hasValue("http://client.example:8080");
        assertThat(a.header("access-control-allow-credentials")).hasValue("true");
    }

    @Requirement("LEG-10.2")
    @LegacyCase(transports = Transport.XHR_POLLING, does = "POSTs a raw payload as the body")
    void postedBodyIsThePayload(LegacyTester t) {
        String sid = PollingCases.connected(t);
        HttpAnswer posted = t.http().post(t.transportUri(Transport.XHR_POLLING, sid, ""), "text/plain;charset=UTF-8",
                "3:::raw body", Bounds.PROMPT);
        LegacyTester.assertAnswer(posted, 200, "1");
        assertThat(t.poll(Transport.XHR_POLLING, sid).body()).isEqualTo("3:::raw body");
    }
}
