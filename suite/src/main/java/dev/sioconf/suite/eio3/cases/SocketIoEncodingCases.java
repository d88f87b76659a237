package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio3.md section 17: how Socket.IO 4 packets are written and read. */
class SocketIoEncodingCases {

    @Requirement("SIO4-17.1")
    @Eio3Case(does = "joins / and /custom and provokes an event and an ack on each; expects the namespace written "
            + "with its comma on /custom only, and no attachment count")
    void namespaceIsWrittenOnlyWhenItIsNotTheMainOne(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.emit("/", 12, "[\"message-with-ack\",\"m\"]");
        c.inbox().assertNextSio("312[\"m\"]");
        c.emit("/custom", 13, "[\"message-with-ack\",\"c\"]");
        c.inbox().assertNextSio("3/custom,13[\"c\"]");
        c.emit("/", "[\"message\",\"m\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"m\"]");
        c.emit("/custom", "[\"message\",\"c\"]");
        c.inbox().assertNextSio("2/custom,[\"message-back\",\"c\"]");
    }

    @Requirement("SIO4-17.1")
    @Eio3Case(does = "sends 40/custom, and expects the CONNECT answer 40/custom, with no data after the comma, and nothing more")
    void connectAnswerCarriesNoData(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom,");
        assertThat(c.inbox().nextSio()).as("CONNECT answer (no sid object in revision 4)").isEqualTo("0/custom,");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-17.1")
    @Eio3Case(does = "joins /, sends 42[ \"message\" , { \"a\" : [ 1 , 2 , \"x y\" ] } ] with whitespace everywhere; "
            + "expects the echo written without any whitespace outside strings")
    void jsonIsWrittenWithoutWhitespace(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[ \"message\" , { \"a\" : [ 1 , 2 , \"x y\" ] } ]");
        c.inbox().assertNextSio("2[\"message-back\",{\"a\":[1,2,\"x y\"]}]");
    }

    @Requirement("SIO4-17.2")
    @Eio3Case(does = "sends 40/custom (no trailing comma); expects exactly 40/custom, and then an answer on /custom")
    void namespaceEndingAConnectNeedsNoComma(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom");
        c.inbox().assertNextSio("0/custom,");
        c.emit("/custom", 4, "[\"message-with-ack\",\"joined\"]");
        c.inbox().assertNextSio("3/custom,4[\"joined\"]");
    }

    @Requirement("SIO4-17.2")
    @Eio3Case(does = "joins / and /custom, sends 41/custom (no trailing comma), then message-with-ack on /custom (id 3) and "
            + "message on /; expects only the answer on /")
    void namespaceEndingADisconnectNeedsNoComma(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        c.emit("/custom", 3, "[\"message-with-ack\",\"left\"]");
        c.emit("/", "[\"message\",\"main\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"main\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-17.2")
    @Eio3Case(does = "joins / and /custom, sends 42[\"message\",\"no namespace\"] and expects the answer on the main namespace")
    void packetWithoutNamespaceIsForTheMainNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("2[\"message\",\"no namespace\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"no namespace\"]");
    }

    @Requirement("SIO4-17.2")
    @Eio3Case(does = "joins / and /custom, asks for acks with ids 1, 12, 456 and 7890123 (after the namespace on /custom) "
            + "and expects each id back with the same digits")
    void ackIdsOfOneOrMoreDigitsComeBackWithTheSameDigits(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        for (String id : new String[] {"1", "12", "456", "7890123"}) {
            c.sendSio("2" + id + "[\"message-with-ack\"," + id + "]");
            c.inbox().assertNextSio("3" + id + "[" + id + "]");
            c.sendSio("2/custom," + id + "[\"message-with-ack\"," + id + "]");
            c.inbox().assertNextSio("3/custom," + id + "[" + id + "]");
        }
    }
}
