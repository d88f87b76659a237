package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.Optional;

/** spec/legacy-client.md section 3: the websocket-disabled deployment, seen from the client. */
class LegacyTransportClientCases {

    @ClientCase(does = "Offers xhr-polling alone, exchanges an echo and watches for a WebSocket request.", profiles = "legacy",
            transports = ClientTransport.POLLING)
    @Requirement("LEGC-3.1")
    void onlyXhrPollingIsUsedWhenOnlyItIsOffered(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "5:::{\"name\":\"echo\",\"args\":[\"still polling\"]}");
        ClientEvent back = t.awaitPacket(sid, "echo-back", "5:::{\"name\":\"echo-back\",\"args\":[\"still polling\"]}"::equals);
        check(back.transport().equals("xhr-polling"), "the client's packets come by xhr-polling", "xhr-polling", back.transport());
        Optional<ClientEvent> ws = t.anyWithin(e -> e.kind() == Kind.REQUEST && e.transport().equals("websocket"), ClientTester.QUIET);
        check(ws.isEmpty(), "a client offered xhr-polling alone must not open a WebSocket", "no WebSocket request",
                ws.map(ClientEvent::text));
    }
}
