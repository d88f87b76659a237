package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;
import java.util.List;

/** spec/eio3.md section 13: closing a session. */
class CloseCases {

    /** A WebSocket handshake naming an ended session: 400, the message as text/html (2.5.1) or the JSON of code 1. */
    static void assertWebSocketRefusedAsUnknown(EngineTester t, String path, String sid) {
        RawTcp.Exchange e = t.rawWebSocketAnswer(path, t.eio() + "&transport=websocket&sid=" + sid);
        String got = e.received() == null ? "(no answer)" : e.received();
        assertThat(got).as("answer to a WebSocket handshake naming the ended session").startsWith("HTTP/1.1 400");
        String body = got.contains("\r\n\r\n") ? got.substring(got.indexOf("\r\n\r\n") + 4) : "";
        assertThat(body).as("body of that answer").isIn("Session ID unknown", "{\"code\":1,\"message\":\"Session ID unknown\"}");
    }

    @Requirement("EIO3-13.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "holds a poll, POSTs the close packet 1:1, reads the held poll's answer, then polls again")
    void closePacketPostedEndsTheSessionAndReleasesTheHeldPollWithTheNoop(EngineTester t) {
        PollingCases.Held h = PollingCases.holdThen(t, sid -> EngineTester.assertAnswer(t.post(sid, "1:1"), 200, "ok"));
        assertThat(h.answer().status()).as("status of the held poll (body %s)", h.answer().body()).isEqualTo(200);
        List<String> packets = t.revision().split(h.answer());
        assertThat(packets).as("packets of the held poll (body %s)", Eio4Codec.visible(h.answer().body()))
                .startsWith("6").isSubsetOf("6", "1");
        t.assertSessionGone(h.sid());
    }

    @Requirement("EIO3-13.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "closes a polling session with 1:1, then polls, POSTs and (if websocket is offered) opens a WebSocket naming it")
    void everyRequestNamingASessionClosedByPostIsCode1(EngineTester t) {
        String sid = t.handshake().sid();
        EngineTester.assertAnswer(t.post(sid, "1:1"), 200, "ok");
        t.assertSessionGone(sid);
        EngineTester.assertRefused(t.post(sid, "1:6"), 1, "Session ID unknown");
        if (t.settings().offers("websocket")) {
            assertWebSocketRefusedAsUnknown(t, t.path(), sid);
        }
    }

    @Requirement("EIO3-13.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket session and closes it, then polls, POSTs and opens a WebSocket naming it")
    void everyRequestNamingASessionWhoseWebsocketClosedIsCode1(EngineTester t) {
        EngineConnection c = t.open(EngineTransport.WEBSOCKET);
        c.abandon();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
        HttpAnswer post = t.post(c.sid(), "1:6");
        EngineTester.assertRefused(post, 1, "Session ID unknown");
        assertWebSocketRefusedAsUnknown(t, t.path(), c.sid());
    }

    @Requirement("EIO3-13.3")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "sends the close packet 1 on the WebSocket, still pinging, and waits for the server to close it")
    void closePacketOnTheWebsocketEndsTheSessionAtOnce(EngineTester t) {
        EngineConnection c = t.open();
        c.settle();
        c.send("1");
        assertThat(c.webSocket().awaitClosed(EngineBounds.PROMPT)).as("WebSocket closed within %s ms",
                EngineBounds.PROMPT.toMillis()).isTrue();
        t.awaitSessionGone(c.path(), c.sid(), EngineBounds.PROMPT);
    }
}
