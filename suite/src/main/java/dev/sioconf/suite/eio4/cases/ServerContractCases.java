package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertConnectAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextPacket;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextTwoInEitherOrder;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio4.md section 23: the server contract the Socket.IO cases rely on. The plain-text
 * message and message-with-ack are the official socket.io-protocol checks, with their exact frames;
 * other data is compared as JSON values, except where SIO5-23.7 makes member order part of the rule.
 */
class ServerContractCases {

    @Requirement("SIO5-23.1")
    @Eio4Case(does = "joins /custom and sends message, message-with-ack (id 456) and sendMessage on it; "
            + "then sends 40/random on the same session")
    void contractRunsOnCustomAndRandomIsNotServed(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.sendSio("2/custom,[\"message\",1,\"2\",{\"3\":[true]}]");
        c.inbox().assertNextSio("2/custom,[\"message-back\",1,\"2\",{\"3\":[true]}]");
        c.sendSio("2/custom,456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        c.inbox().assertNextSio("3/custom,456[1,\"2\",{\"3\":[false]}]");
        c.emit("/custom", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.sendSio("0/random,");
        c.inbox().assertNextSio("4/random,{\"message\":\"Invalid namespace\"}");
    }

    @Requirement("SIO5-23.2")
    @Eio4Case(does = "sends 40/custom,{\"token\":\"abc\",\"n\":[1,{\"x\":null}]} then 40; expects each CONNECT answer "
            + "followed at once by its auth event with the auth object, or {} for none")
    void authEventFollowsEachConnectAnswerWithTheAuthObject(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0/custom,{\"token\":\"abc\",\"n\":[1,{\"x\":null}]}");
        assertConnectAnswer(c.inbox().nextSio(), "/custom");
        assertNextPacket(c, "2/custom,", "[\"auth\",{\"token\":\"abc\",\"n\":[1,{\"x\":null}]}]");
        c.sendSio("0");
        assertConnectAnswer(c.inbox().nextSio(), "/");
        c.inbox().assertNextSio("2[\"auth\",{}]");
    }

    @Requirement("SIO5-23.3")
    @Eio4Case(does = "joins /, sends 42[\"sendMessage\"] and 42[\"sendMessage\",1,{\"a\":2}]; expects helloBack twice")
    void sendMessageIsAnsweredWithHelloBack(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.emit("/", "[\"sendMessage\",1,{\"a\":2}]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
    }

    @Requirement("SIO5-23.4")
    @Eio4Case(does = "joins / and /custom, sends 42[\"echo\",\"a\",1], 421[\"echo\",\"a\",1] and 42/custom,3[\"echo\",true]")
    void echoSendsTheArgumentsBackAndAcknowledgesThem(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.emit("/", "[\"echo\",\"a\",1]");
        assertNextPacket(c, "2", "[\"echo\",\"a\",1]");
        c.emit("/", 1, "[\"echo\",\"a\",1]");
        assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"a\",1]", "31", "[\"a\",1]");
        c.emit("/custom", 3, "[\"echo\",true]");
        assertNextTwoInEitherOrder(c, "2/custom,", "[\"echo\",true]", "3/custom,3", "[true]");
    }

    @Requirement("SIO5-23.5")
    @Eio4Case(does = "official check: joins /, sends 42[\"message\",1,\"2\",{\"3\":[true]}] "
            + "and expects exactly 42[\"message-back\",1,\"2\",{\"3\":[true]}]")
    void messageIsSentBackAsMessageBack(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[\"message\",1,\"2\",{\"3\":[true]}]");
        c.inbox().assertNextSio("2[\"message-back\",1,\"2\",{\"3\":[true]}]");
    }

    @Requirement("SIO5-23.6")
    @Eio4Case(does = "joins /, sends 42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]; expects exactly "
            + "43456[1,\"2\",{\"3\":[false]}] and then nothing else")
    void messageWithAckIsOnlyAcknowledged(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        c.inbox().assertNextSio("3456[1,\"2\",{\"3\":[false]}]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO5-23.7")
    @Eio4Case(does = "joins /, sends 42[\"echo\",{\"z\":1,\"a\":{\"y\":[true],\"b\":null},\"m\":\"é\"}] and expects the echo "
            + "with every member in the order sent")
    void echoedObjectsKeepTheirMemberOrder(EngineTester t) {
        EngineConnection c = joined(t, "/");
        String args = "[\"echo\",{\"z\":1,\"a\":{\"y\":[true],\"b\":null},\"m\":\"\u00e9\"}]";
        c.emit("/", args);
        c.inbox().assertNextSio("2" + args);
    }

    @Requirement("SIO5-23.8")
    @Eio4Case(does = "joins / and /custom, sends sendMessage on /, and expects helloBack and then nothing of the application's own")
    void theApplicationSendsNothingUnasked(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.emit("/", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }
}
