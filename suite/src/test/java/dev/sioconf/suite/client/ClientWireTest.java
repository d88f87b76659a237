package dev.sioconf.suite.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tester's codec pieces, fed with wire literals. */
class ClientWireTest {

    @Test
    void socketIoPacketsAreReadWithTheirNamespaceIdAndAttachments() {
        assertThat(ClientPackets.parse("42[\"hello\",1]")).contains(new ClientPackets.Parsed(2, 0, "/", -1, "[\"hello\",1]"));
        assertThat(ClientPackets.parse("437[\"a\",1]")).contains(new ClientPackets.Parsed(3, 0, "/", 7, "[\"a\",1]"));
        assertThat(ClientPackets.parse("461-7[{\"_placeholder\":true,\"num\":0}]"))
                .contains(new ClientPackets.Parsed(6, 1, "/", 7, "[{\"_placeholder\":true,\"num\":0}]"));
        assertThat(ClientPackets.parse("40/custom,")).contains(new ClientPackets.Parsed(0, 0, "/custom", -1, ""));
        assertThat(ClientPackets.parse("42/custom,12[\"joined\"]")).contains(new ClientPackets.Parsed(2, 0, "/custom", 12, "[\"joined\"]"));
        assertThat(ClientPackets.parse("3")).isEmpty();
        assertThat(ClientPackets.parse("2probe")).isEmpty();
    }

    @Test
    void anEventIsKnownByNameAndNamespace() {
        assertThat(ClientPackets.isEvent("42[\"offline\",\"transport close\"]", "/", "offline")).isTrue();
        assertThat(ClientPackets.isEvent("42/admin,[\"joined\"]", "/", "joined")).isFalse();
        assertThat(ClientPackets.isEvent("42/admin,[\"joined\"]", "/admin", "joined")).isTrue();
        assertThat(ClientPackets.isEvent("43[\"offline\"]", "/", "offline")).isFalse();
    }

    @Test
    void revision1PacketsAreReadWithTheirIdAndEndpointAndSeveralAreFramedWithTheirLength() {
        assertThat(LegacyClientPackets.parse("5:1+::{\"name\":\"answer\"}"))
                .contains(new LegacyClientPackets.Parsed(5, "1+", "", "{\"name\":\"answer\"}"));
        assertThat(LegacyClientPackets.isEvent("5::/custom:{\"name\":\"joined\"}", "/custom", "joined")).isTrue();
        assertThat(LegacyClientPackets.isEvent("5::/custom:{\"name\":\"joined\"}", "", "joined")).isFalse();
        assertThat(LegacyClientPackets.parse("1::/custom")).contains(new LegacyClientPackets.Parsed(1, "", "/custom", ""));
        assertThat(LegacyTesterServer.encode(List.of("1::", "2::"))).isEqualTo("\ufffd3\ufffd1::\ufffd3\ufffd2::");
        assertThat(LegacyTesterServer.encode(List.of("8::"))).isEqualTo("8::");
        assertThat(LegacyTesterServer.decode("\ufffd3\ufffd2::\ufffd6\ufffd0::/a:")).containsExactly("2::", "0::/a:");
    }

    @Test
    void theWebSocketAcceptValueIsThatOfRfc6455() {
        assertThat(ServerWebSocket.acceptValue("dGhlIHNhbXBsZSBub25jZQ==")).isEqualTo("s3pPLMBiTxaQ9kYGzzhZRbK+xOo=");
    }

    @Test
    void aRevision4BodyIsSplitAtTheRecordSeparatorAndItsBinaryPacketsDecoded() {
        List<Object> packets = PayloadFraming.EIO4.decode("42[\"a\"]\u001ebAQID\u001e3".getBytes(StandardCharsets.UTF_8));
        assertThat(packets).hasSize(3);
        assertThat(packets.get(0)).isEqualTo("42[\"a\"]");
        assertThat((byte[]) packets.get(1)).containsExactly(1, 2, 3);
        assertThat(packets.get(2)).isEqualTo("3");
        assertThat(PayloadFraming.EIO4.encode(List.of("6", new byte[] {1, 2, 3}))).isEqualTo("6\u001ebAQID");
    }

    @Test
    void aRevision3BodyIsFramedByLengthsAndItsBinaryPacketsCarryTheMessageType() {
        assertThat(PayloadFraming.EIO3.encode(List.of("40", new byte[] {1, 2, 3}))).isEqualTo("2:406:b4AQID");
        List<Object> text = PayloadFraming.EIO3.decode("13:42[\"hello\",1]1:2".getBytes(StandardCharsets.UTF_8));
        assertThat(text).containsExactly("42[\"hello\",1]", "2");
        // a binary payload: text packet "42" (2 bytes), then binary packet of type 4 and bytes 1 2 3 (4 bytes)
        byte[] binary = {0, 2, (byte) 0xff, '4', '2', 1, 4, (byte) 0xff, 4, 1, 2, 3};
        List<Object> mixed = PayloadFraming.EIO3.decode(binary);
        assertThat(mixed.get(0)).isEqualTo("42");
        assertThat((byte[]) mixed.get(1)).containsExactly(1, 2, 3);
        assertThat(PayloadFraming.EIO3.frame(new byte[] {9})).containsExactly(4, 9);
        assertThat(PayloadFraming.EIO3.unframe(new byte[] {4, 9})).containsExactly(9);
    }

    @Test
    void theOpenPacketAnnouncesWhatTheScriptSays() {
        TesterScript polling = TesterScript.over(ClientTransport.POLLING, 4).withMaxPayload(1000, Duration.ZERO);
        assertThat(polling.openPacket("s1"))
                .isEqualTo("0{\"sid\":\"s1\",\"upgrades\":[],\"pingInterval\":10000,\"pingTimeout\":5000,\"maxPayload\":1000}");
        assertThat(TesterScript.over(ClientTransport.WEBSOCKET, 4).openPacket("s2")).contains("\"upgrades\":[\"websocket\"]");
        assertThat(TesterScript.over(ClientTransport.POLLING, 3).openPacket("s3"))
                .isEqualTo("0{\"sid\":\"s3\",\"upgrades\":[],\"pingInterval\":10000,\"pingTimeout\":5000}");
    }

    @Test
    void theFirstReconnectionWindowFollowsTheDeclaredBackoff() {
        assertThat(ClientSettings.DEFAULTS.leastFirstDelay()).isEqualTo(Duration.ofMillis(500));
        assertThat(ClientSettings.DEFAULTS.longestFirstDelay()).isEqualTo(Duration.ofMillis(1500));
        ClientSettings capped = new ClientSettings(Duration.ofMillis(4000), Duration.ofMillis(5000), 0.5);
        assertThat(capped.longestFirstDelay()).isEqualTo(Duration.ofMillis(5000));
    }
}
