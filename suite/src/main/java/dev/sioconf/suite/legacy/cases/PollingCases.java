package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.concurrent.CompletableFuture;

/** spec/legacy.md section 9: what xhr-polling and jsonp-polling have in common. */
class PollingCases {

    static final String XHR_WRAPPED_NOOP = "8::";

    @Requirement("LEG-9.1")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "takes the connect packet, then GETs again with nothing queued and times the answer")
    void emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop(LegacyTester t) {
        String sid = connected(t);
        HttpAnswer a = t.poll(t.transport(), sid);
        assertThat(Polls.payload(t.transport(), a)).as("answer to an empty poll").isEqualTo("8::");
        assertThat(a.elapsed()).as("time the empty poll was held")
                .isBetween(t.bounds().pollHeldAtLeast(), t.bounds().pollHeldAtMost());
    }

    @Requirement("LEG-9.2")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "holds an empty poll, POSTs an event meanwhile, and times the poll's answer")
    void heldPollIsAnsweredAsSoonAsDataArrives(LegacyTester t) {
        String sid = connected(t);
        CompletableFuture<HttpAnswer> held = CompletableFuture.supplyAsync(() -> t.poll(t.transport(), sid));
        t.pause(t.bounds().pollingDuration().dividedBy(4), "let the poll be held");
        t.postPayload(t.transport(), sid, "3:::early");
        HttpAnswer a = held.join();
        assertThat(Polls.payload(t.transport(), a)).isEqualTo("3:::early");
        assertThat(a.elapsed()).as("time until the held poll was answered").isLessThan(t.bounds().pollingDuration());
    }

    @Requirement("LEG-9.3")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs three messages while no poll is held, then GETs once")
    void packetsQueuedBetweenPollsComeInOneFramedAnswerInOrder(LegacyTester t) {
        String sid = connected(t);
        t.postPayload(t.transport(), sid, "\ufffd7\ufffd3:::one\ufffd7\ufffd3:::two\ufffd9\ufffd3:::three");
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid)))
                .isEqualTo("\ufffd7\ufffd3:::one\ufffd7\ufffd3:::two\ufffd9\ufffd3:::three");
    }

    @Requirement("LEG-9.6")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs a message and reads the POST's own answer")
    void postIsAnsweredWithOne(LegacyTester t) {
        Connection c = t.openSession();
        c.send("3:::hello");
        c.inbox().assertNext("3:::hello");
    }

    static String connected(LegacyTester t) {
        String sid = t.handshake().sid();
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid))).as("first poll").isEqualTo("1::");
        return sid;
    }
}
