package dev.sioconf.suite.eio4.robustness;

import static dev.sioconf.suite.robustness.AfterHostileInput.assertAFreshSessionRoundTrips;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.robustness.EngineAttacks;
import dev.sioconf.suite.robustness.HostileClient;

/**
 * OPT-IN ROBUSTNESS CASES (run only with {@code sioconf --robustness}): the Engine.IO inputs of the
 * published engine.io advisories, each followed by a fresh session (EIO4-6.13). They crashed or
 * exhausted the servers of their time; send them only to a server on loopback or one you own.
 */
class EngineRobustnessCases {

    static final long HUNDRED_MEGABYTES = 100_000_000L;

    @Requirement("EIO4-13.7")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "CVE-2020-36048: POSTs to a session announcing Content-Length 100000000, sends only 4 and maxPayload"
                    + " bytes of x, and waits for the refusal; then opens a fresh session")
    void oversizedPostIsRefusedBeforeItsBodyIsAllSent(EngineTester t) {
        String sid = t.handshake().sid();
        try (HostileClient h = HostileClient.connect(t)) {
            h.send("POST " + t.path() + "?" + t.eio() + "&transport=polling&sid=" + sid + " HTTP/1.1\r\n" + h.hostHeader()
                    + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + HUNDRED_MEGABYTES + "\r\n\r\n4");
            h.sendFiller(t.settings().maxPayload(), 'x');
            HostileClient.Reply r = h.awaitReply(HostileClient.bound());
            assertThat(r.reacted()).as("the server refused the body within %s ms, before the rest of it came",
                    HostileClient.bound().toMillis()).isTrue();
            if (r.wholeAnswer()) {
                assertThat(r.status()).as("status of the oversized POST").isEqualTo(413);
            }
        }
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO4-7.16")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "GHSA-r635-g3xr-vw7x: POSTs the bytes 01 02 03 as application/octet-stream to a session and waits for"
                    + " an answer or a close; then opens a fresh session")
    void octetStreamPostIsAnsweredNotLeftHanging(EngineTester t) {
        String sid = t.handshake().sid();
        try (HostileClient h = HostileClient.connect(t)) {
            h.send("POST " + t.path() + "?" + t.eio() + "&transport=polling&sid=" + sid + " HTTP/1.1\r\n" + h.hostHeader()
                    + "Content-Type: application/octet-stream\r\nContent-Length: 3\r\n\r\n\u0001\u0002\u0003");
            HostileClient.Reply r = h.awaitReply(HostileClient.bound());
            assertThat(r.reacted()).as("the POST was answered or its connection closed within %s ms",
                    HostileClient.bound().toMillis()).isTrue();
        }
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO4-9.8")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "CVE-2022-21676: sends a WebSocket handshake without sid followed at once by the bytes test (no valid"
                    + " frame: RSV2 and RSV3 set) and expects the connection closed; then opens a fresh session")
    void invalidFrameAfterAWebsocketHandshakeClosesOnlyThatConnection(EngineTester t) {
        EngineAttacks.assertHandshakeWithGarbageIsClosed(t, t.eio() + "&transport=websocket");
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO4-9.8")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "CVE-2022-21676: opens a polling session, sends a WebSocket handshake naming it followed at once by the"
                    + " bytes test, and expects the connection closed; then opens a fresh session")
    void invalidFrameAfterAnUpgradeHandshakeClosesOnlyThatConnection(EngineTester t) {
        String sid = t.handshake().sid();
        EngineAttacks.assertHandshakeWithGarbageIsClosed(t, t.eio() + "&transport=websocket&sid=" + sid);
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO4-6.14")
    @Eio4Case(perTransport = false,
            does = "CVE-2022-41940: sends a handshake asking to upgrade to h2c and expects any answer but 101;"
                    + " then opens a fresh session")
    void upgradeToH2cIsNotSwitched(EngineTester t) {
        EngineAttacks.assertH2cUpgradeIsNotSwitched(t);
        assertAFreshSessionRoundTrips(t);
    }

    @Requirement("EIO4-6.13")
    @Eio4Case(perTransport = false,
            does = "CVE-2022-41940: sends three handshakes asking to upgrade to h2c and a WebSocket handshake, resetting"
                    + " each connection at once; then opens a fresh session")
    void connectionsResetBeforeTheirAnswerDoNotStopTheServer(EngineTester t) {
        EngineAttacks.resetConnectionsBeforeTheirAnswer(t);
        assertAFreshSessionRoundTrips(t);
    }
}
