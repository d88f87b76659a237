package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.join;
import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio3.md section 21: disconnecting from a namespace. A DISCONNECT gets no answer, so each
 * case watches the quiet after it, which also lets the server take it before the next packet
 * (socket.io 2.5.1 handles a namespace's packets one tick late). No case leaves {@code /} and then
 * joins {@code /custom}: socket.io 2.x holds back a CONNECT for another namespace while the main
 * one is not joined.
 */
class DisconnectCases {

    @Requirement("SIO4-21.1")
    @Eio3Case(does = "joins / and /custom, sends 41/custom, and expects no answer; then message-with-ack on /custom "
            + "(no answer) and on / (answered), the session staying open")
    void leavingACustomNamespaceIsNotAnsweredAndKeepsTheSession(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom,");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        c.emit("/custom", 1, "[\"message-with-ack\",\"left\"]");
        c.emit("/", 2, "[\"message-with-ack\",\"main\"]");
        c.inbox().assertNextSio("32[\"main\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        assertThat(c.inbox().closedBecause()).as("the session must stay open").isNull();
    }

    @Requirement("SIO4-21.1")
    @Eio3Case(does = "joins / and /custom, sends 41 (leaving /) and expects no answer; then sendMessage on / (no answer) "
            + "and on /custom (answered)")
    void leavingTheMainNamespaceKeepsTheOtherNamespaces(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        c.emit("/", "[\"sendMessage\"]");
        c.emit("/custom", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-21.2")
    @Eio3Case(does = "joins / and /custom, leaves /custom with 41/custom, and joins it again with 40/custom,")
    void aLeftNamespaceCanBeJoinedAgain(EngineTester t) {
        EngineConnection c = joined(t, "/", "/custom");
        c.sendSio("1/custom,");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        join(c, "/custom");
        c.emit("/custom", 2, "[\"message-with-ack\",\"again\"]");
        c.inbox().assertNextSio("3/custom,2[\"again\"]");
    }

    @Requirement("SIO4-21.3")
    @Eio3Case(does = "joins /, leaves it with 41, sends 40 and expects the answer 40 (socket.io 2.5.1 sends none: NON_STRICT)")
    void theMainNamespaceRejoinedIsAnswered(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("1");
        c.inbox().assertExhausted(EngineBounds.QUIET);
        c.sendSio("0");
        c.inbox().assertNextSio("0");
        c.emit("/", "[\"message\",\"again\"]");
        c.inbox().assertNextSio("2[\"message-back\",\"again\"]");
    }
}
