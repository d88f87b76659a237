package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.TargetMisbehaved;

/**
 * spec/eio4.md section 22: malformed Socket.IO packets. The first three are the official
 * socket.io-protocol checks, sent after a successful CONNECT to {@code /} with their exact frames.
 * Each bad packet names an event of the contract, so that a server that handed it to the
 * application would answer, and the case would see it (SIO5-22.6).
 */
class MalformedSocketIoPacketCases {

    @Requirement("SIO5-22.1")
    @Eio4Case(does = "official check: joins /, sends 4abc, and expects the session to end")
    void unknownPacketTypeClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("4abc");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "4abc after CONNECT");
    }

    @Requirement("SIO5-22.2")
    @Eio4Case(does = "official check: joins /, sends 42{}, and expects the session to end")
    void eventDataThatIsNotAnArrayClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42{}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "42{} after CONNECT");
    }

    @Requirement("SIO5-22.3")
    @Eio4Case(does = "official check: joins /, sends 42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}], "
            + "and expects the session to end without an ACK")
    void textBetweenTypeAndDataThatIsNoAckIdClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an ack id that is not a number");
    }

    @Requirement("SIO5-22.4")
    @Eio4Case(does = "joins /, sends the empty event 42[]")
    void emptyEventArrayClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an event without a name");
    }

    @Requirement("SIO5-22.4")
    @Eio4Case(does = "joins /, sends 42[{\"name\":\"echo\"},1], an event whose name is an object")
    void eventNameThatIsNoStringClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[{\"name\":\"echo\"},1]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an event name that is an object");
    }

    @Requirement("SIO5-22.4")
    @Eio4Case(does = "joins /, sends 42[\"disconnecting\"], an event name socket.io reserves")
    void reservedEventNameClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("2[\"disconnecting\"]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "the reserved event name disconnecting");
    }

    @Requirement("SIO5-22.5")
    @Eio4Case(does = "joins /, sends 40/custom,\"token\", a CONNECT whose data is a string")
    void connectDataThatIsNoObjectClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom,\"token\"");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "CONNECT data that is not an object");
    }

    @Requirement("SIO5-22.5")
    @Eio4Case(does = "joins / and /custom, sends 41/custom,{\"x\":1}, a DISCONNECT with data")
    void disconnectWithDataClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom,{\"x\":1}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a DISCONNECT carrying data");
    }

    @Requirement("SIO5-22.5")
    @Eio4Case(does = "joins /, sends 431{\"x\":1}, an ACK whose data is an object")
    void ackDataThatIsNoArrayClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("31{\"x\":1}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "ACK data that is not an array");
    }

    @Requirement("SIO5-22.5")
    @Eio4Case(does = "joins /, sends 44{\"message\":\"x\"}, a CONNECT_ERROR, which only servers send")
    void connectErrorFromTheClientClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("4{\"message\":\"x\"}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a CONNECT_ERROR from the client");
    }

    @Requirement("SIO5-22.6")
    @Eio4Case(does = "joins /, sends the truncated event 42[\"echo\",\"x\" and then 427{\"0\":\"message-with-ack\"} "
            + "back to back; expects the session to end with no echo and no ACK")
    void malformedPacketsNeverReachTheApplication(EngineTester t) {
        EngineConnection c = joined(t, "/");
        if (c.onWebSocket()) {
            c.send("42[\"echo\",\"x\"");
            try {
                c.send("427{\"0\":\"message-with-ack\"}");
            } catch (TargetMisbehaved e) {
                // the server already closed the WebSocket on the first packet, as it may
            }
        } else {
            c.send("42[\"echo\",\"x\"", "427{\"0\":\"message-with-ack\"}");
        }
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an event with truncated JSON");
    }
}
