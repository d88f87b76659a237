package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;
import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientPackets;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.client.TesterServer;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.List;
import java.util.Map;

/** spec/eio4-client.md section 2: how a client opens a session and its main namespace. */
class SessionClientCases {

    @ClientCase(does = "Starts the client and reads its first request.", transports = ClientTransport.POLLING)
    @Requirement("EIO4C-2.1")
    void firstRequestIsAHandshakeOfTheClientsRevision(ClientTester t) {
        t.start();
        ClientEvent first = t.awaitFirstRequest();
        String line = first.text();
        check(line.startsWith("GET " + TesterServer.PATH + "?"), "the first request must be a GET on " + TesterServer.PATH,
                "GET " + TesterServer.PATH + "?EIO=" + t.revision() + "&transport=polling", line);
        Map<String, String> query = first.query();
        expect("EIO of the handshake", String.valueOf(t.revision()), query.get("EIO"));
        check(List.of("polling", "websocket").contains(query.get("transport")), "the handshake must name transport polling or websocket",
                "polling or websocket", query.get("transport"));
        check(!query.containsKey("sid"), "a handshake names no session", "no sid", "sid=" + query.get("sid"));
    }

    @ClientCase(does = "Opens a session, then reads every request up to the client's first Socket.IO packet.",
            transports = ClientTransport.POLLING, profiles = "eio4")
    @Requirement("EIO4C-2.2")
    void laterRequestsNameTheSessionAndTheFirstPacketConnectsTheMainNamespace(ClientTester t) {
        t.start();
        String sid = t.awaitHandshake().sid();
        ClientEvent first = t.awaitPacket(sid, "its first Socket.IO packet", text -> ClientPackets.parse(text).isPresent());
        check(first.text().equals("40") || first.text().startsWith("40{"), "the first Socket.IO packet must connect the main namespace",
                "40 (or 40 and an auth object)", first.text());
        t.events().stream().filter(e -> e.kind() == ClientEvent.Kind.REQUEST && e.atMillis() <= first.atMillis()).skip(1)
                .forEach(r -> expect("the sid of " + r.text(), sid, r.query().get("sid")));
    }

    @ClientCase(does = "Opens a session, waits a second, connects the main namespace with 40 and reads what the client sends.",
            transports = ClientTransport.POLLING, profiles = "eio3")
    @Requirement("EIO3C-2.2")
    void laterRequestsNameTheSessionAndNothingPrecedesTheServersConnect(ClientTester t) {
        t.start();
        ClientEvent handshake = t.awaitHandshake();
        String sid = handshake.sid();
        var early = t.anyWithin(e -> e.kind() == ClientEvent.Kind.PACKET && ClientPackets.parse(e.text()).isPresent(), ClientTester.QUIET);
        check(early.isEmpty(), "the client sends no Socket.IO packet before the server's 40", "nothing before 40",
                early.map(ClientEvent::text));
        t.connect(handshake);
        t.awaitEvent(sid, "/", "hello");
        t.events().stream().filter(e -> e.kind() == ClientEvent.Kind.REQUEST).skip(1)
                .forEach(r -> expect("the sid of " + r.text(), sid, r.query().get("sid")));
    }

    @ClientCase(does = "Connects the client and reads the contract's first event, emitted without an ack.",
            transports = ClientTransport.POLLING)
    @Requirement("EIO4C-2.3")
    void anEventWithoutAckIsEncodedWithoutId(ClientTester t) {
        t.start();
        String sid = t.connect();
        ClientEvent hello = t.awaitPacket(sid, "the contract's hello", text -> text.startsWith("42") && text.contains("\"hello\""));
        expect("the hello event", "42[\"hello\",1]", hello.text());
    }
}
