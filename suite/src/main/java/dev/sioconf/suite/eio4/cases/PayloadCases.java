package dev.sioconf.suite.eio4.cases;

import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import java.util.ArrayList;
import java.util.List;

/** spec/eio4.md section 5: payloads on HTTP. */
class PayloadCases {

    static final String SEP = Eio4Codec.SEP;

    @Requirement("EIO4-5.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 4test1\\x1e4test2\\x1e4test3, then polls (pings answered and left out)")
    void severalPacketsAreJoinedBySingleSeparators(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        EngineTester.assertAnswer(t.post(t.echoPath(), sid, "4test1" + SEP + "4test2" + SEP + "4test3"), 200, "ok");
        EngineTester.assertAnswer(t.pollPastPings(t.echoPath(), sid), 200, "4test1" + SEP + "4test2" + SEP + "4test3");
    }

    @Requirement("EIO4-5.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 4hello, then polls (pings answered and left out)")
    void onePacketIsTheWholeBody(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        EngineTester.assertAnswer(t.post(t.echoPath(), sid, "4hello"), 200, "ok");
        EngineTester.assertAnswer(t.pollPastPings(t.echoPath(), sid), 200, "4hello");
    }

    @Requirement("EIO4-5.3")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "at the echo path POSTs 4a\\x1ebAQIDBA==\\x1e4b\\x1ebBQY= in one body and reads the echoes")
    void mixedTextAndBinaryBodyIsProcessedInOrder(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4a", "bAQIDBA==", "4b", "bBQY=");
        c.inbox().assertNext("4a", "bAQIDBA==", "4b", "bBQY=");
    }

    @Requirement("EIO4-5.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 4a, 4b and 4c in three bodies with no poll held, then polls once")
    void packetsQueuedWithoutAPollComeInTheNextAnswer(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        for (String p : List.of("4a", "4b", "4c")) {
            EngineTester.assertAnswer(t.post(t.echoPath(), sid, p), 200, "ok");
        }
        EngineTester.assertAnswer(t.pollPastPings(t.echoPath(), sid), 200, "4a" + SEP + "4b" + SEP + "4c");
    }

    @Requirement("EIO4-5.5")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "keeps polling at the echo path while POSTing 4m1 to 4m30 one by one; reads every echo")
    void everyPacketIsDeliveredOnceAndInOrderAcrossPolls(EngineTester t) {
        EngineConnection c = t.openEcho();
        List<String> sent = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            sent.add("4m" + i);
            c.send("4m" + i);
        }
        org.assertj.core.api.Assertions.assertThat(c.inbox().awaitPackets(30, EngineTester.longBound(t)))
                .as("echoes, in order").containsExactlyElementsOf(sent);
        c.inbox().assertExhausted(dev.sioconf.suite.engine.EngineBounds.QUIET);
    }
}
