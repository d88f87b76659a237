package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;
import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.client.LegacyTesterServer;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;

/** spec/legacy-client.md section 2: the handshake of revision 1 and the transport opened after it. */
class LegacySessionClientCases {

    @ClientCase(does = "Starts the client and reads its first request.", profiles = "legacy", transports = ClientTransport.POLLING)
    @Requirement("LEGC-2.1")
    void firstRequestIsAHandshakeOfRevisionOne(ClientTester t) {
        t.start();
        ClientEvent first = t.awaitFirstRequest();
        String path = first.text().split(" ")[1].split("\\?")[0];
        check(first.text().startsWith("GET ") && path.equals(LegacyTesterServer.PREFIX), "the first request is a GET on "
                + LegacyTesterServer.PREFIX + " with no session id", "GET " + LegacyTesterServer.PREFIX + "?t=...", first.text());
    }

    @ClientCase(does = "Offers websocket,xhr-polling (websocket case) or xhr-polling alone (polling case) and reads the request after the handshake.",
            profiles = "legacy")
    @Requirement("LEGC-2.2")
    void theTransportOpenedIsOneTheHandshakeOfferedOnTheSession(ClientTester t) {
        t.start();
        String sid = t.awaitHandshake().sid();
        ClientEvent next = t.await("the request after the handshake", e -> e.kind() == Kind.REQUEST && !e.text().contains(
                LegacyTesterServer.PREFIX + "?") && !e.text().endsWith(LegacyTesterServer.PREFIX), ClientTester.PROMPT);
        String offered = t.transport() == ClientTransport.WEBSOCKET ? "websocket" : "xhr-polling";
        String path = next.text().split(" ")[1].split("\\?")[0];
        expect("the transport request", LegacyTesterServer.PREFIX + offered + "/" + sid, path);
    }

    @ClientCase(does = "Connects the client and reads the contract's first event, emitted without an ack.", profiles = "legacy",
            transports = ClientTransport.POLLING)
    @Requirement("LEGC-2.3")
    void anEventWithoutAckHasNoIdAndTheEmptyEndpoint(ClientTester t) {
        t.start();
        String sid = t.connect();
        ClientEvent hello = t.awaitPacket(sid, "the contract's hello", text -> text.startsWith("5:") && text.contains("\"hello\""));
        expect("the hello event", "5:::{\"name\":\"hello\",\"args\":[1]}", hello.text());
    }
}
