package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;
import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.Optional;

/** spec/eio4-client.md section 3: polling, WebSocket, and the upgrade between them. */
class TransportClientCases {

    @ClientCase(does = "Offers websocket in the open packet, answers 2probe with 3probe, then sends an echo and reads what follows.",
            transports = ClientTransport.WEBSOCKET)
    @Requirement("EIO4C-3.1")
    void theUpgradeProbesFirstThenMovesEverythingToTheWebSocket(ClientTester t) {
        t.start();
        String sid = t.awaitHandshake().sid();
        t.await("a WebSocket request for session " + sid, e -> e.kind() == Kind.WEBSOCKET_OPENED && e.sid().equals(sid), ClientTester.PROMPT);
        ClientEvent firstFrame = t.await("its first WebSocket frame",
                e -> e.kind() == Kind.PACKET && e.sid().equals(sid) && e.transport().equals("websocket"), ClientTester.PROMPT);
        expect("the first frame of the upgrade", "2probe", firstFrame.text());
        ClientEvent upgraded = t.await("5 after 3probe", e -> e.kind() == Kind.UPGRADED && e.sid().equals(sid), ClientTester.PROMPT);
        t.connect(t.events().stream().filter(e -> e.kind() == Kind.HANDSHAKE).findFirst().orElseThrow());
        t.send(sid, "42[\"echo\",\"over websocket\"]");
        ClientEvent back = t.awaitPacket(sid, "echo-back", text -> text.equals("42[\"echo-back\",\"over websocket\"]"));
        expect("the transport of echo-back", "websocket", back.transport());
        Optional<ClientEvent> poll = t.events().stream()
                .filter(e -> e.kind() == Kind.REQUEST && e.transport().equals("polling") && e.atMillis() > upgraded.atMillis()
                        && sid.equals(e.sid()))
                .findFirst();
        check(poll.isEmpty(), "no poll may follow the 5 that ended the upgrade", "no request on polling after 5", poll.map(ClientEvent::text));
    }

    @ClientCase(does = "Offers no upgrade (\"upgrades\":[]), exchanges an echo over polling and watches for a WebSocket request.",
            transports = ClientTransport.POLLING)
    @Requirement("EIO4C-3.2")
    void noWebSocketIsOpenedWhenNoneIsOffered(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "42[\"echo\",\"still polling\"]");
        t.awaitPacket(sid, "echo-back over polling", text -> text.equals("42[\"echo-back\",\"still polling\"]"));
        Optional<ClientEvent> ws = t.anyWithin(e -> e.kind() == Kind.REQUEST && e.transport().equals("websocket"), ClientTester.QUIET);
        check(ws.isEmpty(), "a client offered no upgrade must not open a WebSocket", "no WebSocket request", ws.map(ClientEvent::text));
    }

    @ClientCase(does = "Offers websocket but answers the WebSocket request with HTTP 400, then sends an echo on the polling session.",
            transports = ClientTransport.WEBSOCKET)
    @Requirement("EIO4C-3.3")
    void aRefusedUpgradeKeepsThePollingSession(ClientTester t) {
        t.start(t.plain().refusingWebSocket());
        ClientEvent handshake = t.awaitHandshake();
        String sid = t.connect(handshake);
        t.await("the WebSocket request the tester refuses", e -> e.kind() == Kind.WEBSOCKET_REFUSED && e.sid().equals(sid),
                ClientTester.PROMPT);
        t.send(sid, "42[\"echo\",\"after the refusal\"]");
        t.awaitPacket(sid, "echo-back on the same session", text -> text.equals("42[\"echo-back\",\"after the refusal\"]"));
        Optional<ClientEvent> again = t.anyWithin(e -> e.kind() == Kind.HANDSHAKE && !e.sid().equals(sid), ClientTester.QUIET);
        check(again.isEmpty(), "the polling session goes on: no new handshake", "no second handshake", again.map(ClientEvent::toString));
    }
}
