package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.cases.PayloadCases.PH0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** spec/eio3.md section 6: binary payloads on HTTP. */
class BinaryPayloadCases {

    @Requirement("EIO3-6.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes without b64, POSTs 451-[\"message\",<placeholder>] with b4AQID and polls: "
                    + "application/octet-stream, 00 05 00 ff + the 50 bytes of 451-[\"message-back\",...], then 01 04 ff 04 01 02 03")
    void binaryMessageMakesTheAnswerABinaryPayload(EngineTester t) {
        String sid = PayloadCases.handshakeTaking40(t, "");
        EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("451-[\"message\"," + PH0 + "]", "b4AQID")), 200, "ok");
        String event = "451-[\"message-back\"," + PH0 + "]";
        byte[] attachment = entry(1, new byte[] {4, 1, 2, 3});
        HttpAnswer a = t.poll(sid);
        if (!a.binary() && a.status() == 200) {
            // The event may have gone out before its attachment was queued; then only the text packet is in.
            assertThat(Eio3Codec.split(a.body())).as("a text answer (Content-Type %s) may hold only text packets",
                    a.header("Content-Type").orElse("(none)")).containsExactly(event);
            t.log().note("the event came alone in a text payload; its attachment must follow in a binary payload");
            assertBinaryPayload(t.poll(sid), attachment);
        } else {
            assertBinaryPayload(a, bytes(entry(0, event), attachment));
        }
    }

    @Requirement("EIO3-6.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes without b64, POSTs 451-[\"message\",\"é😀\",<placeholder>] with b4AAECAwQFBgcICQ== (ten bytes) and polls: "
                    + "the text entry's length counts UTF-8 bytes (00 05 09 ff), the binary one the type byte too (01 01 01 ff)")
    void binaryPayloadLengthsCountBytesOneDigitPerByte(EngineTester t) {
        String sid = PayloadCases.handshakeTaking40(t, "");
        byte[] ten = {0, 1, 2, 3, 4, 5, 6, 7, 8, 9};
        EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("451-[\"message\",\"é😀\"," + PH0 + "]", Eio3Codec.binary(ten))),
                200, "ok");
        String event = "451-[\"message-back\",\"é😀\"," + PH0 + "]";
        byte[] frame = new byte[11];
        frame[0] = 4;
        System.arraycopy(ten, 0, frame, 1, 10);
        HttpAnswer a = t.poll(sid);
        if (!a.binary() && a.status() == 200) {
            assertThat(Eio3Codec.split(a.body())).as("a text answer may hold only text packets").containsExactly(event);
            t.log().note("the event came alone in a text payload; its attachment must follow in a binary payload");
            assertBinaryPayload(t.poll(sid), entry(1, frame));
        } else {
            assertBinaryPayload(a, bytes(entry(0, event), entry(1, frame)));
        }
    }

    @Requirement("EIO3-6.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes without b64, POSTs 42[\"echo\",\"a\"] and polls: an answer without binary message stays a text payload")
    void answerWithoutBinaryStaysText(EngineTester t) {
        String sid = PayloadCases.handshakeTaking40(t, "");
        EngineTester.assertAnswer(t.post(sid, Eio3Codec.payload("42[\"echo\",\"a\"]")), 200, "ok");
        HttpAnswer a = t.poll(sid);
        PayloadCases.assertTextPayloadType(a);
        EngineTester.assertAnswer(a, 200, "14:42[\"echo\",\"a\"]");
    }

    @Requirement("EIO3-6.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "POSTs as application/octet-stream the binary payload 00 .. ff 42[\"echo\",\"é😀\"], 00 .. ff 451-[\"message\",<placeholder>], "
                    + "01 04 ff 04 01 02 03, and polls until the echo, the event and its attachment are back")
    void binaryPayloadPostIsRead(EngineTester t) {
        String sid = PayloadCases.handshakeTaking40(t, "");
        byte[] body = Eio3Codec.binaryPayload(List.of("42[\"echo\",\"é😀\"]", "451-[\"message\"," + PH0 + "]", "b4AQID"));
        t.log().note("binary payload: " + WebSocketWire.hex(body));
        EngineTester.assertAnswer(t.post(t.path(), sid, body), 200, "ok");
        PayloadCases.Collected got = PayloadCases.collect(t, sid, 3);
        assertThat(got.packets()).as("packets of the poll answers")
                .containsExactly("42[\"echo\",\"é😀\"]", "451-[\"message-back\"," + PH0 + "]", "b4AQID");
    }

    // ---- helpers ----------------------------------------------------------------------------------

    /** One binary payload entry: the kind byte, the length one digit per byte, 0xFF, the bytes. */
    static byte[] entry(int kind, String text) {
        return entry(kind, text.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] entry(int kind, byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(kind);
        for (char c : Integer.toString(data.length).toCharArray()) {
            out.write(c - '0');
        }
        out.write(0xff);
        out.writeBytes(data);
        return out.toByteArray();
    }

    static byte[] bytes(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static void assertBinaryPayload(HttpAnswer a, byte[] expected) {
        assertThat(a.status()).as("status of the poll (body %s)", a.body()).isEqualTo(200);
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type of an answer holding a binary message")
                .startsWith("application/octet-stream");
        assertThat(WebSocketWire.hex(a.raw())).as("the binary payload").isEqualTo(WebSocketWire.hex(expected));
    }
}
