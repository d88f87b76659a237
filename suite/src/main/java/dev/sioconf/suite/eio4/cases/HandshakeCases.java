package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineBounds;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.WebSocketWire;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** spec/eio4.md section 3: the handshake and the open packet. */
class HandshakeCases {

    @Requirement("EIO4-3.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "GET ?EIO=4&transport=polling without sid")
    void pollingHandshakeAnswersExactlyOneOpenPacket(EngineTester t) {
        HttpAnswer a = t.get("EIO=4&transport=polling");
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type").isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(a.body()).as("body: the open packet alone").matches("0\\{[^\\x1e]*\\}");
        OpenPacket.parse(a.body());
    }

    @Requirement("EIO4-3.2")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET}, does = "handshakes and reads the open packet's members")
    void openPacketHasExactlyTheFiveMembers(EngineTester t) {
        OpenPacket open = t.open().openPacket();
        assertThat(open.members()).as("members of %s", open.packet())
                .containsExactlyInAnyOrder("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(open.member("sid").isTextual()).as("sid is a string").isTrue();
        assertThat(open.member("upgrades").isArray()).as("upgrades is an array").isTrue();
        open.member("upgrades").forEach(u -> assertThat(u.isTextual()).as("upgrades holds strings").isTrue());
        assertThat(open.member("pingInterval").isNumber() && open.member("pingTimeout").isNumber()
                && open.member("maxPayload").isNumber()).as("pingInterval, pingTimeout, maxPayload are numbers").isTrue();
    }

    @Requirement("EIO4-3.3")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET},
            does = "handshakes and compares pingInterval, pingTimeout and maxPayload with the declared values")
    void openPacketAnnouncesTheDeclaredTimingsAndLimit(EngineTester t) {
        String packet = t.open().openPacket().packet();
        assertThat(packet).as("open packet")
                .contains("\"pingInterval\":" + t.settings().pingInterval().toMillis() + ",")
                .contains("\"pingTimeout\":" + t.settings().pingTimeout().toMillis() + ",")
                .containsPattern("\"maxPayload\":" + t.settings().maxPayload() + "[,}]");
    }

    @Requirement("EIO4-3.4")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling and reads upgrades")
    void pollingOpenPacketListsWebsocketUpgradeExactlyWhenOffered(EngineTester t) {
        List<String> expected = t.settings().upgrades() ? List.of("websocket") : List.of();
        assertThat(t.handshake().upgrades()).as("upgrades of a polling session").isEqualTo(expected);
    }

    @Requirement("EIO4-3.5")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.WEBSOCKET_OFFERED,
            does = "opens a WebSocket on ?EIO=4&transport=websocket without sid and reads the first frame")
    void websocketHandshakeSendsTheOpenPacketFirstWithNoUpgrades(EngineTester t) {
        WebSocketWire ws = t.openWebSocket(t.path(), "EIO=4&transport=websocket", Map.of());
        WebSocketWire.Frame first = ws.nextFrame(EngineBounds.PROMPT);
        assertThat(first.binary()).as("first frame is text").isFalse();
        OpenPacket open = OpenPacket.parse(first.text());
        assertThat(open.member("upgrades").toString()).as("upgrades").isEqualTo("[]");
    }

    @Requirement("EIO4-3.6")
    @Eio4Case(does = "opens ten sessions and compares their sids")
    void everySessionGetsAFreshSid(EngineTester t) {
        Set<String> sids = new HashSet<>();
        for (int i = 0; i < 10; i++) {
            try (EngineConnection c = t.open()) {
                assertThat(sids.add(c.sid())).as("sid %s handed out twice", c.sid()).isTrue();
            }
        }
    }

    @Requirement("EIO4-3.7")
    @Eio4Case(transports = {EngineTransport.POLLING, EngineTransport.WEBSOCKET}, does = "handshakes and reads the sid's characters")
    void sidIsNonEmptyAndUrlSafe(EngineTester t) {
        assertThat(t.open().sid()).as("sid").matches("[A-Za-z0-9._~-]+");
    }

    @Requirement("EIO4-3.8")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "opens two sessions back to back and compares their sids")
    void sidIsUnguessable(EngineTester t) {
        String a = t.handshake().sid();
        String b = t.handshake().sid();
        assertThat(a.length()).as("sid length of %s", a).isGreaterThanOrEqualTo(16);
        int same = 0;
        for (int i = 0; i < Math.min(a.length(), b.length()); i++) {
            same += a.charAt(i) == b.charAt(i) ? 1 : 0;
        }
        assertThat(same).as("characters in common between %s and %s", a, b).isLessThan(a.length() - 8);
    }

    @Requirement("EIO4-3.9")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.POLLING_OFFERED,
            does = "handshakes over polling, POSTs a noop and reads Cache-Control of both answers")
    void pollingAnswersCarryCacheControlNoStore(EngineTester t) {
        HttpAnswer h = t.get("EIO=4&transport=polling");
        assertThat(h.header("Cache-Control").orElse("(none)")).as("Cache-Control of the handshake").isEqualTo("no-store");
        HttpAnswer p = t.post(OpenPacket.parse(h.body()).sid(), "6");
        assertThat(p.header("Cache-Control").orElse("(none)")).as("Cache-Control of a POST answer").isEqualTo("no-store");
    }
}
