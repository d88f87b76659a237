package dev.sioconf.suite.legacy.cases;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;

/** spec/legacy.md section 16: the server contract every target sets up, which the other cases lean on. */
class ContractCases {

    @Requirement("LEG-16.2")
    @LegacyCase(does = "emits sendMessage and reads the next packet")
    void sendMessageIsAnsweredWithHelloBack(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:::{\"name\":\"sendMessage\",\"args\":[{\"text\":\"hi\"}]}");
        c.inbox().assertNext("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
    }

    @Requirement("LEG-16.3")
    @LegacyCase(does = "emits echo with three arguments and no ack")
    void echoComesBackWithTheSameArguments(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:::{\"name\":\"echo\",\"args\":[\"ping\",42,{\"k\":[1,2]}]}");
        c.inbox().assertNext("5:::{\"name\":\"echo\",\"args\":[\"ping\",42,{\"k\":[1,2]}]}");
        c.inbox().assertExhausted(java.time.Duration.ofMillis(300));
    }

    @Requirement("LEG-16.4")
    @LegacyCase(does = "emits echo with id 9 and '+', asking for a data ack")
    void ackedEchoIsAcknowledgedWithTheSameArguments(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:9+::{\"name\":\"echo\",\"args\":[\"ping\",42]}");
        c.inbox().assertNext("5:::{\"name\":\"echo\",\"args\":[\"ping\",42]}", "6:::9+[\"ping\",42]");
    }

    @Requirement("LEG-16.5")
    @LegacyCase(does = "sends a plain message and a json message")
    void messagesAndJsonMessagesAreEchoed(LegacyTester t) {
        Connection c = t.openSession();
        c.send("3:::plain: text", "4:::{\"a\":[1,\"b\"]}");
        c.inbox().assertNext("3:::plain: text", "4:::{\"a\":[1,\"b\"]}");
    }

    @Requirement("LEG-16.1")
    @LegacyCase(does = "joins /custom, then emits an acked echo and sends a message there")
    void customEndpointBehavesTheSame(LegacyTester t) {
        Connection c = t.openSession();
        c.send("1::/custom");
        c.inbox().assertNext("1::/custom");
        c.send("5:4+:/custom:{\"name\":\"echo\",\"args\":[true]}", "3::/custom:m");
        c.inbox().assertNext("5::/custom:{\"name\":\"echo\",\"args\":[true]}", "6::/custom:4+[true]", "3::/custom:m");
    }
}
