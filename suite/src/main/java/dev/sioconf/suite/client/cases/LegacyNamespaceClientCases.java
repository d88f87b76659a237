package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;
import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.client.LegacyClientPackets;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.Optional;

/** spec/legacy-client.md section 8: endpoints connected, and refused. */
class LegacyNamespaceClientCases {

    @ClientCase(does = "Sends join /custom, answers the client's 1::/custom with 1::/custom and reads the endpoint's first event.", profiles = "legacy")
    @Requirement("LEGC-8.1")
    void anEndpointIsConnectedThenAddressedByName(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "5:::{\"name\":\"join\",\"args\":[\"/custom\"]}");
        ClientEvent connect = t.awaitPacket(sid, "1::/custom", text -> text.startsWith("1:"));
        expect("the endpoint's connect packet", "1::/custom", connect.text());
        t.acceptNamespace(sid, "/custom");
        ClientEvent joined = t.awaitEvent(sid, "/custom", "joined");
        expect("the endpoint's event", "5::/custom:{\"name\":\"joined\"}", joined.text());
    }

    @ClientCase(does = "Sends join /admin and refuses the client's 1::/admin with 7::/admin:2 (unauthorized).", profiles = "legacy",
            transports = ClientTransport.POLLING)
    @Requirement("LEGC-8.2")
    void aRefusedEndpointIsReportedAndNotConnected(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "5:::{\"name\":\"join\",\"args\":[\"/admin\"]}");
        t.awaitPacket(sid, "1::/admin", "1::/admin"::equals);
        t.refuseNamespace(sid, "/admin", "unauthorized");
        ClientEvent refused = t.awaitEvent(sid, "/", "refused");
        expect("what the program was told", "5:::{\"name\":\"refused\",\"args\":[\"/admin\",\"unauthorized\"]}", refused.text());
        Optional<ClientEvent> joined = t.anyWithin(e -> LegacyClientPackets.isEvent(e.text(), "/admin", "joined"), ClientTester.QUIET);
        check(joined.isEmpty(), "a refused endpoint is not connected", "no event on /admin", joined.map(ClientEvent::text));
    }
}
