package dev.sioconf.suite.eio3.cases;

import static dev.sioconf.suite.eio3.Sio4Packets.join;
import static dev.sioconf.suite.eio3.Sio4Packets.joined;
import static dev.sioconf.suite.eio4.SocketIoPackets.bytes;
import static dev.sioconf.suite.eio4.SocketIoPackets.placeholder;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRecorder.Received;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.JsStrings;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * spec/eio3.md section 16: Socket.IO over Engine.IO. Every Socket.IO case runs on every transport;
 * these cases look at the Engine.IO messages themselves: a packet in one message, each attachment
 * a binary message of its own, written as the transport wants it (a {@code 0x04} binary frame on a
 * WebSocket, a {@code 0x01} entry of an {@code application/octet-stream} payload on XHR polling, a
 * {@code b4} entry on JSONP), and the upgrade.
 *
 * <p>The hand-driven polling sessions here (and in {@link BinaryAttachmentCases}) see each poll
 * answer as it came, which {@link EngineConnection} hides; they send a ping {@code 2} with every
 * POST so that a slow machine cannot let the session time out, and skip the pongs.
 */
class SocketIoTransportCases {

    static final String TWO = placeholder(0) + "," + placeholder(1);
    private static final Pattern JSONP = Pattern.compile("___eio\\[(\\d*)\\]\\((\"[\\s\\S]*\")\\);");

    @Requirement("SIO4-16.1")
    @Eio3Case(does = "joins /, sends 452-[\"message\",<placeholder 0>,<placeholder 1>] with attachments 01 02 03 and 04 05 06, "
            + "and reads the Engine.IO packets of the answer: one text message, then two binary messages "
            + "(binary frames 04 01 02 03 and 04 04 05 06 on a WebSocket, b4AQID and b4BAUG on polling)")
    void packetTextThenEachAttachmentAsItsOwnBinaryMessage(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.sendSio("52-[\"message\"," + TWO + "]", bytes(1, 2, 3), bytes(4, 5, 6));
        Received text = c.inbox().nextReceived(EngineBounds.PROMPT);
        Received first = c.inbox().nextReceived(EngineBounds.PROMPT);
        Received second = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(text.toString()).as("the packet as one text message").isEqualTo("452-[\"message-back\"," + TWO + "]");
        boolean ws = c.onWebSocket();
        assertThat(first.toString()).as("first attachment").isEqualTo(ws ? "[binary frame 04 01 02 03]" : "b4AQID");
        assertThat(second.toString()).as("second attachment").isEqualTo(ws ? "[binary frame 04 04 05 06]" : "b4BAUG");
    }

    @Requirement("SIO4-16.1")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.POLLING_JSONP},
            does = "drives a polling session by hand (XHR, or JSONP with j=0&b64=1 as engine.io-client 3 opens it), POSTs 2 and "
                    + "452-[\"message\",...] with the "
                    + "attachments b4AQID and b4BAUG, and polls: on XHR the answer holding the attachments must be an "
                    + "application/octet-stream binary payload, on JSONP a ___eio[0](\"...\"); text payload with b4 entries")
    void attachmentsInPollAnswersTakeTheFormOfTheTransport(EngineTester t) {
        boolean jsonp = t.transport() == EngineTransport.POLLING_JSONP;
        // engine.io-client 3 always asks for b64 on JSONP (socket.io 2.5.1 writes a JSONP answer holding binary as
        // ___eio[0]({"type":"Buffer","data":[...]}); otherwise)
        String sid = handDrivenSession(t, jsonp, jsonp ? "&b64=1" : "");
        postText(t, sid, jsonp, "2", "452-[\"message\"," + TWO + "]", "b4AQID", "b4BAUG");
        List<HttpAnswer> answers = new ArrayList<>();
        List<String> packets = pollPackets(t, sid, jsonp, 3, answers);
        assertThat(packets).as("the answer's packets").containsExactly("452-[\"message-back\"," + TWO + "]", "b4AQID", "b4BAUG");
        for (HttpAnswer a : answers) {
            if (jsonp) {
                assertThat(a.binary()).as("a JSONP poll answer is never a binary payload; Content-Type %s",
                        a.header("Content-Type").orElse("(none)")).isFalse();
            } else if (packetsOf(t, a, false).stream().anyMatch(p -> p.startsWith("b"))) {
                assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type of the XHR poll answer holding attachments")
                        .startsWith("application/octet-stream");
            }
        }
    }

    @Requirement("SIO4-16.1")
    @Eio3Case(does = "joins / and sends message-with-ack with id 8; expects the ACK alone in one message packet, no other packet")
    void eachPacketIsExactlyOneMessage(EngineTester t) {
        EngineConnection c = joined(t, "/");
        c.emit("/", 8, "[\"message-with-ack\",\"one\"]");
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("the ACK as one message").isEqualTo("438[\"one\"]");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("SIO4-16.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.UPGRADES,
            does = "takes the implicit 40, joins /custom over polling, upgrades the session to a WebSocket, then uses "
                    + "both namespaces on it, an attachment included")
    void namespacesJoinedOnPollingKeepWorkingAfterTheUpgrade(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.POLLING);
        c.inbox().assertNextSio("0");
        join(c, "/custom");
        c.upgrade();
        c.settle();
        c.emit("/custom", 5, "[\"message-with-ack\",\"after\"]");
        c.inbox().assertNextSio("3/custom,5[\"after\"]");
        c.emit("/", 6, "[\"message-with-ack\",\"main\"]");
        c.inbox().assertNextSio("36[\"main\"]");
        c.sendSio("51-[\"message\"," + placeholder(0) + "]", bytes(9));
        c.inbox().assertNextSio("51-[\"message-back\"," + placeholder(0) + "]");
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("attachment on the WebSocket")
                .isEqualTo("[binary frame 04 09]");
    }

    // ---- a polling session driven by hand ------------------------------------------------------

    /** A polling handshake (with {@code j=0} for JSONP); returns the sid. The implicit {@code 40} stays in its body. */
    static String handDrivenSession(EngineTester t, boolean jsonp) {
        return handDrivenSession(t, jsonp, "");
    }

    /** Like {@link #handDrivenSession(EngineTester, boolean)}, with more handshake query (e.g. {@code &b64=1}). */
    static String handDrivenSession(EngineTester t, boolean jsonp, String moreQuery) {
        HttpAnswer a = t.get(t.eio() + "&transport=polling" + (jsonp ? "&j=0" : "") + moreQuery);
        if (a.status() != 200) {
            throw new TargetMisbehaved("a polling handshake was answered HTTP " + a.status() + ": " + a.body());
        }
        return OpenPacket.parse(packetsOf(t, a, jsonp).get(0)).sid();
    }

    /** POSTs packets as one text payload (as a JSONP form for JSONP); the answer must be 200 {@code ok}. */
    static void postText(EngineTester t, String sid, boolean jsonp, String... packets) {
        String payload = Eio3Codec.payload(packets);
        HttpAnswer a = jsonp
                ? t.http().post(t.uri(t.path(), t.eio() + "&transport=polling&j=0&sid=" + sid),
                        "application/x-www-form-urlencoded", Eio4Codec.jsonpForm(payload), EngineBounds.PROMPT)
                : t.post(sid, payload);
        EngineTester.assertAnswer(a, 200, "ok");
    }

    /** POSTs packets as one {@code application/octet-stream} binary payload; the answer must be 200 {@code ok}. */
    static void postBinary(EngineTester t, String sid, String... packets) {
        EngineTester.assertAnswer(t.post(t.path(), sid, Eio3Codec.binaryPayload(List.of(packets))), 200, "ok");
    }

    /**
     * Polls until {@code n} packets other than pongs and noops have come, each answer kept in
     * {@code answers}; a refused poll or the close packet fails the case.
     */
    static List<String> pollPackets(EngineTester t, String sid, boolean jsonp, int n, List<HttpAnswer> answers) {
        List<String> got = new ArrayList<>();
        long deadline = System.nanoTime() + EngineTester.longBound(t).toNanos();
        while (got.size() < n) {
            if (System.nanoTime() > deadline) {
                throw new TargetMisbehaved("only " + got.size() + " of " + n + " packets within "
                        + EngineTester.longBound(t).toMillis() + " ms; got: " + got);
            }
            HttpAnswer a = t.poll(t.path(), sid, jsonp ? "j=0" : "");
            if (a.status() != 200) {
                throw new TargetMisbehaved("a poll was answered HTTP " + a.status() + " " + a.body() + " after " + got);
            }
            answers.add(a);
            for (String p : packetsOf(t, a, jsonp)) {
                if (p.equals("1")) {
                    throw new TargetMisbehaved("the session ended (close packet 1) after " + got);
                }
                if (!p.equals("3") && !p.equals("6")) {
                    got.add(p);
                }
            }
        }
        return got;
    }

    /** The packets of a poll answer: a binary payload read as such, JSONP unwrapped from its callback. */
    static List<String> packetsOf(EngineTester t, HttpAnswer a, boolean jsonp) {
        if (a.binary()) {
            return Eio3Codec.splitBinary(a.raw());
        }
        if (!jsonp) {
            return Eio3Codec.split(a.body());
        }
        Matcher m = JSONP.matcher(a.body());
        if (!m.matches()) {
            throw new AssertionError("a JSONP answer must be ___eio[N](\"...\");\nActual: " + a.body());
        }
        return Eio3Codec.split(JsStrings.unquote(m.group(2)));
    }
}
