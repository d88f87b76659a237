package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineRecorder;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;

/**
 * spec/eio4.md section 15: the Engine.IO echo endpoint, the server the official engine.io-protocol
 * test suite talks to. Its checks are here in the suite's own words.
 */
class EchoCases {

    static final String SEP = Eio4Codec.SEP;

    @Requirement("EIO4-15.1")
    @Eio4Case(perTransport = false, does = "looks for an Engine.IO echo path among the declared settings")
    void echoEndpointIsOptional(EngineTester t) {
        if (t.settings().echoPath() == null) {
            throw new Unimplemented("no Engine.IO echo path declared");
        }
    }

    @Requirement("EIO4-15.2")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "handshakes at the echo path and compares the open packet with the declared settings")
    void echoPathHasTheSameSettings(EngineTester t) {
        OpenPacket open = t.openEcho().openPacket();
        assertThat(open.members()).containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(open.member("pingInterval").asLong()).as("pingInterval").isEqualTo(t.settings().pingInterval().toMillis());
        assertThat(open.member("pingTimeout").asLong()).as("pingTimeout").isEqualTo(t.settings().pingTimeout().toMillis());
        assertThat(open.member("maxPayload").asLong()).as("maxPayload").isEqualTo(t.settings().maxPayload());
    }

    @Requirement("EIO4-15.3")
    @Eio4Case(does = "at the echo path sends 4a, binary 01 02, 4é😀 and binary ff one by one; reads the echoes and then nothing else")
    void everyMessageComesBackAloneIdenticalAndInOrder(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4a");
        c.sendBinary(new byte[] {1, 2});
        c.send("4\u00e9\ud83d\ude00");
        c.sendBinary(new byte[] {(byte) 0xff});
        c.inbox().assertNext("4a", "bAQI=", "4\u00e9\ud83d\ude00", "b/w==");
        c.inbox().assertExhausted(EngineBounds.QUIET);
    }

    @Requirement("EIO4-15.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "at the echo path POSTs 4hello, 4test1\\x1e4test2\\x1e4test3 and 4hello\\x1ebAQIDBA==, polling after each")
    void pollingEchoesTheOfficialPayloadsExactly(EngineTester t) {
        String sid = t.handshake(t.echoPath()).sid();
        for (String body : new String[] {"4hello", "4test1" + SEP + "4test2" + SEP + "4test3", "4hello" + SEP + "bAQIDBA=="}) {
            EngineTester.assertAnswer(t.post(t.echoPath(), sid, body), 200, "ok");
            EngineTester.assertAnswer(t.pollPastPings(t.echoPath(), sid), 200, body);
        }
    }

    @Requirement("EIO4-15.5")
    @Eio4Case(transports = {EngineTransport.WEBSOCKET, EngineTransport.UPGRADE},
            does = "at the echo path sends the text frame 4hello and the binary frame 01 02 03 04")
    void websocketEchoesTextAndBinaryFramesExactly(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4hello");
        EngineRecorder.Received text = c.inbox().nextReceived(EngineBounds.PROMPT);
        assertThat(text.toString()).as("echo of 4hello").isEqualTo("4hello");
        c.sendBinary(new byte[] {1, 2, 3, 4});
        assertThat(c.inbox().nextReceived(EngineBounds.PROMPT).toString()).as("echo of the binary frame")
                .isEqualTo("[binary frame 01 02 03 04]");
    }
}
