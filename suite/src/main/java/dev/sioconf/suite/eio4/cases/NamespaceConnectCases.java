package dev.sioconf.suite.eio4.cases;

import static dev.sioconf.suite.eio4.SocketIoPackets.assertClosedWithoutAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.assertConnectAnswer;
import static dev.sioconf.suite.eio4.SocketIoPackets.atOnce;
import static dev.sioconf.suite.eio4.SocketIoPackets.join;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;
import java.time.Duration;

/**
 * spec/eio4.md section 18: connecting to a namespace. The four connects, the unknown namespace,
 * the invalid first packet and the missing CONNECT are the official socket.io-protocol checks, with
 * their exact frames.
 */
class NamespaceConnectCases {

    @Requirement("SIO5-18.1")
    @Eio4Case(does = "opens a session, sends no CONNECT, and watches for Socket.IO packets (pings are answered)")
    void nothingIsSentBeforeTheClientConnects(EngineTester t) {
        EngineConnection c = t.open();
        Duration quiet = t.settings().connectTimeout().compareTo(EngineBounds.QUIET) < 0 ? t.settings().connectTimeout() : EngineBounds.QUIET;
        c.inbox().assertExhausted(quiet);
    }

    @Requirement("SIO5-18.2")
    @Eio4Case(does = "official check: sends 40 and expects 40{\"sid\":\"...\"} then 42[\"auth\",{}]")
    void connectToTheMainNamespaceIsAnsweredWithItsSid(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0");
        assertConnectAnswer(c.inbox().nextSio(), "/");
        c.inbox().assertNextSio("2[\"auth\",{}]");
    }

    @Requirement("SIO5-18.2")
    @Eio4Case(does = "official check: sends 40/custom, and expects 40/custom,{\"sid\":\"...\"} then 42/custom,[\"auth\",{}]")
    void connectToACustomNamespaceIsAnsweredOnThatNamespace(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0/custom,");
        assertConnectAnswer(c.inbox().nextSio(), "/custom");
        c.inbox().assertNextSio("2/custom,[\"auth\",{}]");
    }

    @Requirement("SIO5-18.3")
    @Eio4Case(does = "official check: sends 40{\"token\":\"123\"} and expects 40{\"sid\":\"...\"} then 42[\"auth\",{\"token\":\"123\"}]")
    void authObjectOnTheMainNamespaceReachesTheApplication(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0{\"token\":\"123\"}");
        assertConnectAnswer(c.inbox().nextSio(), "/");
        c.inbox().assertNextSio("2[\"auth\",{\"token\":\"123\"}]");
    }

    @Requirement("SIO5-18.3")
    @Eio4Case(does = "official check: sends 40/custom,{\"token\":\"abc\"} and expects 40/custom,{\"sid\":\"...\"} "
            + "then 42/custom,[\"auth\",{\"token\":\"abc\"}]")
    void authObjectOnACustomNamespaceReachesTheApplication(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0/custom,{\"token\":\"abc\"}");
        assertConnectAnswer(c.inbox().nextSio(), "/custom");
        c.inbox().assertNextSio("2/custom,[\"auth\",{\"token\":\"abc\"}]");
    }

    @Requirement("SIO5-18.4")
    @Eio4Case(does = "joins / and /custom on one session and compares the two socket ids with the Engine.IO session id")
    void socketIdsAreFreshPerNamespaceConnection(EngineTester t) {
        EngineConnection c = t.open();
        String main = join(c, "/");
        String custom = join(c, "/custom");
        assertThat(main).as("sid of / differs from the Engine.IO sid").isNotEqualTo(c.sid());
        assertThat(custom).as("sid of /custom differs from the Engine.IO sid").isNotEqualTo(c.sid());
        assertThat(custom).as("sid of /custom differs from the sid of /").isNotEqualTo(main);
    }

    @Requirement("SIO5-18.6")
    @Eio4Case(does = "official check: sends 40/random and expects exactly 44/random,{\"message\":\"Invalid namespace\"}; "
            + "then joins / on the same session")
    void unknownNamespaceIsRefusedAndTheSessionStaysOpen(EngineTester t) {
        EngineConnection c = t.open();
        c.sendSio("0/random");
        c.inbox().assertNextSio("4/random,{\"message\":\"Invalid namespace\"}");
        join(c, "/");
    }

    @Requirement("SIO5-18.7")
    @Eio4Case(does = "joins /custom and then / on one session, then sends sendMessage on each")
    void oneSessionJoinsSeveralNamespaces(EngineTester t) {
        EngineConnection c = t.open();
        join(c, "/custom");
        join(c, "/");
        c.emit("/", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2[\"helloBack\",{\"message\":\"Hello back!\"}]");
        c.emit("/custom", "[\"sendMessage\"]");
        c.inbox().assertNextSio("2/custom,[\"helloBack\",{\"message\":\"Hello back!\"}]");
    }

    @Requirement("SIO5-18.8")
    @Eio4Case(does = "official check: opens a session, sends no CONNECT while answering every ping, "
            + "and waits for the session to end by the declared connectTimeout")
    void sessionWithoutNamespaceIsClosedAfterConnectTimeout(EngineTester t) {
        EngineConnection c = t.open();
        Duration bound = EngineBounds.late(t.settings().connectTimeout()).plus(EngineBounds.PROMPT);
        assertClosedWithoutAnswer(c, bound, "no CONNECT within connectTimeout " + t.settings().connectTimeout().toMillis() + " ms");
    }

    @Requirement("SIO5-18.9")
    @Eio4Case(does = "official check: sends 4abc as the first packet and expects the session to end at once")
    void undecodableFirstPacketClosesTheSessionAtOnce(EngineTester t) {
        long openedAt = System.nanoTime();
        EngineConnection c = t.open();
        c.send("4abc");
        assertClosedWithoutAnswer(c, atOnce(t, openedAt), "4abc instead of a CONNECT");
    }

    @Requirement("SIO5-18.9")
    @Eio4Case(does = "sends the event 42[\"message\"] as the first packet and expects the session to end at once")
    void eventBeforeAnyConnectClosesTheSessionAtOnce(EngineTester t) {
        long openedAt = System.nanoTime();
        EngineConnection c = t.open();
        c.sendSio("2[\"message\"]");
        assertClosedWithoutAnswer(c, atOnce(t, openedAt), "an event instead of a CONNECT");
    }
}
