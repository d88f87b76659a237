package dev.sioconf.server.eio3.codec;

import static dev.sioconf.server.WireSamples.forAll;
import static dev.sioconf.server.WireSamples.throwsAtMost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.server.WireSamples;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of the Engine.IO 3 codecs: single packets ({@code b4<base64>}), the text payload
 * ({@code <length>:<packet>}) and the binary payload (digit bytes and 255). Round trips over
 * generated packets, and arbitrary or mutated input refused only with
 * {@link MalformedPacketException}. Samples come from {@link WireSamples} with a fixed seed.
 */
class Eio3CodecPropertiesTest {

    @Test
    void packets_survive_encode_then_decode() {
        forAll("eio3 packets round trip", 1000, Eio3CodecPropertiesTest::packet,
                packet -> assertThat(Eio3PacketCodec.decode(Eio3PacketCodec.encode(packet))).isEqualTo(packet));
    }

    @Test
    void any_text_is_a_packet_or_malformed() {
        forAll("eio3 any text is a packet", 1000, WireSamples::text, text -> {
            throwsAtMost(MalformedPacketException.class, () -> Eio3PacketCodec.decode(text));
            throwsAtMost(MalformedPacketException.class, () -> Eio3PacketCodec.decode("b4" + text));
        });
    }

    @Test
    void mutated_packets_decode_or_are_malformed() {
        forAll("eio3 mutated packets", 1000, r -> WireSamples.both(r, Eio3CodecPropertiesTest::packet,
                WireSamples::mutations), in -> {
                    String mutated = WireSamples.mutate(Eio3PacketCodec.encode(in.first()), in.second());
                    throwsAtMost(MalformedPacketException.class, () -> Eio3PacketCodec.decode(mutated));
                });
    }

    @Test
    void text_payloads_survive_encode_then_decode() {
        forAll("eio3 text payloads round trip", 500, Eio3CodecPropertiesTest::packetList, packets -> assertThat(
                Eio3TextPayloadCodec.decode(Eio3TextPayloadCodec.encode(packets))).isEqualTo(packets));
    }

    @Test
    void any_text_is_a_text_payload_or_malformed() {
        forAll("eio3 any text is a text payload", 1000, WireSamples::text,
                body -> throwsAtMost(MalformedPacketException.class, () -> Eio3TextPayloadCodec.decode(body)));
    }

    @Test
    void mutated_text_payloads_decode_or_are_malformed() {
        forAll("eio3 mutated text payloads", 1000, r -> WireSamples.both(r, Eio3CodecPropertiesTest::packetList,
                WireSamples::mutations), in -> {
                    String mutated = WireSamples.mutate(Eio3TextPayloadCodec.encode(in.first()), in.second());
                    throwsAtMost(MalformedPacketException.class, () -> Eio3TextPayloadCodec.decode(mutated));
                });
    }

    @Test
    void a_frame_length_near_the_int_limit_is_malformed_not_an_index_error() {
        for (String bad : List.of("2147483647:4x", "2147483646:4x", "2147483647:", "1:22147483000:4x")) {
            assertThatThrownBy(() -> Eio3TextPayloadCodec.decode(bad)).as(bad)
                    .isInstanceOf(MalformedPacketException.class);
        }
    }

    @Test
    void binary_payloads_survive_encode_then_decode() {
        forAll("eio3 binary payloads round trip", 500, Eio3CodecPropertiesTest::utf8PacketList, packets -> assertThat(
                Eio3BinaryPayloadCodec.decode(Eio3BinaryPayloadCodec.encode(packets))).isEqualTo(packets));
    }

    @Test
    void any_bytes_are_a_binary_payload_or_malformed() {
        forAll("eio3 any bytes are a binary payload", 1000, WireSamples::bytes, body -> {
            throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.decode(body));
            throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.binaryPacket(body));
        });
    }

    @Test
    void mutated_binary_payloads_decode_or_are_malformed() {
        forAll("eio3 mutated binary payloads", 1000, r -> WireSamples.both(r, Eio3CodecPropertiesTest::utf8PacketList,
                WireSamples::mutations), in -> {
                    byte[] mutated = WireSamples.mutate(Eio3BinaryPayloadCodec.encode(in.first()), in.second());
                    throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.decode(mutated));
                });
    }

    @Test
    void binary_payload_lengths_beyond_the_body_or_the_int_range_are_malformed() {
        byte n = (byte) 255;
        for (byte[] bad : List.of(new byte[] {0, 2, 1, 4, 7, 4, 8, 3, 6, 4, 7, n, '4'},
                new byte[] {0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, n, '4'}, new byte[] {1, 0, n},
                new byte[] {0, 1}, new byte[] {1, 1, n, 4, 0})) {
            throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.decode(bad));
        }
    }

    // ---- samples

    private static EnginePacket packet(SplittableRandom r) {
        return packet(r, WireSamples::text);
    }

    private static List<EnginePacket> packetList(SplittableRandom r) {
        return WireSamples.listOf(r, 1, 5, Eio3CodecPropertiesTest::packet);
    }

    /** A string packet travels as UTF-8 in the binary payload, which lone surrogates do not survive. */
    private static List<EnginePacket> utf8PacketList(SplittableRandom r) {
        return WireSamples.listOf(r, 1, 5, x -> packet(x, WireSamples::wellFormedText));
    }

    private static EnginePacket packet(SplittableRandom r, Function<SplittableRandom, String> texts) {
        return r.nextBoolean()
                ? EnginePacket.text(WireSamples.anyOf(r, EnginePacketType.class), texts.apply(r))
                : EnginePacket.binaryMessage(WireSamples.bytes(r));
    }
}
