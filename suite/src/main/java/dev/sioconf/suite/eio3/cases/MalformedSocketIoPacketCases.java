package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio3.md section 22: malformed Socket.IO packets, each sent after the implicit {@code 40}
 * (and a joined {@code /custom} where it is about it). Where a bad packet could still be read as an
 * event of the contract, it names one, so that a server that handed it to the application would
 * answer and the case would see it.
 */
class MalformedSocketIoPacketCases {

    @Requirement("SIO4-22.1")
    @Eio3Case(does = "joins /, sends 42{}, and expects the session to end without an answer")
    void eventDataThatIsAnObjectClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42{}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "42{}: event data that is not an array");
    }

    @Requirement("SIO4-22.1")
    @Eio3Case(does = "joins /, sends 42\"message\", an event whose data is a string, and expects the session to end")
    void eventDataThatIsAStringClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42\"message\"");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "42\"message\": event data that is not an array");
    }

    @Requirement("SIO4-22.1")
    @Eio3Case(does = "joins /, sends the empty event 42[], and expects the session to end")
    void emptyEventArrayClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42[]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "42[]: an event without a name");
    }

    @Requirement("SIO4-22.1")
    @Eio3Case(does = "joins /, sends 421[{\"name\":\"echo\"},1], an event whose name is an object, and expects the session to "
            + "end without an echo or ACK")
    void eventNameThatIsAnObjectClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("421[{\"name\":\"echo\"},1]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an event name that is an object");
    }

    @Requirement("SIO4-22.1")
    @Eio3Case(does = "joins /custom, sends 42/custom,1[null,\"echo\"], an event whose name is null, and expects the session to end")
    void eventNameThatIsNullClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.send("42/custom,1[null,\"echo\"]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an event name that is null");
    }

    @Requirement("SIO4-22.2")
    @Eio3Case(does = "joins /, sends 42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}], and expects the session to end "
            + "without an ACK")
    void textBetweenTypeAndDataThatIsNoAckIdClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an ack id that is not a number");
    }

    @Requirement("SIO4-22.2")
    @Eio3Case(does = "joins /custom, sends 42/custom,7x[\"message-with-ack\",1], and expects the session to end without an ACK")
    void textAfterTheAckIdThatIsNoJsonClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/custom");
        c.send("42/custom,7x[\"message-with-ack\",1]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "text after the ack id that is not JSON");
    }

    @Requirement("SIO4-22.3")
    @Eio3Case(does = "joins /, sends the message 4abc (type character a), and expects the session to end "
            + "(socket.io 2.5.1 ignores it: NON_STRICT)")
    void unknownPacketTypeClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("4abc");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "4abc: a Socket.IO type that is not a digit 0-6");
    }

    @Requirement("SIO4-22.4")
    @Eio3Case(does = "joins / and /custom, sends 41/custom,{\"x\":1}, a DISCONNECT with data, and expects the session to end")
    void disconnectWithDataClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom,{\"x\":1}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a DISCONNECT carrying data");
    }

    @Requirement("SIO4-22.4")
    @Eio3Case(does = "joins /, sends 431{\"x\":1}, an ACK whose data is an object, and expects the session to end")
    void ackDataThatIsNoArrayClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("31{\"x\":1}");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "ACK data that is not an array");
    }

    @Requirement("SIO4-22.4")
    @Eio3Case(does = "joins /, sends 45x-[\"message\",\"x\"], a BINARY_EVENT whose attachment count is not a number, "
            + "and expects the session to end")
    void attachmentCountThatIsNoNumberClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("5x-[\"message\",\"x\"]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an attachment count that is not a number");
    }
}
