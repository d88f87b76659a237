package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextPacket;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.SocketIoPackets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio4.md section 19: events and acknowledgements. The plain-text ack is the official
 * socket.io-protocol check, with its exact frames.
 */
class EventAckCases {

    @Requirement("SIO5-19.1")
    @Eio4Case(does = "joins /custom, sends 42/custom,[\"sendMessage\",1] and reads the event it provokes")
    void serverEventIsAnArrayWithTheNameFirstOnTheSocketsNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.emit("/custom", "[\"sendMessage\",1]");
        String event = c.inbox().nextSio();
        assertThat(event).as("event on /custom").startsWith("2/custom,[");
        var data = SocketIoPackets.json(event.substring("2/custom,".length()), event);
        assertThat(data.isArray() && data.get(0).isTextual()).as("data of %s is an array whose first element is a string", event).isTrue();
        assertThat(data.get(0).asText()).as("event name").isEqualTo("helloBack");
    }

    @Requirement("SIO5-19.2")
    @Eio4Case(does = "official check: joins /, sends 42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}] "
            + "and expects exactly 43456[1,\"2\",{\"3\":[false]}]")
    void ackCarriesTheSameIdAndTheAckArguments(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        c.inbox().assertNextSio("3456[1,\"2\",{\"3\":[false]}]");
    }

    @Requirement("SIO5-19.2")
    @Eio4Case(does = "joins /custom, sends 42/custom,9[\"message-with-ack\"] and expects the ACK 43/custom,9[]")
    void ackWithoutArgumentsIsAnEmptyArrayOnTheSameNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.emit("/custom", 9, "[\"message-with-ack\"]");
        c.inbox().assertNextSio("3/custom,9[]");
    }

    @Requirement("SIO5-19.3")
    @Eio4Case(does = "joins /, sends message-with-ack with the ack ids 0, 2147483647 and 1000000007 and reads the three ACKs")
    void ackIdsAcrossTheWholeRangeComeBackExactly(EngineTester t) {
        EngineConnection c = joined(t, "/");
        for (long id : new long[] {0, 2147483647L, 1000000007L}) {
            c.emit("/", id, "[\"message-with-ack\",\"" + id + "\"]");
            c.inbox().assertNextSio("3" + id + "[\"" + id + "\"]");
        }
    }

    @Requirement("SIO5-19.4")
    @Eio4Case(does = "joins /, sends 42[\"echo\",\"x\"] (no ack id), then 427[\"echo\",\"y\"]; expects one echo each, "
            + "one ACK 437 only, and nothing more")
    void ackOnlyWhenAskedAndOnlyOnce(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/", "[\"echo\",\"x\"]");
        c.inbox().assertNextSio("2[\"echo\",\"x\"]");
        c.emit("/", 7, "[\"echo\",\"y\"]");
        SocketIoPackets.assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"y\"]", "37", "[\"y\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO5-19.5")
    @Eio4Case(does = "joins /, sends message 1, message-with-ack 2 (id 5), message 3 and message-with-ack 4 (id 6) "
            + "back to back; expects the answers in that order")
    void packetsAreHandledAndAnsweredInArrivalOrder(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42[\"message\",1]", "425[\"message-with-ack\",2]", "42[\"message\",3]", "426[\"message-with-ack\",4]");
        c.inbox().assertNextSio("2[\"message-back\",1]");
        c.inbox().assertNextSio("35[2]");
        c.inbox().assertNextSio("2[\"message-back\",3]");
        c.inbox().assertNextSio("36[4]");
    }

    @Requirement("SIO5-19.6")
    @Eio4Case(does = "joins /, sends an ACK 43999[1] the server never asked for, then 42[\"echo\",1]")
    void unexpectedClientAckIsIgnored(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("3999[1]");
        c.emit("/", "[\"echo\",1]");
        assertNextPacket(c, "2", "[\"echo\",1]");
    }
}
