package dev.sioconf.suite.eio4.robustness;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextTwoInEitherOrder;
import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;
import static dev.sioconf.suite.robustness.AfterHostileInput.assertAFreshSessionRoundTrips;
import static dev.sioconf.suite.robustness.AfterHostileInput.assertClosedOrDropped;
import static dev.sioconf.suite.robustness.AfterHostileInput.sendWhileItMayClose;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * OPT-IN ROBUSTNESS CASES (run only with {@code sioconf --robustness}): the Socket.IO packets of the
 * published socket.io-parser and socket.io advisories, sent after joining {@code /}, each followed by
 * a fresh session (EIO4-6.13). Send them only to a server on loopback or one you own.
 */
class SocketIoRobustnessCases {

    @Requirement("SIO5-19.8")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2024-38355: joins /, sends 42[\"error\"], then 425[\"echo\",\"after\"] on the same session and"
                    + " expects only its echo and ACK; then opens a fresh session")
    void eventNamedErrorIsAnOrdinaryEvent(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42[\"error\"]");
        c.emit("/", 5, "[\"echo\",\"after\"]");
        assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"after\"]", "35", "[\"after\"]");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO5-19.9")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2020-36049: joins /, sends 42 followed by an ack id of min(50000, maxPayload / 2) digits 1 and"
                    + " [\"message-with-ack\",1]; expects the session closed or the packet dropped; then opens a fresh session")
    void ackIdOfTensOfThousandsOfDigitsIsNeverAcknowledged(EngineTester t) {
        int digits = (int) Math.min(50_000, t.settings().maxPayload() / 2);
        EngineConnection c = joined(t, "/");
        c.send("42" + "1".repeat(digits) + "[\"message-with-ack\",1]");
        assertClosedOrDropped(c, "an ack id of " + digits + " digits");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO5-20.6")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2022-2421: joins /, sends 451-[\"message\",{\"_placeholder\":true,\"num\":\"splice\"}] and the"
                    + " attachment 01 02 03; expects no message-back; then opens a fresh session")
    void placeholderNumberedByAStringReachesNoHandler(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("51-[\"message\",{\"_placeholder\":true,\"num\":\"splice\"}]", bytes(1, 2, 3));
        assertClosedOrDropped(c, "a placeholder numbered \"splice\"");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO5-22.6")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2023-32695: joins /, sends 421[{\"toString\":\"echo\"}], an event whose name is an object;"
                    + " expects no echo and no ACK; then opens a fresh session")
    void eventNameThatIsAnObjectReachesNoHandler(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("421[{\"toString\":\"echo\"}]");
        assertClosedOrDropped(c, "an event name that is an object");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO5-20.7")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2026-33151: joins /, sends 451000000-[\"message\",{\"_placeholder\":true,\"num\":0}], announcing"
                    + " a million attachments, and expects the session to end at once; then opens a fresh session")
    void millionAttachmentsCloseTheSessionAtOnce(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("451000000-[\"message\",{\"_placeholder\":true,\"num\":0}]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a packet announcing a million attachments");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO5-20.8")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2026-69185: joins /, sends 450-[\"message\",\"zero\"], announcing no attachment, and then the"
                    + " binary message 01 02 03; expects the session to end at once without message-back; then opens a"
                    + " fresh session")
    void zeroAttachmentsCloseTheSessionAtOnce(EngineTester t) {
        EngineConnection c = joined(t, "/");
        sendWhileItMayClose(() -> c.sendSio("50-[\"message\",\"zero\"]", bytes(1, 2, 3)));
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a packet announcing zero attachments, then binary");
        assertAFreshSessionRoundTrips(t);
    }
}
