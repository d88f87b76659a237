package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.legacy.WirePackets;
import java.util.List;
import java.util.stream.IntStream;

/** spec/legacy.md section 5: several packets in one body. */
class PayloadFramingCases {

    @Requirement("LEG-5.2")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "queues two messages with characters outside ASCII and the BMP, then polls once")
    void frameLengthsCountUtf16CodeUnits(LegacyTester t) {
        String sid = PollingCases.connected(t);
        List<String> packets = List.of("3:::caf\u00e9 \u20ac", "3:::\uD83D\uDE00!");
        t.postPayload(t.transport(), sid, WirePackets.frame(packets));
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid)))
                .isEqualTo("\ufffd10\ufffd3:::caf\u00e9 \u20ac\ufffd7\ufffd3:::\uD83D\uDE00!");
    }

    @Requirement("LEG-5.4")
    // Not on websocket: a framed payload inside one frame is only a MAY there (LEG-8.4), and 0.9.19 does not read it.
    @LegacyCase(transports = {Transport.HTMLFILE, Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "sends one bare packet, then the same packet framed alone")
    void bareAndFramedSinglePacketsAreBothRead(LegacyTester t) {
        var c = t.openSession();
        c.sendPayload("3:::bare");
        c.sendPayload("\ufffd10\ufffd3:::framed");
        c.inbox().assertNext("3:::bare", "3:::framed");
    }

    @Requirement("LEG-5.1")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs a message and a message with id 4 while no poll is held, then GETs once")
    void severalPacketsInOneBodyAreEachFramedWithTheirLength(LegacyTester t) {
        String sid = PollingCases.connected(t);
        t.postPayload(t.transport(), sid, WirePackets.frame(List.of("3:::first", "3:4::second")));
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid)))
                .isEqualTo("\ufffd9\ufffd3:::first\ufffd5\ufffd6:::4\ufffd10\ufffd3:::second");
    }

    @Requirement("LEG-5.3")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs one message while no poll is held, then GETs once")
    void singlePacketInABodyIsSentBare(LegacyTester t) {
        String sid = PollingCases.connected(t);
        t.postPayload(t.transport(), sid, "3:::alone");
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid))).isEqualTo("3:::alone");
    }

    @Requirement("LEG-5.5")
    @LegacyCase(transports = {Transport.HTMLFILE, Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "POSTs one framed payload of twelve numbered messages and reads the echoes")
    void packetsOfOnePayloadAreHandledInOrder(LegacyTester t) {
        Connection c = t.openSession();
        List<String> numbered = IntStream.rangeClosed(1, 12).mapToObj(n -> "3:::#" + n).toList();
        c.sendPayload(WirePackets.frame(numbered));
        assertThat(c.inbox().awaitPackets(numbered.size(), Bounds.PROMPT.plus(t.bounds().pollAnswer())))
                .containsExactlyElementsOf(numbered);
    }
}
