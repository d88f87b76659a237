package dev.sioconf.server.legacy.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PayloadCodecTest {

    @Test
    void aSinglePacketTravelsBare() {
        assertThat(PayloadCodec.encode(List.of("1::"))).isEqualTo("1::");
    }

    @Test
    void severalPacketsAreFramedWithTheirLength() {
        assertThat(PayloadCodec.encode(List.of("1::", "3:::hi")))
                .isEqualTo("\ufffd3\ufffd1::\ufffd6\ufffd3:::hi");
    }

    @Test
    void lengthsCountUtf16CodeUnitsLikeJavaScript() {
        // U+1F600 is two UTF-16 code units, "é" one: 6 + 2 + 1.
        assertThat(PayloadCodec.encode(List.of("3:::\uD83D\uDE00é", "8::")))
                .isEqualTo("\ufffd7\ufffd3:::\uD83D\uDE00é\ufffd3\ufffd8::");
        assertThat(PayloadCodec.split("\ufffd7\ufffd3:::\uD83D\uDE00é\ufffd3\ufffd8::"))
                .containsExactly("3:::\uD83D\uDE00é", "8::");
    }

    @Test
    void aFramedBodyDecodesToItsPackets() {
        assertThat(PayloadCodec.decode("\ufffd3\ufffd2::\ufffd10\ufffd0::/custom"))
                .containsExactly(Packet.of(PacketType.HEARTBEAT, "", ""), Packet.disconnect("/custom"));
    }

    @Test
    void aFrameMayHoldTheFrameMarkItself() {
        assertThat(PayloadCodec.split("\ufffd5\ufffd3:::\ufffd\ufffd3\ufffd8::")).containsExactly("3:::\ufffd", "8::");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ufffd", "\ufffd3", "\ufffdx\ufffd8::", "\ufffd9\ufffd8::", "\ufffd3\ufffd8::junk", "\ufffd\ufffd8::"})
    void brokenFramesAreRejected(String body) {
        assertThatThrownBy(() -> PayloadCodec.split(body)).isInstanceOf(PacketFormatException.class);
    }
}
