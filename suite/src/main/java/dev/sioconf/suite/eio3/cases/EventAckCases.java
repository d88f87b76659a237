package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextPacket;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextTwoInEitherOrder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.SocketIoPackets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio3.md section 19: events and acknowledgements. */
class EventAckCases {

    @Requirement("SIO4-19.1")
    @Eio3Case(does = "joins /custom, sends 42/custom,[\"sendMessage\",1] and reads the event it provokes")
    void serverEventIsAnArrayWithTheNameFirstOnTheSocketsNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.emit("/custom", "[\"sendMessage\",1]");
        String event = c.inbox().nextSio();
        assertThat(event).as("event on /custom").startsWith("2/custom,[");
        var data = SocketIoPackets.json(event.substring("2/custom,".length()), event);
        assertThat(data.isArray() && data.size() > 0 && data.get(0).isTextual())
                .as("data of %s is an array whose first element is a string", event).isTrue();
        assertThat(data.get(0).asText()).as("event name").isEqualTo("helloBack");
    }

    @Requirement("SIO4-19.2")
    @Eio3Case(does = "joins /, sends 42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}] and expects exactly 43456[1,\"2\",{\"3\":[false]}]")
    void ackCarriesTheSameIdAndTheAckArguments(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        c.inbox().assertNextSio("3456[1,\"2\",{\"3\":[false]}]");
    }

    @Requirement("SIO4-19.2")
    @Eio3Case(does = "joins /custom, sends 42/custom,9[\"message-with-ack\"] and expects the ACK 43/custom,9[]")
    void ackWithoutArgumentsIsAnEmptyArrayOnTheSameNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.emit("/custom", 9, "[\"message-with-ack\"]");
        c.inbox().assertNextSio("3/custom,9[]");
    }

    @Requirement("SIO4-19.2")
    @Eio3Case(does = "joins /, sends 42[\"echo\",\"x\"] (no ack id), then 427[\"echo\",\"y\"]; expects one echo each, "
            + "one ACK 437 only, and nothing more")
    void ackOnlyWhenAskedAndOnlyOnce(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/", "[\"echo\",\"x\"]");
        c.inbox().assertNextSio("2[\"echo\",\"x\"]");
        c.emit("/", 7, "[\"echo\",\"y\"]");
        assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"y\"]", "37", "[\"y\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-19.3")
    @Eio3Case(does = "joins /, sends message 1, message-with-ack 2 (id 5), message 3 and message-with-ack 4 (id 6) "
            + "back to back (one POST, or consecutive frames); expects the answers in that order")
    void packetsAreHandledAndAnsweredInArrivalOrder(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42[\"message\",1]", "425[\"message-with-ack\",2]", "42[\"message\",3]", "426[\"message-with-ack\",4]");
        c.inbox().assertNextSio("2[\"message-back\",1]");
        c.inbox().assertNextSio("35[2]");
        c.inbox().assertNextSio("2[\"message-back\",3]");
        c.inbox().assertNextSio("36[4]");
    }

    @Requirement("SIO4-19.3")
    @Eio3Case(does = "joins /custom, sends ten message-with-ack packets with ids 10 to 19 on /custom back to back; "
            + "expects the ten ACKs in that order")
    void aBurstOnACustomNamespaceIsAnsweredInOrder(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        String[] burst = new String[10];
        for (int i = 0; i < 10; i++) {
            burst[i] = "42/custom," + (10 + i) + "[\"message-with-ack\"," + i + "]";
        }
        c.send(burst);
        for (int i = 0; i < 10; i++) {
            c.inbox().assertNextSio("3/custom," + (10 + i) + "[" + i + "]");
        }
    }

    @Requirement("SIO4-19.4")
    @Eio3Case(does = "joins /, sends an ACK 43999[1] the server never asked for, then 42[\"echo\",1]; expects the echo")
    void unexpectedClientAckIsIgnored(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("3999[1]");
        c.emit("/", "[\"echo\",1]");
        assertNextPacket(c, "2", "[\"echo\",1]");
    }

    @Requirement("SIO4-19.4")
    @Eio3Case(does = "joins / only, sends 42/custom,1[\"message-with-ack\",\"x\"] on the namespace it never joined, "
            + "then 42[\"message\",\"y\"]; expects only message-back on /, the session staying open")
    void packetForANamespaceNotJoinedIsIgnored(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/custom", 1, "[\"message-with-ack\",\"x\"]");
        c.emit("/", "[\"message\",\"y\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"y\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        assertThat(c.inbox().closedBecause()).as("the session must stay open").isNull();
    }
}
