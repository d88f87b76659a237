package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertConnectAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;

import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/** spec/eio4.md section 17: how Socket.IO packets are written and read. */
class SocketIoEncodingCases {

    @Requirement("SIO5-17.1")
    @Eio4Case(does = "joins / and /custom and provokes an event and an ack on each; expects the namespace written "
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

    @Requirement("SIO5-17.2")
    @Eio4Case(does = "joins /, sends 42[ \"message\" , { \"a\" : [ 1 , 2 , \"x y\" ] } ] with whitespace everywhere; "
            + "expects the echo written without any whitespace outside strings")
    void jsonIsWrittenWithoutWhitespace(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[ \"message\" , { \"a\" : [ 1 , 2 , \"x y\" ] } ]");
        c.inbox().assertNextSio("2[\"message-back\",{\"a\":[1,2,\"x y\"]}]");
    }

    @Requirement("SIO5-17.3")
    @Eio4Case(does = "sends 40/custom (no trailing comma); expects 40/custom,{\"sid\":\"...\"} and 42/custom,[\"auth\",{}]")
    void namespaceEndingThePacketNeedsNoComma(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0/custom");
        assertConnectAnswer(c.inbox().nextSio(), "/custom");
        c.inbox().assertNextSio("2/custom,[\"auth\",{}]");
    }

    @Requirement("SIO5-17.3")
    @Eio4Case(does = "joins / and /custom, sends 42[\"message\",\"no namespace\"] and expects the answer on the main namespace")
    void packetWithoutNamespaceIsForTheMainNamespace(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("2[\"message\",\"no namespace\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"no namespace\"]");
    }

    @Requirement("SIO5-17.4")
    @Eio4Case(does = "joins / and /custom, asks for acks with ids 1, 12, 456 and 7890123 (after the namespace on /custom) "
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
