package dev.sioconf.server.eio3.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Engine.IO 3 packets and payloads against wire literals of engine.io-parser 2.2 / socket.io 2.5.1. */
class Eio3PayloadCodecTest {

    static final EnginePacket BINARY = EnginePacket.binaryMessage(new byte[] {1, 2, 3});

    @Test
    void binary_messages_in_text_carry_the_type_after_b() {
        assertThat(Eio3PacketCodec.encode(BINARY)).isEqualTo("b4AQID");
        assertThat(Eio3PacketCodec.encode(BINARY, false)).isEqualTo("bAQID");
        assertThat(Eio3PacketCodec.decode("b4AQID")).isEqualTo(BINARY);
        assertThat(Eio3PacketCodec.decode("4hello")).isEqualTo(EnginePacket.message("hello"));
        assertThatThrownBy(() -> Eio3PacketCodec.decode("b2AQID")).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void text_payload_lengths_count_utf16_code_units() {
        String open = "0{\"sid\":\"abc\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,\"pingTimeout\":5000}";
        assertThat(Eio3TextPayloadCodec.encode(List.of(EnginePacket.text(EnginePacketType.OPEN, open.substring(1)),
                EnginePacket.message("0")))).isEqualTo(open.length() + ":" + open + "2:40");
        assertThat(Eio3TextPayloadCodec.encode(List.of(EnginePacket.message("é😀")))).isEqualTo("4:4é😀");
        assertThat(Eio3TextPayloadCodec.encode(List.of(EnginePacket.message("é😀")), true, true)).isEqualTo("7:4é😀");
        assertThat(Eio3TextPayloadCodec.encode(List.of(EnginePacket.message("2[\"x\"]"), BINARY)))
                .isEqualTo("7:42[\"x\"]6:b4AQID");
    }

    @Test
    void text_payloads_decode_every_frame_or_none() {
        assertThat(Eio3TextPayloadCodec.decode("1:210:40/custom,4:4é😀6:b4AQID")).containsExactly(
                EnginePacket.PING, EnginePacket.message("0/custom,"), EnginePacket.message("é😀"), BINARY);
        for (String bad : List.of("", "2", "4:4ab", "x:4", "1:21:", "0:", ":4")) {
            assertThatThrownBy(() -> Eio3TextPayloadCodec.decode(bad)).as(bad).isInstanceOf(MalformedPacketException.class);
        }
    }

    @Test
    void binary_payloads_frame_each_packet_with_digit_bytes_and_255() {
        byte[] encoded = Eio3BinaryPayloadCodec.encode(List.of(EnginePacket.message("2[\"x\"]"), BINARY));
        assertThat(encoded).containsExactly(0, 7, 255, '4', '2', '[', '"', 'x', '"', ']', 1, 4, 255, 4, 1, 2, 3);
        assertThat(Eio3BinaryPayloadCodec.decode(encoded)).containsExactly(EnginePacket.message("2[\"x\"]"), BINARY);
        // a string packet's length counts its UTF-8 bytes
        byte[] accented = {0, 3, (byte) 255, '4', (byte) 0xc3, (byte) 0xa9};
        assertThat(Eio3BinaryPayloadCodec.encode(List.of(EnginePacket.message("é")))).containsExactly(accented);
        assertThat(Eio3BinaryPayloadCodec.decode(accented)).containsExactly(EnginePacket.message("é"));
        for (byte[] bad : List.of(new byte[0], new byte[] {2, 1, (byte) 255, '2'}, new byte[] {0, 5, (byte) 255, '2'},
                new byte[] {1, 1, (byte) 255, 2}, new byte[] {0, (byte) 255, '2'})) {
            assertThatThrownBy(() -> Eio3BinaryPayloadCodec.decode(bad)).isInstanceOf(MalformedPacketException.class);
        }
    }
}
