package dev.sioconf.suite.eio3.robustness;

import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertNextTwoInEitherOrder;
import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.robustness.AfterHostileInput.assertAFreshSessionRoundTrips;
import static dev.sioconf.suite.robustness.AfterHostileInput.assertClosedOrDropped;
import static dev.sioconf.suite.robustness.AfterHostileInput.assertClosedOrStillAnswering;
import static dev.sioconf.suite.robustness.AfterHostileInput.sendWhileItMayClose;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * OPT-IN ROBUSTNESS CASES (run only with {@code sioconf --robustness}): the Socket.IO packets of the
 * published socket.io-parser 3.x and socket.io 2.x advisories, sent after the implicit {@code 40}
 * of a revision 3 session, each followed by a fresh session (EIO3-7.7). Send them only to a server
 * on loopback or one you own.
 */
class SocketIoRobustnessCases {

    @Requirement("SIO4-19.5")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2024-38355: sends 42[\"error\"] on /, then 425[\"echo\",\"after\"] on the same session and"
                    + " expects only its echo and ACK; then opens a fresh session")
    void eventNamedErrorIsAnOrdinaryEvent(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42[\"error\"]");
        c.emit("/", 5, "[\"echo\",\"after\"]");
        assertNextTwoInEitherOrder(c, "2", "[\"echo\",\"after\"]", "35", "[\"after\"]");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO4-19.6")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2020-36049: sends on / 42 followed by an ack id of min(50000, max HTTP buffer / 2) digits 1 and"
                    + " [\"message-with-ack\",1], then 427[\"echo\",\"probe\"]; expects the session closed or the probe"
                    + " answered; then opens a fresh session")
    void ackIdOfTensOfThousandsOfDigitsDoesNotStallTheServer(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42" + "1".repeat(hugeAckIdDigits(t)) + "[\"message-with-ack\",1]");
        assertClosedOrStillAnswering(c, "an ack id of " + hugeAckIdDigits(t) + " digits");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO4-19.7")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2020-36049: sends on / 42 followed by an ack id of min(50000, max HTTP buffer / 2) digits 1 and"
                    + " [\"message-with-ack\",1]; expects the session closed or the packet dropped, never acknowledged"
                    + " (socket.io 2.5.1 answers 43Infinity[1]: NON_STRICT); then opens a fresh session")
    void ackIdOfTensOfThousandsOfDigitsIsNeverAcknowledged(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("42" + "1".repeat(hugeAckIdDigits(t)) + "[\"message-with-ack\",1]");
        assertClosedOrDropped(c, "an ack id of " + hugeAckIdDigits(t) + " digits");
        assertAFreshSessionRoundTrips(t);
    }

    static int hugeAckIdDigits(EngineTester t) {
        return (int) Math.min(50_000, t.settings().maxPayload() / 2);
    }

    @Requirement("SIO4-20.4")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2022-2421: sends on / 451-[\"message\",{\"_placeholder\":true,\"num\":\"splice\"}] and the"
                    + " attachment 01 02 03; expects no message-back; then opens a fresh session")
    void placeholderNumberedByAStringReachesNoHandler(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("51-[\"message\",{\"_placeholder\":true,\"num\":\"splice\"}]", bytes(1, 2, 3));
        assertClosedOrDropped(c, "a placeholder numbered \"splice\"");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO4-22.1")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2023-32695: sends on / 421[{\"toString\":\"echo\"}], an event whose name is an object;"
                    + " expects the session to end without an echo or ACK; then opens a fresh session")
    void eventNameThatIsAnObjectClosesTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("421[{\"toString\":\"echo\"}]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "an event name that is an object");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO4-20.5")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2026-33151: sends on / 451000000-[\"message\",{\"_placeholder\":true,\"num\":0}], announcing"
                    + " a million attachments, and expects the session to end at once; then opens a fresh session")
    void millionAttachmentsCloseTheSessionAtOnce(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.send("451000000-[\"message\",{\"_placeholder\":true,\"num\":0}]");
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a packet announcing a million attachments");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("SIO4-20.6")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "CVE-2026-69185: sends on / 450-[\"message\",\"zero\"], announcing no attachment, and then the binary"
                    + " message 01 02 03; expects the session to end at once without message-back; then opens a fresh session")
    void zeroAttachmentsCloseTheSessionAtOnce(EngineTester t) {
        EngineConnection c = joined(t, "/");
        sendWhileItMayClose(() -> c.sendSio("50-[\"message\",\"zero\"]", bytes(1, 2, 3)));
        assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "a packet announcing zero attachments, then binary");
        assertAFreshSessionRoundTrips(t);
    }
}
