package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.util.Optional;

/** spec/eio4-client.md section 5: reconnection after the server ends a session, and what is sent meanwhile. */
class ReconnectionClientCases {

    @ClientCase(does = "Ends the session from the server's side (close packet on polling, close frame on WebSocket) and times the next handshake.")
    @Requirement("EIO4C-5.1")
    void anEndedSessionIsReopenedWithinTheBackoff(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        long ended = t.now();
        t.end(sid);
        long least = t.settings().leastFirstDelay().toMillis();
        ClientEvent next = t.awaitHandshake(t.settings().longestFirstDelay().plus(ClientTester.PROMPT));
        long after = next.atMillis() - ended;
        check(after >= least - ClientTester.EARLY.toMillis(), "the first reconnection attempt waits at least reconnectionDelay x (1 - randomizationFactor)",
                "a new handshake at least " + least + " ms after the end", "after " + after + " ms");
    }

    @ClientCase(does = "Sends 41 (the server disconnects the main namespace) and watches for a new handshake for twice the longest first reconnection delay.",
            transports = ClientTransport.POLLING)
    @Requirement("EIO4C-5.2")
    void aServerDisconnectIsNotFollowedByAReconnection(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.send(sid, "41");
        Optional<ClientEvent> again = t.anyWithin(e -> e.kind() == Kind.HANDSHAKE && !e.sid().equals(sid),
                t.settings().longestFirstDelay().multipliedBy(2));
        check(again.isEmpty(), "a client the server disconnected must not reconnect by itself", "no new handshake",
                again.map(ClientEvent::toString));
    }

    @ClientCase(does = "Ends the session from the server's side, connects the client's next session, and waits there for the contract's offline event, emitted while disconnected.")
    @Requirement("EIO4C-5.3")
    void eventsEmittedWhileDisconnectedAreSentOnceReconnected(ClientTester t) {
        t.start();
        String sid = t.connectAndHello();
        t.end(sid);
        ClientEvent next = t.awaitHandshake(t.settings().longestFirstDelay().plus(ClientTester.PROMPT));
        String second = t.connect(next);
        t.awaitEvent(second, "/", "offline");
    }
}
