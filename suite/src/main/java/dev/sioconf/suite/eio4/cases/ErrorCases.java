package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;

/** spec/eio4.md section 6: error answers. */
class ErrorCases {

    static final String UNKNOWN_SID = "sioconfUnknownSid000";

    @Requirement("EIO4-6.1")
    @Eio4Case(perTransport = false, does = "GET ?EIO=4&transport=abc and reads status, media type and body")
    void refusalIsStatus400WithAJsonCodeAndMessage(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=4&transport=abc"), 0, "Transport unknown");
    }

    @Requirement("EIO4-6.2")
    @Eio4Case(perTransport = false, does = "GET with transport missing, then with transport=abc")
    void missingOrUnknownTransportIsCode0(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=4"), 0, "Transport unknown");
        EngineTester.assertRefused(t.get("EIO=4&transport=abc"), 0, "Transport unknown");
    }

    @Requirement("EIO4-6.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_NOT_OFFERED,
            does = "sends a WebSocket handshake to a server that does not offer websocket")
    void websocketHandshakeToAServerWithoutWebsocketIsCode0AndNotUpgraded(EngineTester t) {
        RawTcp.Exchange e = t.rawWebSocketAnswer(t.path(), "EIO=4&transport=websocket");
        assertThat(e.received()).as("answer").startsWith("HTTP/1.1 400")
                .contains("{\"code\":0,\"message\":\"Transport unknown\"}");
    }

    @Requirement("EIO4-6.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.NO_UPGRADES,
            does = "handshakes over polling, then sends a plain GET with transport=websocket for the session")
    void pollOnATransportNotOfferedIsCode0(EngineTester t) {
        String sid = t.handshake().sid();
        EngineTester.assertRefused(t.get("EIO=4&transport=websocket&sid=" + sid), 0, "Transport unknown");
    }

    @Requirement("EIO4-6.3")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "polls and POSTs with a sid the server never handed out")
    void unknownSidIsCode1(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=4&transport=polling&sid=" + UNKNOWN_SID), 1, "Session ID unknown");
        EngineTester.assertRefused(t.post(UNKNOWN_SID, "6"), 1, "Session ID unknown");
    }

    @Requirement("EIO4-6.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "sends a handshake (no sid) as POST, then as PUT")
    void handshakeWithAnotherMethodThanGetIsCode2(EngineTester t) {
        EngineTester.assertRefused(t.request("POST", t.path(), "EIO=4&transport=polling", "text/plain;charset=UTF-8", "6"),
                2, "Bad handshake method");
        EngineTester.assertRefused(t.request("PUT", t.path(), "EIO=4&transport=polling", "text/plain;charset=UTF-8", "6"),
                2, "Bad handshake method");
    }

    @Requirement("EIO4-6.5")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "sends a plain GET (no Upgrade header) with transport=websocket and no sid")
    void plainGetForWebsocketWithoutSidIsCode3(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=4&transport=websocket"), 3, "Bad request");
    }

    @Requirement("EIO4-6.5")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket session, then polls naming it")
    void pollNamingAWebsocketSessionIsCode3(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.WEBSOCKET);
        EngineTester.assertRefused(t.get("EIO=4&transport=polling&sid=" + c.sid()), 3, "Bad request");
    }

    @Requirement("EIO4-6.6")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling with EIO=5, EIO=abc and without EIO, then with EIO=3")
    void handshakeWithAnotherRevisionIsCode5(EngineTester t) {
        for (String eio : new String[] {"EIO=5&", "EIO=abc&", ""}) {
            EngineTester.assertRefused(t.get(eio + "transport=polling"), 5, "Unsupported protocol version");
        }
        // A server that also speaks revision 3 (socket.io 4 with allowEIO3, the reference server)
        // opens an eio3 session instead, whose handshake is a framed eio3 payload.
        HttpAnswer eio3 = t.get("EIO=3&transport=polling");
        if (eio3.status() == 200) {
            OpenPacket.parse(Eio3Codec.split(eio3.body()).get(0));
        } else {
            EngineTester.assertRefused(eio3, 5, "Unsupported protocol version");
        }
    }

    @Requirement("EIO4-6.7")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "sends requests with two faults each: unknown transport and EIO=5; unknown sid and POST; POST handshake and EIO=5")
    void firstFaultInTheOrderTransportSidMethodVersionIsReported(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=5&transport=abc"), 0, "Transport unknown");
        EngineTester.assertRefused(t.request("PUT", t.path(), "EIO=4&transport=polling&sid=" + UNKNOWN_SID, null, null),
                1, "Session ID unknown");
        EngineTester.assertRefused(t.request("POST", t.path(), "EIO=5&transport=polling", "text/plain", "6"),
                2, "Bad handshake method");
    }

    @Requirement("EIO4-6.10")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "sends WebSocket handshakes naming an unknown sid, then with transport=abc")
    void refusedWebsocketHandshakeIsNot101But400(EngineTester t) {
        RawTcp.Exchange sid = t.rawWebSocketAnswer(t.path(), "EIO=4&transport=websocket&sid=" + UNKNOWN_SID);
        assertThat(sid.received()).as("answer to an unknown sid").startsWith("HTTP/1.1 400");
        RawTcp.Exchange transport = t.rawWebSocketAnswer(t.path(), "EIO=4&transport=abc");
        assertThat(transport.received()).as("answer to transport=abc").startsWith("HTTP/1.1 400");
    }

    @Requirement("EIO4-6.11")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "sends WebSocket handshakes with EIO=5 and without EIO, and reads until the server closes")
    void websocketHandshakeWithAnotherRevisionGetsNoOpenPacket(EngineTester t) {
        for (String q : new String[] {"EIO=5&transport=websocket", "transport=websocket"}) {
            RawTcp.Exchange e = t.rawWebSocketHandshake(t.path(), q, EngineBounds.PROMPT);
            assertThat(e.received()).as("answer to ?%s", q).doesNotContain("0{\"sid\"");
            if (e.received().startsWith("HTTP/1.1 101")) {
                assertThat(e.closedByServer()).as("connection closed at once after 101 to ?%s", q).isTrue();
            } else {
                assertThat(e.received()).as("answer to ?%s", q).startsWith("HTTP/1.1 400");
            }
        }
    }

    @Requirement("EIO4-6.12")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "upgrades a session at the echo path, polls naming it (refused with code 3), then sends 4still on the WebSocket")
    void refusedRequestDoesNotDisturbTheSession(EngineTester t) {
        EngineConnection c = t.openEcho(EngineTransport.UPGRADE);
        c.settle();
        EngineTester.assertRefused(t.request("GET", c.path(), "EIO=4&transport=polling&sid=" + c.sid(), null, null), 3, "Bad request");
        c.send("4still");
        c.inbox().assertNext("4still");
    }
}
