package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.legacy.WirePackets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

/** Transport order and message order: what a client depends on when it picks a transport and streams events. */
class OrderingCases {

    static final int BURST = 200;
    static final int PER_PAYLOAD = 20;

    @Requirement("LEG-3.5")
    @LegacyCase(perTransport = false,
            does = "handshakes as a client that supports every transport, picks the first one the server lists, and uses it")
    void clientFollowingTheServerOrderLandsOnTheFirstOfferedTransport(LegacyTester t) {
        List<String> offered = t.handshake().transports();
        Transport first = offered.stream().filter(n -> !n.equals("flashsocket")).map(Transport::of).findFirst().orElseThrow();
        assertThat(first.wireName()).as("first transport offered").isEqualTo(t.target().declared().transports().get(0));
        Connection c = t.openSession(first);
        c.send("5:::{\"name\":\"sendMessage\"}");
        c.inbox().assertNext("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
    }

    @Requirement("LEG-9.5")
    @LegacyCase(does = "emits 200 numbered echo events, 20 to a payload, and reads the echoes")
    void burstOfNumberedEventsArrivesCompleteAndInOrder(LegacyTester t) {
        Connection c = t.openSession();
        for (int from = 0; from < BURST; from += PER_PAYLOAD) {
            c.send(IntStream.range(from, from + PER_PAYLOAD).mapToObj(OrderingCases::echo).toArray(String[]::new));
        }
        assertThat(c.inbox().awaitPackets(BURST, burstBound(t))).containsExactlyElementsOf(echoes());
    }

    @Requirement("LEG-9.5")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "emits 200 numbered echo events while no poll is held, then polls until all have come")
    void burstQueuedBetweenPollsArrivesCompleteAndInOrder(LegacyTester t) {
        String sid = PollingCases.connected(t);
        for (int from = 0; from < BURST; from += PER_PAYLOAD) {
            t.postPayload(t.transport(), sid, WirePackets.frame(
                    IntStream.range(from, from + PER_PAYLOAD).mapToObj(OrderingCases::echo).toList()));
        }
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + burstBound(t).toNanos();
        while (got.size() < BURST && System.nanoTime() < deadline) {
            WirePackets.split(Polls.payload(t.transport(), t.poll(t.transport(), sid))).stream()
                    .filter(p -> !p.equals("8::")).forEach(got::add);
        }
        assertThat(got).containsExactlyElementsOf(echoes());
    }

    static String echo(int n) {
        return "5:::{\"name\":\"echo\",\"args\":[" + n + "]}";
    }

    static List<String> echoes() {
        return IntStream.range(0, BURST).mapToObj(OrderingCases::echo).toList();
    }

    static Duration burstBound(LegacyTester t) {
        return dev.sioconf.suite.legacy.Bounds.PROMPT.multipliedBy(3).plus(t.bounds().pollAnswer());
    }
}
