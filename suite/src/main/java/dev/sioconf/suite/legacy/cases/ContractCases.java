package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;

/** spec/legacy.md section 16: the server contract every target sets up, which the other cases lean on. */
class ContractCases {

    private static final ObjectMapper JSON = new ObjectMapper();

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
    @LegacyCase(does = "sends a message whose data holds a colon")
    void messageIsEchoed(LegacyTester t) {
        Connection c = t.openSession();
        c.send("3:::plain: text");
        c.inbox().assertNext("3:::plain: text");
    }

    @Requirement("LEG-16.6")
    @LegacyCase(does = "sends a json packet holding an object, then one holding an array, and compares the values that come back")
    void jsonMessagesAreEchoedWithAnEqualValue(LegacyTester t) {
        Connection c = t.openSession();
        String object = "{\"a\":[1,\"b\"],\"nested\":{\"n\":null,\"yes\":true}}";
        String array = "[2.5,\"x\",{\"k\":[]}]";
        c.send("4:::" + object, "4:::" + array);
        assertJsonPacket(c.inbox().next(), object);
        assertJsonPacket(c.inbox().next(), array);
    }

    @Requirement("LEG-16.7")
    @LegacyCase(does = "emits sendMessage and an echo, takes the two answers, then listens for as long as a prompt answer may take")
    void contractSendsNothingOfItsOwn(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:::{\"name\":\"sendMessage\",\"args\":[]}", "5:::{\"name\":\"echo\",\"args\":[\"once\"]}");
        c.inbox().assertNext("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}",
                "5:::{\"name\":\"echo\",\"args\":[\"once\"]}");
        // Anything the server would send in answer comes within PROMPT; heartbeats and noops are not recorded.
        c.inbox().assertExhausted(Bounds.PROMPT);
    }

    @Requirement("LEG-16.1")
    @LegacyCase(does = "joins /custom, then emits an acked echo and sends a message there")
    void customEndpointBehavesTheSame(LegacyTester t) {
        Connection c = t.openSession();
        c.join("/custom");
        c.send("5:4+:/custom:{\"name\":\"echo\",\"args\":[true]}", "3::/custom:m");
        c.inbox().assertNext("5::/custom:{\"name\":\"echo\",\"args\":[true]}", "6::/custom:4+[true]", "3::/custom:m");
    }

    /** A json packet on the default endpoint whose value equals {@code expected}, member order and spacing aside. */
    static void assertJsonPacket(String packet, String expected) {
        assertThat(packet).as("json packet").startsWith("4:::");
        assertThat(json(packet.substring("4:::".length()))).as("value of %s", packet).isEqualTo(json(expected));
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + text, e);
        }
    }
}
