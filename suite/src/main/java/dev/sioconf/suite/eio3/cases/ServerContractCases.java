package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextAttachment;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextPacket;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextTwoInEitherOrder;
import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.eio4.SocketIoPackets.placeholder;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio3.md section 23: the server contract the Socket.IO cases rely on, on {@code /} and
 * {@code /custom}. The message and message-with-ack answers are compared as exact text; the echo
 * as JSON values, except where SIO4-23.6 makes member order part of the rule.
 */
class ServerContractCases {

    static final String TWO = placeholder(0) + "," + placeholder(1);

    @Requirement("SIO4-23.1")
    @Eio3Case(does = "joins /custom and sends message, message-with-ack (id 456) and sendMessage on it; "
            + "then sends 40/random, on the same session and expects 44/random,\"Invalid namespace\"")
    void contractRunsOnCustomAndRandomIsNotServed(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("2/custom,[\"message\",1,\"2\",{\"3\":[true]}]");
        c.inbox().assertNextSio("2/custom,[\"message-back\",1,\"2\",{\"3\":[true]}]");
        c.sendSio("2/custom,456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        c.inbox().assertNextSio("3/custom,456[1,\"2\",{\"3\":[false]}]");
        c.emit("/custom", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.sendSio("0/random,");
        c.inbox().assertNextSio("4/random,\"Invalid namespace\"");
    }

    @Requirement("SIO4-23.1")
    @Eio3Case(does = "joins / and /custom, sends message on /custom and then on /; expects each answer on the namespace "
            + "its request came on")
    void answersGoToTheNamespaceOfTheRequest(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.emit("/custom", "[\"message\",\"c\"]");
        c.inbox().assertNextSio("2/custom,[\"message-back\",\"c\"]");
        c.emit("/", "[\"message\",\"m\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"m\"]");
    }

    @Requirement("SIO4-23.2")
    @Eio3Case(does = "joins /, sends 42[\"sendMessage\"] and 42[\"sendMessage\",1,{\"a\":2}]; expects helloBack twice")
    void sendMessageIsAnsweredWithHelloBack(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.emit("/", "[\"sendMessage\",1,{\"a\":2}]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
    }

    @Requirement("SIO4-23.3")
    @Eio3Case(does = "joins / and /custom, sends 42[\"echo\",\"a\",1], 421[\"echo\",\"a\",1] and 42/custom,3[\"echo\",true]")
    void echoSendsTheArgumentsBackAndAcknowledgesThem(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.emit("/", "[\"echo\",\"a\",1]");
        assertNextPacket(c, "2", "[\"echo\",\"a\",1]");
        c.emit("/", 1, "[\"echo\",\"a\",1]");
        assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"a\",1]", "31", "[\"a\",1]");
        c.emit("/custom", 3, "[\"echo\",true]");
        assertNextTwoInEitherOrder(c, "2/custom,", "[\"echo\",true]", "3/custom,3", "[true]");
    }

    @Requirement("SIO4-23.4")
    @Eio3Case(does = "joins /, sends 42[\"message\",1,\"2\",{\"3\":[true]}] and expects exactly 42[\"message-back\",1,\"2\",{\"3\":[true]}]")
    void messageIsSentBackAsMessageBack(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[\"message\",1,\"2\",{\"3\":[true]}]");
        c.inbox().assertNextSio("2[\"message-back\",1,\"2\",{\"3\":[true]}]");
    }

    @Requirement("SIO4-23.4")
    @Eio3Case(does = "joins /custom, sends 452-/custom,[\"message\",\"x\",<placeholder 0>,<placeholder 1>] with attachments "
            + "0a and 0b 0c; expects message-back with the same arguments and attachments")
    void messageBackCarriesTheAttachments(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.sendSio("52-/custom,[\"message\",\"x\"," + TWO + "]", bytes(0x0a), bytes(0x0b, 0x0c));
        c.inbox().assertNextSio("52-/custom,[\"message-back\",\"x\"," + TWO + "]");
        assertNextAttachment(c, bytes(0x0a));
        assertNextAttachment(c, bytes(0x0b, 0x0c));
    }

    @Requirement("SIO4-23.5")
    @Eio3Case(does = "joins /, sends 42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]; expects exactly "
            + "43456[1,\"2\",{\"3\":[false]}] and then nothing else")
    void messageWithAckIsOnlyAcknowledged(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        c.inbox().assertNextSio("3456[1,\"2\",{\"3\":[false]}]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-23.5")
    @Eio3Case(does = "joins /, sends 452-789[\"message-with-ack\",<placeholder 0>,<placeholder 1>] with attachments "
            + "01 02 03 and 04 05 06; expects exactly 462-789[...] with the same attachments and then nothing else")
    void binaryMessageWithAckIsOnlyAcknowledged(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-789[\"message-with-ack\"," + TWO + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        c.inbox().assertNextSio("62-789[" + TWO + "]");
        assertNextAttachment(c, bytes(1, 2, 3));
        assertNextAttachment(c, bytes(4, 5, 6));
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-23.6")
    @Eio3Case(does = "opens a session, takes the implicit 40 and watches; joins /custom and watches again; expects nothing "
            + "of the application's own")
    void nothingIsEmittedOnConnection(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        c.sendSio("0/custom,");
        c.inbox().assertNextSio("0/custom,");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-23.6")
    @Eio3Case(does = "joins /, sends 42[\"echo\",{\"z\":1,\"a\":{\"y\":[true],\"b\":null},\"m\":\"é\"}] and expects the echo "
            + "with every member in the order sent, then nothing more")
    void echoedObjectsKeepTheirMemberOrder(EngineTester t) {
        EngineConnection c = joined(t, "/");
        String args = "[\"echo\",{\"z\":1,\"a\":{\"y\":[true],\"b\":null},\"m\":\"\u00e9\"}]";
        c.emit("/", args);
        c.inbox().assertNextSio("2" + args);
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }
}
