package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.util.List;
import java.util.Map;

/** spec/eio3.md section 15: the Engine.IO echo endpoint, with revision 3 framing. */
class EchoCases {

    @Requirement("EIO3-15.1")
    @Eio3Case(perTransport = false, does = "looks for an Engine.IO echo path among the declared settings")
    void echoEndpointIsOptional(EngineTester t) {
        if (t.settings().echoPath() == null) {
            throw new Unimplemented("no Engine.IO echo path declared");
        }
    }

    @Requirement("EIO3-15.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling at the echo path; reads the payload, then POSTs the ping 1:2 and polls")
    void echoPollingHandshakeIsTheOpenPacketAlone(EngineTester t) {
        HttpAnswer h = t.request("GET", t.echoPath(), t.eio() + "&transport=polling", null, null);
        assertThat(h.status()).as("status (body %s)", h.body()).isEqualTo(200);
        List<String> packets = Eio3Codec.split(h.body());
        assertThat(packets).as("packets of the handshake at the echo path").hasSize(1);
        OpenPacket open = OpenPacket.parse(packets.get(0));
        assertThat(open.members()).as("members of %s", open.packet())
                .containsAll(List.of("sid", "upgrades", "pingInterval", "pingTimeout"))
                .isSubsetOf("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(open.member("pingInterval").asLong()).as("pingInterval").isEqualTo(t.settings().pingInterval().toMillis());
        assertThat(open.member("pingTimeout").asLong()).as("pingTimeout").isEqualTo(t.settings().pingTimeout().toMillis());
        assertThat(open.upgrades()).as("upgrades").isEqualTo(t.settings().upgrades() ? List.of("websocket") : List.of());
        EngineTester.assertAnswer(t.post(t.echoPath(), open.sid(), "1:2"), 200, "ok");
        EngineTester.assertAnswer(t.poll(t.echoPath(), open.sid(), ""), 200, "1:3");
    }

    @Requirement("EIO3-15.2")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket at the echo path; reads the open packet, listens for more, then sends the ping 2")
    void echoWebsocketHandshakeIsTheOpenPacketAlone(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.echoPath(), t.eio() + "&transport=websocket", Map.of());
        OpenPacket open = OpenPacket.parse(ws.next(EngineBounds.PROMPT));
        assertThat(open.upgrades()).as("upgrades").isEmpty();
        assertThat(ws.poll(EngineBounds.QUIET)).as("frame after the open packet at the echo path").isNull();
        ws.send("2");
        assertThat(ws.next(EngineBounds.PROMPT)).as("answer to the ping").isEqualTo("3");
    }

    @Requirement("EIO3-15.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 6:4hello and 6:4test16:4test26:4test3, polling after each")
    void pollingEchoesTextPayloadsExactly(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        for (String body : new String[] {"6:4hello", "6:4test16:4test26:4test3"}) {
            EngineTester.assertAnswer(t.post(t.echoPath(), sid, body), 200, "ok");
            EngineTester.assertAnswer(t.poll(t.echoPath(), sid, ""), 200, body);
        }
    }

    @Requirement("EIO3-15.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 6:4hello6:b4AQID and reads the bytes of the poll's binary payload")
    void pollingEchoesTextAndBinaryAsABinaryPayload(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        EngineTester.assertAnswer(t.post(t.echoPath(), sid, "6:4hello6:b4AQID"), 200, "ok");
        HttpAnswer a = t.poll(t.echoPath(), sid, "");
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type").startsWith("application/octet-stream");
        assertThat(WebSocketWire.hex(a.raw())).as("bytes of the poll answer")
                .isEqualTo(WebSocketWire.hex(Eio3Codec.binaryPayload(List.of("4hello", "b4AQID"))));
    }

    @Requirement("EIO3-15.3")
    @Eio3Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "at the echo path sends the text frame 4hello and the binary frame 04 01 02 03")
    void websocketEchoesTextAndBinaryFramesExactly(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4hello");
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("echo of 4hello").isEqualTo("4hello");
        c.sendBinary(new byte[] {1, 2, 3});
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("echo of the binary frame")
                .isEqualTo("[binary frame 04 01 02 03]");
    }

    @Requirement("EIO3-15.3")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "at the echo path sends 4a, binary 01 02, 4é😀 and binary ff one by one; reads the echoes and then nothing else")
    void everyMessageComesBackAloneIdenticalAndInOrder(EngineTester t) {
        // Not on JSONP: engine.io-client always asks for b64 there, which this session does not (2.5.1 then wraps a
        // binary payload as {"type":"Buffer",...}); JSONP's text payloads are the cases of section 9.
        EngineConnection c = t.openEcho();
        c.send("4a");
        c.sendBinary(new byte[] {1, 2});
        c.send("4\u00e9\ud83d\ude00");
        c.sendBinary(new byte[] {(byte) 0xff});
        c.inbox().assertNext("4a", "b4AQI=", "4\u00e9\ud83d\ude00", "b4/w==");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }
}
