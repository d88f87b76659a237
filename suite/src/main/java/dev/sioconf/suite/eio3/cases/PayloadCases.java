package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio3.Sio4Packets;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.eio4.SocketIoPackets;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** spec/eio3.md section 5: text payloads on HTTP. */
class PayloadCases {

    static final String PH0 = "{\"_placeholder\":true,\"num\":0}";
    static final String PH1 = "{\"_placeholder\":true,\"num\":1}";

    @Requirement("EIO3-5.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "POSTs 16:42[\"echo\",\"é😀\"] and polls: the echo's length counts UTF-16 code units (16), not bytes (19)")
    void lengthCountsUtf16CodeUnits(EngineTester t) {
        String sid = handshakeTaking40(t, "");
        EngineTester.assertAnswer(t.post(sid, "16:42[\"echo\",\"é😀\"]"), 200, "ok");
        HttpAnswer a = t.poll(sid);
        assertTextPayloadType(a);
        EngineTester.assertAnswer(a, 200, "16:42[\"echo\",\"é😀\"]");
    }

    @Requirement("EIO3-5.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "POSTs 421[\"echo\",\"a\",1] and polls until the echo and the ack are in: "
                    + "16:42[\"echo\",\"a\",1]10:431[\"a\",1], nothing between or around the entries")
    void packetsAreFramedWithNoSeparator(EngineTester t) {
        String sid = handshakeTaking40(t, "");
        EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("421[\"echo\",\"a\",1]")), 200, "ok");
        String body = collect(t, sid, 2).body();
        assertThat(Eio4Codec.visible(body)).as("the poll answers, one after the other")
                .isIn("16:42[\"echo\",\"a\",1]10:431[\"a\",1]", "10:431[\"a\",1]16:42[\"echo\",\"a\",1]");
    }

    @Requirement("EIO3-5.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes with b64=1, POSTs 451-[\"message\",<placeholder>] with the attachment b4AQ== (the byte 01) and polls: "
                    + "the attachment must come as 6:b4AQ==, padding included")
    void binaryMessageInATextPayloadIsB4AndPaddedBase64(EngineTester t) {
        String sid = handshakeTaking40(t, "&b64=1");
        EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("451-[\"message\"," + PH0 + "]", "b4AQ==")), 200, "ok");
        Collected got = collect(t, sid, 2);
        assertThat(Eio4Codec.visible(got.body())).as("the poll answers, one after the other")
                .isEqualTo(Eio3Codec.payload("451-[\"message-back\"," + PH0 + "]", "b4AQ=="));
    }

    @Requirement("EIO3-5.2")
    @Eio3Case(transports = EngineTransport.POLLING,
            does = "POSTs in one body 42[\"echo\",\"a\",1], 452-[\"message\",<2 placeholders>], b4AQID, b4BAUG and 42[\"echo\",\"é😀\"], "
                    + "and reads the answers in order")
    void severalFramedPacketsTextAndB4AreReadInOrder(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        c.send("42[\"echo\",\"a\",1]", "452-[\"message\"," + PH0 + "," + PH1 + "]", "b4AQID", "b4BAUG", "42[\"echo\",\"é😀\"]");
        c.inbox().assertNext("42[\"echo\",\"a\",1]", "452-[\"message-back\"," + PH0 + "," + PH1 + "]", "b4AQID", "b4BAUG",
                "42[\"echo\",\"é😀\"]");
    }

    @Requirement("EIO3-5.2")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "POSTs 15:42[\"echo\",\"a\",1] (16 is right) while a poll is held, and watches the session")
    void tooShortLengthIsAParseErrorThatEndsTheSession(EngineTester t) {
        wrongLengthEndsTheSession(t, "15:42[\"echo\",\"a\",1]");
    }

    @Requirement("EIO3-5.2")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "POSTs 19:42[\"echo\",\"é😀\"], the length in UTF-8 bytes (16 is right), while a poll is held, and watches the session")
    void lengthInBytesIsAParseErrorThatEndsTheSession(EngineTester t) {
        wrongLengthEndsTheSession(t, "19:42[\"echo\",\"é😀\"]");
    }

    @Requirement("EIO3-5.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "POSTs 42[\"echo\",1], 42[\"echo\",2] and 42[\"echo\",3] in three bodies with no poll held, then polls until the three echoes are in")
    void packetsQueuedWithoutAPollAreDeliveredInOrder(EngineTester t) {
        String sid = handshakeTaking40(t, "");
        for (int i = 1; i <= 3; i++) {
            EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("42[\"echo\"," + i + "]")), 200, "ok");
        }
        Collected got = collect(t, sid, 3);
        assertThat(got.packets()).as("packets of the poll answers").containsExactly("42[\"echo\",1]", "42[\"echo\",2]", "42[\"echo\",3]");
        if (got.answers().size() > 1) {
            t.log().note("the three queued echoes came in " + got.answers().size() + " answers (they may have been produced after the first poll)");
        }
    }

    @Requirement("EIO3-5.3")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "keeps polling while POSTing 42[\"echo\",1] to 42[\"echo\",30] one by one; reads every echo once, in order")
    void everyPacketIsDeliveredOnceAndInOrderAcrossPolls(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        List<String> expected = new ArrayList<>();
        for (int i = 1; i <= 30; i++) {
            c.emit("/", "[\"echo\"," + i + "]");
            expected.add("42[\"echo\"," + i + "]");
        }
        assertThat(c.inbox().awaitPackets(30, EngineTester.longBound(t))).as("echoes, in order").containsExactlyElementsOf(expected);
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO3-5.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes with b64=1, POSTs 452-[\"message\",<2 placeholders>] with b4AQID and b4BAUG, and polls until all three are back")
    void b64PollingSessionGetsBinaryAsB4EntriesOfATextPayload(EngineTester t) {
        String sid = handshakeTaking40(t, "&b64=1");
        EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("452-[\"message\"," + PH0 + "," + PH1 + "]", "b4AQID", "b4BAUG")),
                200, "ok");
        Collected got = collect(t, sid, 3);
        for (HttpAnswer a : got.answers()) {
            assertTextPayloadType(a);
        }
        assertThat(Eio4Codec.visible(got.body())).as("the poll answers, one after the other")
                .isEqualTo("80:452-[\"message-back\"," + PH0 + "," + PH1 + "]6:b4AQID6:b4BAUG");
    }

    @Requirement("EIO3-5.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket with ?EIO=3&transport=websocket&b64=1, sends 451-[\"message\",<placeholder>] and the binary frame 04 01 02 03; "
                    + "the attachment must come back as the text frame b4AQID")
    void b64WebSocketGetsBinaryAsB4TextFrames(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=3&transport=websocket&b64=1", Map.of());
        OpenPacket.parse(ws.next(EngineBounds.PROMPT));
        assertThat(ws.next(EngineBounds.PROMPT)).as("the main namespace's CONNECT").isEqualTo("40");
        ws.send("451-[\"message\"," + PH0 + "]");
        ws.sendBinary(new byte[] {4, 1, 2, 3});
        WebSocketWire.Frame event = ws.nextFrame(EngineBounds.PROMPT);
        assertThat(event.toString()).as("first frame of the answer").isEqualTo("451-[\"message-back\"," + PH0 + "]");
        WebSocketWire.Frame attachment = ws.nextFrame(EngineBounds.PROMPT);
        assertThat(attachment.toString()).as("the attachment's frame").isEqualTo("b4AQID");
        assertThat(attachment.binary()).as("the attachment came as a binary frame").isFalse();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** Poll answers read one after another, their packets and their bodies joined. */
    record Collected(List<HttpAnswer> answers, List<String> packets, String body) {
    }

    /**
     * Polls a session driven by hand until at least {@code n} packets have come, each answer
     * required to be 200 and a well-formed payload (text, or binary when it says so).
     */
    static Collected collect(EngineTester t, String sid, int n) {
        List<HttpAnswer> answers = new ArrayList<>();
        List<String> packets = new ArrayList<>();
        StringBuilder body = new StringBuilder();
        while (packets.size() < n) {
            if (answers.size() >= n) {
                throw new TargetMisbehaved("only " + packets.size() + " of " + n + " packets in " + answers.size() + " polls: " + packets);
            }
            HttpAnswer a = t.poll(sid);
            assertThat(a.status()).as("status of a poll (body %s)", a.body()).isEqualTo(200);
            answers.add(a);
            packets.addAll(t.revision().split(a));
            body.append(a.body());
        }
        return new Collected(answers, packets, body.toString());
    }

    /** A polling handshake (with extra query such as {@code &b64=1}) whose answer's packets after the open one are only {@code 40}. */
    static String handshakeTaking40(EngineTester t, String extraQuery) {
        HttpAnswer a = t.get("EIO=3&transport=polling" + extraQuery);
        if (a.status() != 200) {
            throw new TargetMisbehaved("a polling handshake was answered HTTP " + a.status() + ": " + a.body());
        }
        List<String> packets = Eio3Codec.split(a.body());
        if (!packets.subList(1, packets.size()).stream().allMatch("40"::equals)) {
            throw new TargetMisbehaved("the handshake answer holds more than the open packet and 40: " + a.body());
        }
        return OpenPacket.parse(packets.get(0)).sid();
    }

    static void assertTextPayloadType(HttpAnswer a) {
        String type = a.header("Content-Type").orElse("(none)").toLowerCase(Locale.ROOT).replace(" ", "");
        assertThat(type).as("Content-Type of a text payload").startsWith("text/plain").contains("charset=utf-8");
    }

    private static void wrongLengthEndsTheSession(EngineTester t, String body) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        PacketCases.postOrNull(c, body); // what the POST itself gets is EIO3-8.3's question
        SocketIoPackets.assertClosedWithoutAnswer(c, EngineBounds.PROMPT, "the held poll must end with the session after POSTing " + body);
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }
}
