package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** spec/legacy.md section 4: packet encoding, both as the server writes it and as it reads it. */
class EncodingCases {

    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final String HELLO_BACK = "{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}";

    @Requirement("LEG-4.1")
    @LegacyCase(does = "takes the connect packet, joins /custom and sends a message with id 1, and reads packets with and without data")
    void packetWithoutDataEndsAfterItsEndpoint(LegacyTester t) {
        Connection c = t.openSession();
        c.join("/custom");
        c.send("3:1::x");
        assertThat(c.inbox().awaitPackets(2, Bounds.PROMPT)).containsExactlyInAnyOrder("6:::1", "3:::x");
    }

    @Requirement("LEG-4.2")
    @LegacyCase(does = "sends a connect (1), a message (3), a json message (4) and an event asking for a data ack (5), and reads the type of each answer")
    void eachTypeDigitKeepsItsMeaning(LegacyTester t) {
        Connection c = t.openSession();
        c.join("/custom");
        c.send("3:::text");
        c.inbox().assertNext("3:::text");
        c.send("4:::[\"json\"]");
        assertJsonData(c.inbox().next(), "4:::", "[\"json\"]");
        c.send("5:3+::{\"name\":\"echo\",\"args\":[\"ev\"]}");
        assertJsonData(c.inbox().next(), "5:::", "{\"name\":\"echo\",\"args\":[\"ev\"]}");
        assertJsonData(c.inbox().next(), "6:::3+", "[\"ev\"]");
    }

    @Requirement("LEG-4.3")
    @LegacyCase(does = "sends 2::, 2:::, 8:: and 8:::, joins /custom with 1::, leaves it with 0::/custom, then sends a message")
    void packetsWithoutDataOrWithEmptyDataAreAccepted(LegacyTester t) {
        Connection c = t.openSession();
        c.send("2::", "2:::", "8::", "8:::");
        c.join("/custom");
        c.send("0::/custom", "3:::still here");
        c.inbox().assertNext("3:::still here");
    }

    @Requirement("LEG-4.4")
    @LegacyCase(does = "emits echo with id 11+ and then with id 12 (no '+'), and reads the acknowledgements")
    void idWithPlusAsksForADataAckAndWithoutForAnAutomaticOne(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:11+::{\"name\":\"echo\",\"args\":[\"p\"]}");
        assertJsonData(c.inbox().next(), "5:::", "{\"name\":\"echo\",\"args\":[\"p\"]}");
        assertJsonData(c.inbox().next(), "6:::11+", "[\"p\"]");
        c.send("5:12::{\"name\":\"echo\",\"args\":[\"q\"]}");
        List<String> got = c.inbox().awaitPackets(2, Bounds.PROMPT);
        assertThat(got).as("answers to 5:12::").contains("6:::12");
        assertJsonData(got.get(got.indexOf("6:::12") == 0 ? 1 : 0), "5:::", "{\"name\":\"echo\",\"args\":[\"q\"]}");
    }

    @Requirement("LEG-4.5")
    @LegacyCase(does = "joins /custom, sends a message with id 5 there and one with id 6 on the default endpoint")
    void endpointFieldIsEmptyForTheDefaultEndpointAndTheNameOtherwise(LegacyTester t) {
        Connection c = t.openSession();
        c.join("/custom");
        c.send("3:5:/custom:on custom");
        assertThat(c.inbox().awaitPackets(2, Bounds.PROMPT)).containsExactlyInAnyOrder("6::/custom:5", "3::/custom:on custom");
        c.send("3:6::on default");
        assertThat(c.inbox().awaitPackets(2, Bounds.PROMPT)).containsExactlyInAnyOrder("6:::6", "3:::on default");
    }

    @Requirement("LEG-4.6")
    @LegacyCase(does = "sends messages whose data starts, ends and is full of colons, on the default endpoint and on /custom")
    void messageDataIsEverythingAfterTheThirdColon(LegacyTester t) {
        Connection c = t.openSession();
        c.send("3:::: a::b :");
        c.inbox().assertNext("3:::: a::b :");
        c.join("/custom");
        c.send("3::/custom:1::/x:y");
        c.inbox().assertNext("3::/custom:1::/x:y");
    }

    @Requirement("LEG-4.7")
    @LegacyCase(does = "sends a json message with nesting, numbers, null and a string holding colons, and parses the data that comes back")
    void jsonPacketDataIsOneJsonText(LegacyTester t) {
        Connection c = t.openSession();
        String value = "{\"a\":[1,2.5,{\"b\":null}],\"c\":\"x:y\",\"d\":true}";
        c.send("4:::" + value);
        assertJsonData(c.inbox().next(), "4:::", value);
    }

    @Requirement("LEG-4.8")
    @LegacyCase(does = "emits sendMessage and echo without an args member, and reads the events that come back")
    void eventWithoutArgsIsTakenAsAnEventWithNoArguments(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:::{\"name\":\"sendMessage\"}");
        assertJsonData(c.inbox().next(), "5:::", HELLO_BACK);
        c.send("5:::{\"name\":\"echo\"}");
        JsonNode echo = jsonData(c.inbox().next(), "5:::");
        assertThat(echo.path("name").isTextual() && echo.path("name").asText().equals("echo"))
                .as("the echo is an object whose name is \"echo\": %s", echo).isTrue();
        assertThat(echo.has("args") ? echo.get("args").toString() : "[]").as("its args, left out or empty").isEqualTo("[]");
    }

    @Requirement("LEG-4.9")
    @LegacyCase(does = "emits echo with id 21+ and sends a message with id 22, and reads both acknowledgements")
    void ackDataIsTheAckedIdThenPlusAndTheArguments(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:21+::{\"name\":\"echo\",\"args\":[\"a\",1]}");
        assertJsonData(c.inbox().next(), "5:::", "{\"name\":\"echo\",\"args\":[\"a\",1]}");
        assertJsonData(c.inbox().next(), "6:::21+", "[\"a\",1]");
        c.send("3:22::m");
        assertThat(c.inbox().awaitPackets(2, Bounds.PROMPT)).containsExactlyInAnyOrder("6:::22", "3:::m");
    }

    @Requirement("LEG-4.10")
    @LegacyCase(does = "connects the transport with a session id that was never handed out")
    void errorDataIsAReasonCodeThenPlusAndAnAdviceCode(LegacyTester t) {
        // Unique per invocation, so that a server adopting unknown ids cannot spoil the other invocations.
        Connection c = t.attach(t.transport(), "sioconfNeverIssued" + Long.toHexString(System.nanoTime()));
        c.inbox().assertNext("7:::1+0");
    }

    @Requirement("LEG-4.11")
    @LegacyCase(transports = {Transport.XHR_POLLING, Transport.JSONP_POLLING},
            does = "takes the connect packet, lets an empty poll run out, then holds another poll and POSTs 0::")
    void noopAndDisconnectAreSentWithoutData(LegacyTester t) {
        String sid = PollingCases.connected(t);
        assertThat(Polls.payload(t.transport(), t.poll(t.transport(), sid))).as("answer to an empty poll").isEqualTo("8::");
        CompletableFuture<HttpAnswer> held = CompletableFuture.supplyAsync(() -> t.poll(t.transport(), sid));
        t.pause(t.bounds().pollingDuration().dividedBy(2), "let the poll be held");
        t.postPayload(t.transport(), sid, "0::");
        assertThat(Polls.payload(t.transport(), held.join())).as("held poll after the client's 0::").isEqualTo("0::");
    }

    @Requirement("LEG-4.11")
    @LegacyCase(transports = Transport.WEBSOCKET, onlyIf = TargetTrait.HEARTBEATS_ON,
            does = "opens a websocket, waits for the server's heartbeat frame, then sends 0::")
    void heartbeatAndDisconnectAreSentWithoutData(LegacyTester t) {
        try (WebSocketWire ws = t.openWebSocket(t.handshake().sid())) {
            assertThat(ws.next(Bounds.PROMPT)).as("first frame").isEqualTo("1::");
            assertThat(ws.next(t.bounds().heartbeatDue())).as("heartbeat frame").isEqualTo("2::");
            ws.send("0::");
            assertThat(ws.next(Bounds.PROMPT)).as("answer to the client's 0::").isEqualTo("0::");
        }
    }

    @Requirement("LEG-4.12")
    @LegacyCase(does = "sends, one body or frame each, text without colons, an unknown type digit, broken json and event data,"
            + " a noop and an error, then a message")
    void undecodableAndUselessPacketsAreIgnoredAndTheSessionKeepsServing(LegacyTester t) {
        Connection c = t.openSession();
        for (String junk : List.of("garbage", "9:::nine", "4:::{\"a\":", "5:::{\"name\":", "8::", "7:::2+0")) {
            c.sendPayload(junk);
        }
        c.send("3:::after");
        c.inbox().assertNext("3:::after");
    }

    /** The data of {@code packet} after {@code head}, which must be exactly one JSON text. */
    static JsonNode jsonData(String packet, String head) {
        assertThat(packet).as("packet").startsWith(head);
        String data = packet.substring(head.length());
        try {
            JsonNode node = JSON.readTree(data);
            if (node == null || node.isMissingNode()) {
                throw new AssertionError("no JSON after " + head + "\nActual: " + packet);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new AssertionError("data of " + packet + " is not one JSON text: " + e.getOriginalMessage());
        }
    }

    /** {@code packet} is {@code head} followed by JSON equal to {@code expectedJson}, member order and spacing aside. */
    static void assertJsonData(String packet, String head, String expectedJson) {
        assertThat((Object) jsonData(packet, head)).as("data of %s, compared as JSON", packet)
                .isEqualTo(jsonData(head + expectedJson, head));
    }
}
