package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;
import static dev.sioconf.suite.client.ClientTester.expect;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientPackets;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.Optional;

/** spec/eio4-client.md section 8: connecting a namespace, and being refused one. */
class NamespaceClientCases {

    @ClientCase(does = "Sends 42[\"join\",\"/custom\"], accepts the client's 40/custom, and reads the namespace's first event.")
    @Requirement("EIO4C-8.1")
    void aNamespaceIsConnectedThenAddressedByName(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "42[\"join\",\"/custom\"]");
        ClientEvent connect = t.awaitPacket(sid, "40/custom,", text -> ClientPackets.parse(text).filter(p -> p.type() == 0).isPresent()
                && !text.equals("40") && !text.startsWith("40{"));
        check(connect.text().equals("40/custom,") || connect.text().startsWith("40/custom,{"), "a namespace is connected with 40/name,",
                "40/custom,", connect.text());
        t.acceptNamespace(sid, "/custom");
        ClientEvent joined = t.awaitEvent(sid, "/custom", "joined");
        expect("the namespace's event", "42/custom,[\"joined\"]", joined.text());
    }

    @ClientCase(does = "Sends 42[\"join\",\"/admin\"] and refuses the client's 40/admin, with 44/admin,{\"message\":\"not allowed\"} (eio3: 44/admin,\"not allowed\").",
            transports = ClientTransport.POLLING)
    @Requirement("EIO4C-8.2")
    void aRefusedNamespaceIsReportedAndNotConnected(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "42[\"join\",\"/admin\"]");
        t.awaitPacket(sid, "40/admin,", text -> text.startsWith("40/admin,"));
        t.refuseNamespace(sid, "/admin", "not allowed");
        ClientEvent refused = t.awaitEvent(sid, "/", "refused");
        expect("what the program was told", "42[\"refused\",\"/admin\",\"not allowed\"]", refused.text());
        Optional<ClientEvent> joined = t.anyWithin(e -> ClientPackets.isEvent(e.text(), "/admin", "joined"), ClientTester.QUIET);
        check(joined.isEmpty(), "a refused namespace is not connected", "no event on /admin", joined.map(ClientEvent::text));
    }
}
