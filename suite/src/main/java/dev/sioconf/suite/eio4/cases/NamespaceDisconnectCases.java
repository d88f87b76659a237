package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.awaitNextPing;
import static dev.sioconf.suite.eio4.SocketIoPackets.join;
import static dev.sioconf.suite.eio4.SocketIoPackets.joined;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio4.md section 21: disconnecting from a namespace. Leaving the main namespace and leaving
 * {@code /custom} while staying on {@code /} are the official socket.io-protocol checks.
 *
 * <p>The rejoin cases let the DISCONNECT settle (and watch that nothing answers it) before the new
 * CONNECT: socket.io 4.8.1 handles a DISCONNECT one tick late, so a CONNECT for the same namespace
 * read from the same TCP segment still finds the namespace joined and closes the session, as
 * SIO5-18.11 allows. A client does not rejoin within the same moment, so this is no finding.
 */
class NamespaceDisconnectCases {

    @Requirement("SIO5-21.1")
    @Eio4Case(does = "official check: joins /, sends 41, and expects no answer but the next ping, the session staying open")
    void leavingTheMainNamespaceIsNotAnsweredAndKeepsTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("1");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        awaitNextPing(t, c);
    }

    @Requirement("SIO5-21.1")
    @Eio4Case(does = "joins / and /custom, sends 41/custom, (with its comma), and expects no answer, the session staying open")
    void leavingACustomNamespaceIsNotAnsweredAndKeepsTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom,");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        awaitNextPing(t, c);
    }

    @Requirement("SIO5-21.2")
    @Eio4Case(does = "official check: joins /, then 40/custom, sends 41/custom and 42[\"message\",\"message to main namespace\"]; "
            + "expects exactly 42[\"message-back\",\"message to main namespace\"]")
    void mainNamespaceKeepsWorkingAfterLeavingACustomOne(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("0/custom");
        c.inbox().nextSio(); // CONNECT answer, checked by the namespace connect cases
        c.inbox().takeAuthEvent();
        c.sendSio("1/custom");
        c.sendSio("2[\"message\",\"message to main namespace\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"message to main namespace\"]");
    }

    @Requirement("SIO5-21.2")
    @Eio4Case(does = "joins / and /custom, sends 41, then 42/custom,[\"sendMessage\"]")
    void customNamespaceKeepsWorkingAfterLeavingTheMainOne(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1");
        c.emit("/custom", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]");
    }

    @Requirement("SIO5-21.3")
    @Eio4Case(does = "joins / and /custom, leaves /custom with 41/custom, and joins it again with 40/custom,")
    void aLeftNamespaceCanBeJoinedAgain(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom,");
        c.inbox().assertExhausted(EngineBounds.QUIET); // see the class note
        join(c, "/custom");
        c.emit("/custom", 2, "[\"message-with-ack\",\"again\"]");
        c.inbox().assertNextSio("3/custom,2[\"again\"]");
    }

    @Requirement("SIO5-21.3")
    @Eio4Case(does = "joins /, leaves it with 41, and joins it again with 40")
    void theMainNamespaceCanBeJoinedAgain(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("1");
        c.inbox().assertExhausted(EngineBounds.QUIET); // see the class note
        join(c, "/");
        c.emit("/", "[\"message\",\"again\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"again\"]");
    }
}
