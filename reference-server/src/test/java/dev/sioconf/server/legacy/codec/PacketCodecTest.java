package dev.sioconf.server.legacy.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PacketCodecTest {

    @Test
    void packetsWithoutDataEndAfterTheEndpoint() {
        assertThat(PacketCodec.encode(Packet.of(PacketType.NOOP, "", ""))).isEqualTo("8::");
        assertThat(PacketCodec.encode(Packet.of(PacketType.HEARTBEAT, "", ""))).isEqualTo("2::");
        assertThat(PacketCodec.encode(Packet.connect(""))).isEqualTo("1::");
        assertThat(PacketCodec.encode(Packet.connect("/custom"))).isEqualTo("1::/custom");
        assertThat(PacketCodec.encode(Packet.disconnect("/custom"))).isEqualTo("0::/custom");
    }

    @Test
    void anUnknownSessionErrorIsClientNotHandshakenWithReconnectAdvice() {
        Packet error = Packet.error("", ErrorReason.CLIENT_NOT_HANDSHAKEN, ErrorAdvice.RECONNECT);
        assertThat(PacketCodec.encode(error)).isEqualTo("7:::1+0");
    }

    @Test
    void anEventCarriesNameAndArgsAsJson() {
        Packet event = Packet.event("", "helloBack", "[{\"message\":\"Hello back!\"}]");
        assertThat(PacketCodec.encode(event)).isEqualTo("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
    }

    @Test
    void anEventWithoutArgsOmitsTheArgsKey() {
        assertThat(PacketCodec.encode(Packet.event("/custom", "ping", "[]"))).isEqualTo("5::/custom:{\"name\":\"ping\"}");
    }

    @Test
    void anAckCarriesDataAfterAPlus() {
        assertThat(PacketCodec.encode(Packet.ack("", "1", "[\"a\",1]"))).isEqualTo("6:::1+[\"a\",1]");
        assertThat(PacketCodec.encode(Packet.ack("/custom", "12", ""))).isEqualTo("6::/custom:12");
    }

    @Test
    void aDataAckRequestDecodesWithItsIdAndPlus() {
        Packet p = PacketCodec.decode("5:1+::{\"name\":\"echo\",\"args\":[\"a\"]}");
        assertThat(p).isEqualTo(new Packet(PacketType.EVENT, "1", true, "", "{\"name\":\"echo\",\"args\":[\"a\"]}"));
    }

    @Test
    void dataMayHoldColons() {
        Packet p = PacketCodec.decode("3:7:/custom:a:b::c");
        assertThat(p).isEqualTo(new Packet(PacketType.MESSAGE, "7", false, "/custom", "a:b::c"));
        assertThat(PacketCodec.encode(p)).isEqualTo("3:7:/custom:a:b::c");
    }

    @Test
    void dataMayHoldNewlines() {
        assertThat(PacketCodec.decode("3:::line1\nline2").data()).isEqualTo("line1\nline2");
    }

    @Test
    void aTrailingColonWithoutDataDecodesAsNoData() {
        assertThat(PacketCodec.decode("1::/custom:")).isEqualTo(Packet.connect("/custom"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8", "8:", "9::", "x::", "3:a::", "5:+::{}", "hello"})
    void malformedTextIsRejected(String text) {
        assertThatThrownBy(() -> PacketCodec.decode(text)).isInstanceOf(PacketFormatException.class);
    }
}
