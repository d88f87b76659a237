package dev.sioconf.suite.eio3.robustness;

import static dev.sioconf.suite.robustness.AfterHostileInput.assertAFreshSessionRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.robustness.EngineAttacks;
import dev.sioconf.suite.robustness.HostileClient;

/**
 * OPT-IN ROBUSTNESS CASES (run only with {@code sioconf --robustness}): the Engine.IO inputs of the
 * published engine.io advisories, sent to a revision 3 server, each followed by a fresh session
 * (EIO3-7.7). They crashed or exhausted the servers of their time; send them only to a server on
 * loopback or one you own.
 */
class EngineRobustnessCases {

    static final long HUNDRED_MEGABYTES = 100_000_000L;

    @Requirement("EIO3-8.8")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "CVE-2020-36048: POSTs to a session announcing Content-Length 100000000, sends 100000000:4 and max HTTP"
                    + " buffer bytes of x, and expects the connection closed (or a 4xx) before the rest; then opens a fresh"
                    + " session")
    void oversizedPostIsDroppedBeforeItsBodyIsAllSent(EngineTester t) {
        String sid = t.handshake().sid();
        try (HostileClient h = HostileClient.connect(t)) {
            h.send("POST " + t.path() + "?" + t.eio() + "&transport=polling&sid=" + sid + " HTTP/1.1\r\n" + h.hostHeader()
                    + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + HUNDRED_MEGABYTES + "\r\n\r\n"
                    + (HUNDRED_MEGABYTES - 10) + ":4");
            h.sendFiller(t.settings().maxPayload(), 'x');
            HostileClient.Reply r = h.awaitReply(HostileClient.bound());
            assertThat(r.reacted()).as("the server refused the body within %s ms, before the rest of it came",
                    HostileClient.bound().toMillis()).isTrue();
            if (r.wholeAnswer()) {
                assertThat(r.status()).as("status of the oversized POST").isBetween(400, 499);
            }
        }
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO3-10.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "CVE-2022-21676 (an engine.io 4+ advisory; the input is sent to every server): sends a WebSocket"
                    + " handshake without sid followed at once by the bytes test (RSV2 and RSV3 set) and expects the"
                    + " connection closed; then opens a fresh session")
    void invalidFrameAfterAWebsocketHandshakeClosesOnlyThatConnection(EngineTester t) {
        EngineAttacks.assertHandshakeWithGarbageIsClosed(t, t.eio() + "&transport=websocket");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO3-10.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "CVE-2022-21676 (an engine.io 4+ advisory; the input is sent to every server): opens a polling session,"
                    + " sends a WebSocket handshake naming it followed at once by the bytes test, and expects the connection"
                    + " closed; then opens a fresh session")
    void invalidFrameAfterAnUpgradeHandshakeClosesOnlyThatConnection(EngineTester t) {
        String sid = t.handshake().sid();
        EngineAttacks.assertHandshakeWithGarbageIsClosed(t, t.eio() + "&transport=websocket&sid=" + sid);
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO3-7.8")
    @Eio3Case(perTransport = false,
            does = "CVE-2022-41940: sends a handshake asking to upgrade to h2c and expects any answer but 101;"
                    + " then opens a fresh session")
    void upgradeToH2cIsNotSwitched(EngineTester t) {
        EngineAttacks.assertH2cUpgradeIsNotSwitched(t);
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO3-7.7")
    @Eio3Case(perTransport = false,
            does = "CVE-2022-41940: sends three handshakes asking to upgrade to h2c and a WebSocket handshake, resetting"
                    + " each connection at once; then opens a fresh session")
    void connectionsResetBeforeTheirAnswerDoNotStopTheServer(EngineTester t) {
        EngineAttacks.resetConnectionsBeforeTheirAnswer(t);
        assertAFreshSessionRoundTrips(t);
    }
}
