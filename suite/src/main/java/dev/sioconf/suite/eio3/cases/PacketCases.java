package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio3.Sio4Packets;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** spec/eio3.md section 4: Engine.IO packets. */
class PacketCases {

    @Requirement("EIO3-4.1")
    @Eio3Case(does = "joins /, emits 42[\"echo\",\"x\"], then keeps pinging for one and a half ping intervals: "
            + "only the echo and bare pongs 3 may come, no ping 2")
    void serverSendsTypeDigitAndDataAndNeverPings(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        c.emit("/", "[\"echo\",\"x\"]");
        c.inbox().assertNext("42[\"echo\",\"x\"]");
        int pongs = c.inbox().pongs();
        c.inbox().assertExhausted(t.bounds().pingDue().plus(t.bounds().pingInterval().dividedBy(2)));
        assertThat(c.inbox().closedBecause()).as("the session must stay open while the client pings").isNull();
        assertThat(c.inbox().pongs()).as("pongs received as exactly 3 while pinging every %s ms", t.bounds().pingInterval().toMillis())
                .isGreaterThan(pongs);
    }

    @Requirement("EIO3-4.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "holds a poll and POSTs the close packet 1:1; then, on another session, holds a poll and POSTs the undecodable 2:9x; "
                    + "every packet of the held polls' answers must be exactly 1 or 6")
    void closeAndNoopPacketsCarryNoData(EngineTester t) {
        for (String body : List.of("1:1", "2:9x")) {
            HttpAnswer a = heldPollAnswerTo(t, body);
            if (a.status() != 200) {
                t.log().note("the held poll was answered HTTP " + a.status() + ": no packet to read (sections 8 and 13 judge that)");
                continue;
            }
            for (String p : Eio3Codec.split(a.body())) {
                assertThat(Eio4Codec.visible(p)).as("a packet of the held poll's answer after POSTing %s (body %s)", body, a.body())
                        .isIn("1", "6");
            }
        }
    }

    @Requirement("EIO3-4.2")
    @Eio3Case(does = "sends the undecodable packet abc (framed 3:abc in a POST, or a text frame) and watches the session")
    void undecodablePacketAbcEndsTheSession(EngineTester t) {
        undecodablePacketEndsTheSession(t, "abc");
    }

    @Requirement("EIO3-4.2")
    @Eio3Case(does = "sends the packet 9x, whose type digit is unknown (framed 2:9x in a POST, or a text frame), and watches the session")
    void unknownTypeDigitEndsTheSession(EngineTester t) {
        undecodablePacketEndsTheSession(t, "9x");
    }

    @Requirement("EIO3-4.3")
    @Eio3Case(does = "joins /, sends the client packets open 0, pong 3, upgrade 5 and noop 6, then emits 42[\"echo\",\"after\"]")
    void clientOpenPongUpgradeAndNoopAreIgnored(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        c.send("0", "3", "5", "6");
        c.emit("/", "[\"echo\",\"after\"]");
        c.inbox().assertNext("42[\"echo\",\"after\"]");
        assertThat(c.inbox().closedBecause()).as("the session must stay open").isNull();
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static void undecodablePacketEndsTheSession(EngineTester t, String packet) {
        EngineConnection c = Sio4Packets.joined(t, "/");
        if (c.onWebSocket()) {
            c.webSocket().send(packet);
            assertThat(c.webSocket().awaitClosed(EngineBounds.PROMPT))
                    .as("WebSocket closed by the server within %s ms after the text frame %s", EngineBounds.PROMPT.toMillis(), packet)
                    .isTrue();
            t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
        } else {
            postOrNull(c, Eio3Codec.payload(packet)); // what the POST itself gets is EIO3-8.3's question
            // The connection's own poll is held meanwhile: a second poll would end the session by itself (EIO3-8.4),
            // so the end is judged by what that held poll gets.
            assertThat(c.inbox().awaitClosed(EngineBounds.PROMPT))
                    .as("the held poll ended the session (close packet 1 or a refusal) within %s ms after POSTing %s",
                            EngineBounds.PROMPT.toMillis(), Eio3Codec.payload(packet))
                    .isTrue();
            t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
        }
    }

    /** A POST whose answer may be a dropped connection (null). */
    static HttpAnswer postOrNull(EngineConnection c, String body) {
        try {
            return c.post(body);
        } catch (AssertionError e) {
            return null;
        }
    }

    /**
     * Opens a polling session, holds a poll, POSTs {@code body} and returns the held poll's answer;
     * tries again with a longer head start when the poll reached the server only after the POST.
     */
    static HttpAnswer heldPollAnswerTo(EngineTester t, String body) {
        for (long wait = 50; ; wait *= 4) {
            String sid = t.handshake().sid();
            CompletableFuture<HttpAnswer> held = t.pollAsync(t.path(), sid);
            t.pause(Duration.ofMillis(wait), "let the poll be held");
            try {
                t.post(sid, body);
            } catch (AssertionError e) {
                t.log().note("the POST got no answer: " + e.getMessage());
            }
            HttpAnswer a = t.await(held);
            if (a.status() == 400 && a.body().contains("\"code\":1") && wait < 800) {
                t.log().note("the poll reached the server after the POST (a loaded machine); once more, waiting longer");
                continue;
            }
            return a;
        }
    }
}
