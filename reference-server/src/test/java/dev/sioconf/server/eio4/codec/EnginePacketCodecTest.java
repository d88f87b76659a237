package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnginePacketCodecTest {

    @Test
    void theOpenPacketIsTypeZeroFollowedByItsJson() {
        String json = "{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                + "\"pingTimeout\":20000,\"maxPayload\":1000000}";
        EnginePacket open = EnginePacketCodec.decode("0" + json);
        assertThat(open).isEqualTo(EnginePacket.text(EnginePacketType.OPEN, json));
        assertThat(EnginePacketCodec.encode(open)).isEqualTo("0" + json);
    }

    @Test
    void closePingPongUpgradeAndNoopAreTheirDigitAlone() {
        assertThat(EnginePacketCodec.encode(EnginePacket.CLOSE)).isEqualTo("1");
        assertThat(EnginePacketCodec.encode(EnginePacket.PING)).isEqualTo("2");
        assertThat(EnginePacketCodec.encode(EnginePacket.PONG)).isEqualTo("3");
        assertThat(EnginePacketCodec.encode(EnginePacket.UPGRADE)).isEqualTo("5");
        assertThat(EnginePacketCodec.encode(EnginePacket.NOOP)).isEqualTo("6");
        assertThat(EnginePacketCodec.decode("1")).isEqualTo(EnginePacket.CLOSE);
        assertThat(EnginePacketCodec.decode("2")).isEqualTo(EnginePacket.PING);
        assertThat(EnginePacketCodec.decode("3")).isEqualTo(EnginePacket.PONG);
        assertThat(EnginePacketCodec.decode("5")).isEqualTo(EnginePacket.UPGRADE);
        assertThat(EnginePacketCodec.decode("6")).isEqualTo(EnginePacket.NOOP);
    }

    @Test
    void theUpgradeProbeIsAPingAndAPongWithTheDataProbe() {
        assertThat(EnginePacketCodec.decode("2probe")).isEqualTo(EnginePacket.PROBE_PING);
        assertThat(EnginePacketCodec.encode(EnginePacket.PROBE_PONG)).isEqualTo("3probe");
        assertThat(EnginePacketCodec.decode("3probe").text()).isEqualTo("probe");
    }

    @Test
    void aTextMessageIsFourFollowedByItsText() {
        assertThat(EnginePacketCodec.decode("4hello")).isEqualTo(EnginePacket.message("hello"));
        assertThat(EnginePacketCodec.encode(EnginePacket.message("hello"))).isEqualTo("4hello");
    }

    @Test
    void aTextMessageKeepsNonAsciiAndMayBeEmpty() {
        assertThat(EnginePacketCodec.decode("4é😀").text()).isEqualTo("é😀");
        assertThat(EnginePacketCodec.decode("4")).isEqualTo(EnginePacket.message(""));
    }

    @Test
    void aBinaryMessageIsBFollowedByPaddedBase64WithoutATypeDigit() {
        EnginePacket bytes = EnginePacket.binaryMessage(new byte[] {1, 2, 3, 4});
        assertThat(EnginePacketCodec.encode(bytes)).isEqualTo("bAQIDBA==");
        assertThat(EnginePacketCodec.decode("bAQIDBA==")).isEqualTo(bytes);
        assertThat(EnginePacketCodec.decode("bAQID").bytes()).containsExactly(1, 2, 3);
    }

    @Test
    void theRevision3BinaryFormWithATypeDigitIsNotRevision4() {
        // b4AQID is revision 3's binary message 01 02 03; in revision 4 the 4 would be base64
        assertThatThrownBy(() -> EnginePacketCodec.decode("b4AQID")).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void lineBreaksInBase64AreSkippedAsTheJavaClientSendsThem() {
        assertThat(EnginePacketCodec.decode("bAQIDBA==\n").bytes()).containsExactly(1, 2, 3, 4);
        assertThat(EnginePacketCodec.decode("bAQID\r\nBA==").bytes()).containsExactly(1, 2, 3, 4);
    }

    @Test
    void anEmptyBinaryMessageIsJustB() {
        assertThat(EnginePacketCodec.decode("b").bytes()).isEmpty();
        assertThat(EnginePacketCodec.encode(EnginePacket.binaryMessage(new byte[0]))).isEqualTo("b");
    }

    @Test
    void onlyAMessageCarriesBytes() {
        assertThatThrownBy(() -> new EnginePacket(EnginePacketType.PING, null, new byte[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "7", "9", "a", "abc", "x4hello", " 4hello", "b!!!", "bA"})
    void textThatIsNoTypeDigitNorValidBinaryIsRejected(String encoded) {
        assertThatThrownBy(() -> EnginePacketCodec.decode(encoded)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void theRejectionSaysWhatIsWrong() {
        assertThatThrownBy(() -> EnginePacketCodec.decode("")).hasMessageContaining("empty");
        assertThatThrownBy(() -> EnginePacketCodec.decode("abc")).hasMessageContaining("unknown Engine.IO packet type 'a'");
    }
}
