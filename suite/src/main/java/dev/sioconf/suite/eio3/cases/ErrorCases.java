package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Sio4Packets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;
import java.util.List;

/** spec/eio3.md section 7: error answers. */
class ErrorCases {

    static final String UNKNOWN_SID = "sioconfUnknownSid000";

    @Requirement("EIO3-7.1")
    @Eio3Case(perTransport = false, does = "GET ?EIO=3&transport=abc and reads status, media type and body")
    void refusalIsStatus400WithAJsonCodeAndMessage(EngineTester t) {
        HttpAnswer a = t.get("EIO=3&transport=abc");
        EngineTester.assertRefused(a, 0, "Transport unknown");
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type").startsWith("application/json");
    }

    @Requirement("EIO3-7.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "sends refused requests of codes 0 to 3 (transport=abc, an unknown sid, a POST handshake, a plain GET with transport=websocket "
                    + "when websocket is offered) and reads each as 400 application/json {\"code\":N,\"message\":\"...\"}")
    void everyRefusalIsJsonWithACodeFrom0To4(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=3&transport=abc"), 0, "Transport unknown");
        EngineTester.assertRefused(t.get("EIO=3&transport=polling&sid=" + UNKNOWN_SID), 1, "Session ID unknown");
        EngineTester.assertRefused(t.request("POST", t.path(), "EIO=3&transport=polling", "text/plain;charset=UTF-8", "1:6"),
                2, "Bad handshake method");
        if (t.settings().offers("websocket")) {
            EngineTester.assertRefused(t.get("EIO=3&transport=websocket"), 3, "Bad request");
        }
    }

    @Requirement("EIO3-7.2")
    @Eio3Case(perTransport = false, does = "GET with transport missing, then with transport=abc")
    void missingOrUnknownTransportIsCode0(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=3"), 0, "Transport unknown");
        EngineTester.assertRefused(t.get("EIO=3&transport=abc"), 0, "Transport unknown");
    }

    @Requirement("EIO3-7.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_NOT_OFFERED,
            does = "on a server without websocket, sends a plain GET with transport=websocket, a WebSocket handshake, "
                    + "and a WebSocket handshake naming a live polling session")
    void transportNotOfferedIsCode0AndNotUpgraded(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=3&transport=websocket"), 0, "Transport unknown");
        RawTcp.Exchange e = t.rawWebSocketAnswer(t.path(), "EIO=3&transport=websocket");
        assertThat(e.received()).as("answer to a WebSocket handshake").startsWith("HTTP/1.1 400").contains("Transport unknown");
        String sid = t.handshake().sid();
        RawTcp.Exchange upgrade = t.rawWebSocketAnswer(t.path(), "EIO=3&transport=websocket&sid=" + sid);
        assertThat(upgrade.received()).as("answer to a WebSocket handshake naming a polling session")
                .startsWith("HTTP/1.1 400").contains("Transport unknown");
    }

    @Requirement("EIO3-7.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "polls and POSTs with a sid the server never handed out")
    void unknownSidIsCode1(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=3&transport=polling&sid=" + UNKNOWN_SID), 1, "Session ID unknown");
        EngineTester.assertRefused(t.post(UNKNOWN_SID, "1:2"), 1, "Session ID unknown");
    }

    @Requirement("EIO3-7.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes, POSTs the close packet 1:1, then polls and POSTs naming the ended session")
    void endedSessionIsCode1(EngineTester t) {
        String sid = PayloadCases.handshakeTaking40(t, "");
        EngineTester.assertAnswer(t.post(sid, "1:1"), 200, "ok");
        EngineTester.assertRefused(t.post(sid, "1:2"), 1, "Session ID unknown");
        EngineTester.assertRefused(t.get("EIO=3&transport=polling&sid=" + sid), 1, "Session ID unknown");
    }

    @Requirement("EIO3-7.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "sends a handshake (no sid) as POST, then as PUT")
    void handshakeWithAnotherMethodThanGetIsCode2(EngineTester t) {
        for (String method : List.of("POST", "PUT")) {
            EngineTester.assertRefused(t.request(method, t.path(), "EIO=3&transport=polling", "text/plain;charset=UTF-8", "1:6"),
                    2, "Bad handshake method");
        }
    }

    @Requirement("EIO3-7.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "sends a handshake (no sid) as OPTIONS, with no Origin and no Access-Control-Request-Method")
    void handshakeAsOptionsIsCode2(EngineTester t) {
        EngineTester.assertRefused(t.request("OPTIONS", t.path(), "EIO=3&transport=polling", null, null), 2, "Bad handshake method");
    }

    @Requirement("EIO3-7.5")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "sends a plain GET (no Upgrade header) with transport=websocket and no sid")
    void plainGetForWebsocketWithoutSidIsCode3(EngineTester t) {
        EngineTester.assertRefused(t.get("EIO=3&transport=websocket"), 3, "Bad request");
    }

    @Requirement("EIO3-7.5")
    @Eio3Case(transports = EngineTransport.UPGRADE,
            does = "upgrades a session, polls and POSTs naming it over polling (code 3), then emits 42[\"echo\",\"still\"] on its WebSocket")
    void pollingRequestsForAnUpgradedSessionAreCode3AndLeaveItsWebSocket(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        c.settle();
        EngineTester.assertRefused(t.get("EIO=3&transport=polling&sid=" + c.sid()), 3, "Bad request");
        EngineTester.assertRefused(t.post(c.sid(), "1:2"), 3, "Bad request");
        c.emit("/", "[\"echo\",\"still\"]");
        c.inbox().assertNext("42[\"echo\",\"still\"]");
    }

    @Requirement("EIO3-7.5")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket session, polls naming it, then emits 42[\"echo\",\"still\"] on the WebSocket")
    void pollNamingAWebsocketSessionIsCode3(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.WEBSOCKET);
        c.inbox().assertNextSio("0");
        EngineTester.assertRefused(t.get("EIO=3&transport=polling&sid=" + c.sid()), 3, "Bad request");
        c.emit("/", "[\"echo\",\"still\"]");
        c.inbox().assertNext("42[\"echo\",\"still\"]");
    }

    @Requirement("EIO3-7.6")
    @Eio3Case(perTransport = false,
            does = "sends WebSocket handshakes naming an unknown sid, then with transport=abc; each must be 400, not 101")
    void refusedWebsocketHandshakeIsNot101But400(EngineTester t) {
        RawTcp.Exchange sid = t.rawWebSocketAnswer(t.path(), "EIO=3&transport=websocket&sid=" + UNKNOWN_SID);
        assertThat(sid.received()).as("answer to a WebSocket handshake naming an unknown sid").startsWith("HTTP/1.1 400");
        if (t.settings().offers("websocket")) {
            assertThat(sid.received()).as("answer to a WebSocket handshake naming an unknown sid").contains("Session ID unknown");
        }
        RawTcp.Exchange transport = t.rawWebSocketAnswer(t.path(), "EIO=3&transport=abc");
        assertThat(transport.received()).as("answer to a WebSocket handshake with transport=abc").startsWith("HTTP/1.1 400")
                .contains("Transport unknown");
    }

    @Requirement("EIO3-7.6")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket session, closes it, and once the session is gone sends a WebSocket handshake naming it")
    void websocketHandshakeForAnEndedSessionIsNot101But400(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.WEBSOCKET);
        c.inbox().assertNextSio("0");
        c.close();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
        RawTcp.Exchange e = t.rawWebSocketAnswer(t.path(), "EIO=3&transport=websocket&sid=" + c.sid());
        assertThat(e.received()).as("answer to a WebSocket handshake naming an ended session").startsWith("HTTP/1.1 400")
                .contains("Session ID unknown");
    }
}
