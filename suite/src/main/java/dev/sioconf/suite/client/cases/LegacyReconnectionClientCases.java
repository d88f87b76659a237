package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.Optional;

/** spec/legacy-client.md section 5: reconnection after a lost connection, none after 0::, and what is sent meanwhile. */
class LegacyReconnectionClientCases {

    @ClientCase(does = "Loses the connection (closes the WebSocket, or answers the poll 7:::1+0 as a restarted server does) and times the next handshake.",
            profiles = "legacy")
    @Requirement("LEGC-5.1")
    void aLostConnectionIsReopenedAfterTheReconnectionDelay(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        long lost = t.now();
        t.end(sid);
        long least = t.settings().leastFirstDelay().toMillis();
        ClientEvent next = t.awaitHandshake(t.settings().longestFirstDelay().plus(ClientTester.PROMPT));
        long after = next.atMillis() - lost;
        check(after >= least - ClientTester.EARLY.toMillis(), "the first attempt waits the reconnection delay",
                "a new handshake at least " + least + " ms after the loss", "after " + after + " ms");
    }

    @ClientCase(does = "Sends 0:: (the server disconnects the client) and watches for a new handshake.", profiles = "legacy",
            transports = ClientTransport.POLLING)
    @Requirement("LEGC-5.2")
    void aServerDisconnectIsNotFollowedByAReconnection(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "0::");
        Optional<ClientEvent> again = t.anyWithin(e -> e.kind() == Kind.HANDSHAKE && !e.sid().equals(sid),
                t.settings().longestFirstDelay().multipliedBy(2).plus(ClientTester.PROMPT));
        check(again.isEmpty(), "a client the server disconnected must not reconnect by itself", "no new handshake",
                again.map(ClientEvent::toString));
    }

    @ClientCase(does = "Loses the connection, lets the client reconnect, and waits in the new session for the contract's offline event.",
            profiles = "legacy")
    @Requirement("LEGC-5.3")
    void eventsEmittedWhileDisconnectedAreSentOnceReconnected(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.end(sid);
        String second = t.connect(t.awaitHandshake(t.settings().longestFirstDelay().plus(ClientTester.PROMPT)));
        t.awaitEvent(second, "/", "offline");
    }
}
