package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.engine.EngineBounds;
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

/** spec/eio3.md section 3: the handshake and the open packet. */
class HandshakeCases {

    @Requirement("EIO3-3.1")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "GET ?EIO=3&transport=polling without sid")
    void pollingHandshakeAnswersTheOpenPacketFirstInATextPayload(EngineTester t) {
        HttpAnswer a = t.get("EIO=3&transport=polling");
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type").isEqualToIgnoringCase("text/plain; charset=UTF-8");
        List<String> packets = Eio3Codec.split(a.body());
        OpenPacket open = OpenPacket.parse(packets.get(0));
        assertThat(open.sid()).as("sid").matches("[A-Za-z0-9_-]+");
    }

    @Requirement("EIO3-3.2")
    @Eio3Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "handshakes and reads the open packet's members and timings")
    void openPacketHasSidUpgradesAndTheDeclaredTimings(EngineTester t) {
        OpenPacket open = t.open().openPacket();
        assertThat(open.members()).as("members of %s", open.packet())
                .containsAll(List.of("sid", "upgrades", "pingInterval", "pingTimeout"))
                .isSubsetOf("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(open.member("upgrades").isArray()).as("upgrades is an array").isTrue();
        assertThat(open.packet()).as("open packet")
                .contains("\"pingInterval\":" + t.settings().pingInterval().toMillis())
                .contains("\"pingTimeout\":" + t.settings().pingTimeout().toMillis());
    }

    @Requirement("EIO3-3.3")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED, does = "handshakes over polling and reads upgrades")
    void pollingOpenPacketOffersWebsocketExactlyWhenUpgradesAreAllowed(EngineTester t) {
        assertThat(t.handshake().upgrades()).as("upgrades").isEqualTo(t.settings().upgrades() ? List.of("websocket") : List.of());
    }

    @Requirement("EIO3-3.4")
    @Eio3Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket with ?EIO=3&transport=websocket and reads the first frame")
    void websocketHandshakeSendsTheOpenPacketWithNoUpgrades(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=3&transport=websocket", Map.of());
        OpenPacket open = OpenPacket.parse(ws.next(EngineBounds.PROMPT));
        assertThat(open.upgrades()).as("upgrades").isEmpty();
    }
}
