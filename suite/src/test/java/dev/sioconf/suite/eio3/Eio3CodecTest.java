package dev.sioconf.suite.eio3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The suite's own Engine.IO 3 payload reading, fed with wire literals. */
class Eio3CodecTest {

    @Test
    void textPayloadFramesEachPacketWithItsLengthInUtf16Units() {
        assertThat(Eio3Codec.payload("2", "4héllo", "4😀")).isEqualTo("1:26:4héllo3:4😀");
        assertThat(Eio3Codec.split("1:26:4héllo3:4😀")).containsExactly("2", "4héllo", "4😀");
    }

    @Test
    void handshakeBodyOfSocketIo25Splits() {
        String body = "79:0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":5000}2:40";
        assertThat(Eio3Codec.split(body)).hasSize(2).last().isEqualTo("40");
    }

    @Test
    void lengthCountedInBytesIsCaught() {
        // "4é" is 2 UTF-16 units but 3 UTF-8 bytes: a server counting bytes overruns the body
        assertThatThrownBy(() -> Eio3Codec.split("3:4é")).isInstanceOf(AssertionError.class).hasMessageContaining("runs past");
        assertThatThrownBy(() -> Eio3Codec.split("4\u001e")).isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> Eio3Codec.split("")).isInstanceOf(AssertionError.class);
    }

    @Test
    void binaryMessagesAreB4AndBase64() {
        assertThat(Eio3Codec.binary(new byte[] {1, 2, 3})).isEqualTo("b4AQID");
        assertThat(Eio3Codec.bytesOf("b4AQID")).containsExactly(1, 2, 3);
        assertThat(Eio3Codec.frameOf("b4AQID")).containsExactly(4, 1, 2, 3);
        assertThat(Eio3Codec.fromFrame(new byte[] {4, 1, 2, 3})).isEqualTo("b4AQID");
        assertThatThrownBy(() -> Eio3Codec.fromFrame(new byte[] {1, 2, 3})).isInstanceOf(AssertionError.class);
    }

    @Test
    void binaryPayloadFramesWithKindDigitBytesAnd255() {
        byte[] wire = {0, 2, (byte) 255, '4', 'a', 1, 4, (byte) 255, 4, 1, 2, 3};
        assertThat(Eio3Codec.splitBinary(wire)).containsExactly("4a", "b4AQID");
        assertThat(Eio3Codec.binaryPayload(List.of("4a", "b4AQID"))).containsExactly(wire);
    }

    @Test
    void binaryPayloadLengthOfTextCountsUtf8Bytes() {
        byte[] wire = {0, 3, (byte) 255, '4', (byte) 0xc3, (byte) 0xa9};
        assertThat(Eio3Codec.splitBinary(wire)).containsExactly("4é");
        assertThatThrownBy(() -> Eio3Codec.splitBinary(new byte[] {0, 9, (byte) 255, '4'})).isInstanceOf(AssertionError.class);
    }
}
