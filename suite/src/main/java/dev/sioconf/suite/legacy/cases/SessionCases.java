package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** spec/legacy.md section 6: a session's life, from connect packet to close timeout. */
class SessionCases {

    @Requirement("LEG-6.1")
    @LegacyCase(does = "handshakes, connects the transport and reads the first packet")
    void firstPacketOnANewSessionIsConnect(LegacyTester t) {
        Connection c = t.attach(t.transport(), t.handshake().sid());
        c.inbox().assertNext("1::");
    }

    @Requirement("LEG-6.3")
    @LegacyCase(does = "sends a message with id 7 and no '+'")
    void messageWithAnIdIsAcknowledgedAutomatically(LegacyTester t) {
        Connection c = t.openSession();
        c.send("3:7::hi");
        c.inbox().assertNext("6:::7", "3:::hi");
    }

    @Requirement("LEG-6.5")
    @LegacyCase(does = "emits echo with id 5 and '+', asking for a data ack")
    void dataAckCarriesTheHandlersArguments(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:5+::{\"name\":\"echo\",\"args\":[\"x\",2]}");
        c.inbox().assertNext("5:::{\"name\":\"echo\",\"args\":[\"x\",2]}", "6:::5+[\"x\",2]");
    }

    @Requirement("LEG-6.6")
    @LegacyCase(does = "sends the disconnect packet 0::, then uses the session again")
    void disconnectPacketEndsTheSession(LegacyTester t) {
        Connection c = t.openSession();
        c.send("0::");
        // The connection itself shows the end: 0:: on it, or 7:::1+0 on the poll after.
        assertThat(c.inbox().awaitClosed(t.bounds().pollAnswer())).as("session ended on its connection").isTrue();
        assertUnknown(t, c.sid());
    }

    @Requirement("LEG-6.8")
    @LegacyCase(perTransport = false, does = "connects over the first offered transport, then GETs ?disconnect")
    void disconnectQueryEndsTheSession(LegacyTester t) {
        Transport first = Transport.of(t.target().declared().transports().get(0));
        Connection c = t.openSession(first);
        if (first.polling()) {
            // The poller sends its next GET right after 1::; the requirement is about a connection that
            // is open, so let that GET be held before asking to disconnect (LEG-6.9 covers the other order).
            t.pause(Duration.ofMillis(Math.min(t.bounds().pollingDuration().dividedBy(4).toMillis(), Bounds.PROMPT.toMillis())),
                    "let the next poll be held");
        }
        HttpAnswer a = t.http().get(t.transportUri(pollingOrFirst(t), c.sid(), "disconnect=1"), dev.sioconf.suite.legacy.Bounds.PROMPT);
        assertThat(a.status()).isEqualTo(200);
        assertThat(c.inbox().awaitClosed(t.bounds().pollAnswer())).as("session ended on its connection").isTrue();
        assertUnknown(t, c.sid());
    }

    @Requirement("LEG-6.13")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "polls with a session id that was never issued")
    void unknownSessionIsToldClientNotHandshaken(LegacyTester t) {
        Connection c = t.attach(t.transport(), "0000000000sioconf");
        c.inbox().assertNext("7:::1+0");
    }

    @Requirement("LEG-6.12")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "connects, stops polling for half the close timeout, then polls again")
    void sessionSurvivesAGapShorterThanTheCloseTimeout(LegacyTester t) {
        String sid = PollingCases.connected(t);
        t.pause(t.bounds().closeTimeout().dividedBy(2), "stay away for half the close timeout");
        t.postPayload(t.transport(), sid, "3:::still here");
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid))).isEqualTo("3:::still here");
    }

    @Requirement("LEG-6.11")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING, Transport.WEBSOCKET},
            does = "connects, goes silent past the close timeout, then polls the session")
    void sessionIsGoneAfterTheCloseTimeout(LegacyTester t) {
        Connection c = t.openSession();
        c.abandon();
        // A poll still held when the client vanished keeps the session connected until it is answered.
        java.time.Duration lastConnectionEnds = t.transport().polling() ? t.bounds().pollHeldAtMost() : java.time.Duration.ZERO;
        t.pause(lastConnectionEnds.plus(t.bounds().sessionGoneBy()), "stay silent past the close timeout");
        assertUnknown(t, c.sid());
    }

    @Requirement("LEG-6.2")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "connects, then sends three messages one after another, each answered on a later poll")
    void connectPacketIsSentOnlyOnce(LegacyTester t) {
        Connection c = t.openSession();
        for (int round = 1; round <= 3; round++) {
            c.send("3:::round " + round);
            c.inbox().assertNext("3:::round " + round);
        }
    }

    @Requirement("LEG-6.4")
    @LegacyCase(does = "emits echo with id 3 and no '+', and reads the two packets that follow")
    void automaticAckComesBeforeTheApplicationsReply(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:3::{\"name\":\"echo\",\"args\":[\"x\"]}");
        c.inbox().assertNext("6:::3", "5:::{\"name\":\"echo\",\"args\":[\"x\"]}");
    }

    @Requirement("LEG-6.7")
    @LegacyCase(does = "connects, then sends a plain GET with the bare query key ?disconnect to the transport's URL")
    void disconnectQueryIsAnsweredWithAnEmptyOk(LegacyTester t) {
        Connection c = t.openSession();
        HttpAnswer a = t.http().get(t.transportUri(t.transport(), c.sid(), "disconnect"), Bounds.PROMPT);
        LegacyTester.assertAnswer(a, 200, "");
    }

    @Requirement("LEG-6.9")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "takes the connect packet, GETs ?disconnect while no poll is held, then polls at once")
    void disconnectQueryWithNoConnectionOpenEndsTheSessionAtOnce(LegacyTester t) {
        String sid = PollingCases.connected(t);
        t.http().get(t.transportUri(t.transport(), sid, "disconnect=1"), Bounds.PROMPT);
        HttpAnswer a = t.poll(t.transport(), sid);
        assertThat(Polls.payload(t.transport(), a)).as("poll right after ?disconnect").isEqualTo("7:::1+0");
    }

    @Requirement("LEG-6.14")
    @LegacyCase(transports = Transport.WEBSOCKET, does = "opens a websocket with a session id that was never issued")
    void websocketForAnUnknownSessionGetsNotHandshakenThenIsClosed(LegacyTester t) {
        WebSocketWire ws = t.openWebSocket(neverIssued());
        assertThat(ws.next(Bounds.PROMPT)).as("first frame").isEqualTo("7:::1+0");
        assertThat(ws.awaitClosed(Bounds.PROMPT)).as("socket closed by the server after the error").isTrue();
        assertThat(ws.poll(Duration.ZERO)).as("frame after the error").isNull();
    }

    @Requirement("LEG-6.15")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING, Transport.HTMLFILE},
            does = "POSTs an echo event for a session id that was never issued, then GETs that id")
    void postForANeverIssuedSessionIsNotActedOn(LegacyTester t) {
        String sid = neverIssued();
        assertPostIgnored(t, sid);
        t.attach(t.transport(), sid).inbox().assertNext("7:::1+0");
    }

    @Requirement("LEG-6.15")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING, Transport.HTMLFILE},
            does = "connects, ends the session with 0::, POSTs an echo event for it, then GETs it")
    void postForAnEndedSessionIsNotActedOn(LegacyTester t) {
        Connection c = t.openSession();
        c.send("0::");
        // The end shows as the connection ending (0:: then close); its exact form is LEG-6.6's business.
        c.inbox().awaitClosed(Bounds.PROMPT);
        c.close();
        assertPostIgnored(t, c.sid());
        t.attach(t.transport(), c.sid()).inbox().assertNext("7:::1+0");
    }

    /** A POST for a session that does not exist: answered {@code 1} or {@code 7:::1+0}, nothing else. */
    static void assertPostIgnored(LegacyTester t, String sid) {
        String payload = "5:::{\"name\":\"echo\",\"args\":[\"nobody\"]}";
        HttpAnswer a = t.transport() == Transport.JSONP_POLLING
                ? t.http().post(t.transportUri(t.transport(), sid, "i=0"), "application/x-www-form-urlencoded",
                        LegacyTester.jsonpForm(payload), Bounds.PROMPT)
                : t.http().post(t.transportUri(t.transport(), sid, ""), "text/plain;charset=UTF-8", payload, Bounds.PROMPT);
        assertThat(a.status()).as("status of a POST for an unknown session").isEqualTo(200);
        assertThat(a.body()).as("body of a POST for an unknown session").isIn("1", "7:::1+0");
    }

    /** A session id no server hands out, different for every call so that cases cannot meet on it. */
    static String neverIssued() {
        return "sioconfNeverIssued" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
    }

    /** The session is over: a poll on it is told the client is not handshaken. */
    static void assertUnknown(LegacyTester t, String sid) {
        Transport polling = pollingOrFirst(t);
        if (polling == Transport.WEBSOCKET) {
            try (WebSocketWire ws = t.openWebSocket(sid)) {
                assertThat(ws.next(dev.sioconf.suite.legacy.Bounds.PROMPT)).as("first frame on an ended session").isEqualTo("7:::1+0");
            }
            return;
        }
        assertThat(Polls.payload(polling, t.poll(polling, sid))).as("poll on an ended session").isEqualTo("7:::1+0");
    }

    /** A polling transport the target offers, for looking at a session from outside; websocket if none. */
    static Transport pollingOrFirst(LegacyTester t) {
        return t.target().declared().transports().stream().map(Transport::of).filter(Transport::polling)
                .findFirst().orElse(Transport.WEBSOCKET);
    }
}
