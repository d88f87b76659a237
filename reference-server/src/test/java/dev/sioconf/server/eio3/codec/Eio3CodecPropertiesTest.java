package dev.sioconf.server.eio3.codec;

import static dev.sioconf.server.WireArbitraries.throwsAtMost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.server.WireArbitraries;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the Engine.IO 3 codecs: single packets ({@code b4<base64>}), the text payload
 * ({@code <length>:<packet>}) and the binary payload (digit bytes and 255). Round trips over
 * generated packets, and arbitrary or mutated input refused only with
 * {@link MalformedPacketException}.
 */
class Eio3CodecPropertiesTest {

    @Property(tries = 1000)
    void packets_survive_encode_then_decode(@ForAll("packets") EnginePacket packet) {
        assertThat(Eio3PacketCodec.decode(Eio3PacketCodec.encode(packet))).isEqualTo(packet);
    }

    @Property(tries = 1000)
    void any_text_is_a_packet_or_malformed(@ForAll("anyText") String text) {
        throwsAtMost(MalformedPacketException.class, () -> Eio3PacketCodec.decode(text));
        throwsAtMost(MalformedPacketException.class, () -> Eio3PacketCodec.decode("b4" + text));
    }

    @Property(tries = 1000)
    void mutated_packets_decode_or_are_malformed(@ForAll("packets") EnginePacket packet,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String mutated = WireArbitraries.mutate(Eio3PacketCodec.encode(packet), edits);
        throwsAtMost(MalformedPacketException.class, () -> Eio3PacketCodec.decode(mutated));
    }

    @Property(tries = 500)
    void text_payloads_survive_encode_then_decode(@ForAll("packetLists") List<EnginePacket> packets) {
        assertThat(Eio3TextPayloadCodec.decode(Eio3TextPayloadCodec.encode(packets))).isEqualTo(packets);
    }

    @Property(tries = 1000)
    void any_text_is_a_text_payload_or_malformed(@ForAll("anyText") String body) {
        throwsAtMost(MalformedPacketException.class, () -> Eio3TextPayloadCodec.decode(body));
    }

    @Property(tries = 1000)
    void mutated_text_payloads_decode_or_are_malformed(@ForAll("packetLists") List<EnginePacket> packets,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String mutated = WireArbitraries.mutate(Eio3TextPayloadCodec.encode(packets), edits);
        throwsAtMost(MalformedPacketException.class, () -> Eio3TextPayloadCodec.decode(mutated));
    }

    @Example
    void a_frame_length_near_the_int_limit_is_malformed_not_an_index_error() {
        for (String bad : List.of("2147483647:4x", "2147483646:4x", "2147483647:", "1:22147483000:4x")) {
            assertThatThrownBy(() -> Eio3TextPayloadCodec.decode(bad)).as(bad)
                    .isInstanceOf(MalformedPacketException.class);
        }
    }

    @Property(tries = 500)
    void binary_payloads_survive_encode_then_decode(@ForAll("utf8PacketLists") List<EnginePacket> packets) {
        assertThat(Eio3BinaryPayloadCodec.decode(Eio3BinaryPayloadCodec.encode(packets))).isEqualTo(packets);
    }

    @Property(tries = 1000)
    void any_bytes_are_a_binary_payload_or_malformed(@ForAll("anyBytes") byte[] body) {
        throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.decode(body));
        throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.binaryPacket(body));
    }

    @Property(tries = 1000)
    void mutated_binary_payloads_decode_or_are_malformed(@ForAll("utf8PacketLists") List<EnginePacket> packets,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        byte[] mutated = WireArbitraries.mutate(Eio3BinaryPayloadCodec.encode(packets), edits);
        throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.decode(mutated));
    }

    @Example
    void binary_payload_lengths_beyond_the_body_or_the_int_range_are_malformed() {
        byte n = (byte) 255;
        for (byte[] bad : List.of(new byte[] {0, 2, 1, 4, 7, 4, 8, 3, 6, 4, 7, n, '4'},
                new byte[] {0, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, 9, n, '4'}, new byte[] {1, 0, n},
                new byte[] {0, 1}, new byte[] {1, 1, n, 4, 0})) {
            throwsAtMost(MalformedPacketException.class, () -> Eio3BinaryPayloadCodec.decode(bad));
        }
    }

    // ---- generators

    @Provide
    Arbitrary<String> anyText() {
        return WireArbitraries.text();
    }

    @Provide
    Arbitrary<byte[]> anyBytes() {
        return WireArbitraries.bytes();
    }

    @Provide
    Arbitrary<List<WireArbitraries.Mutation>> mutations() {
        return WireArbitraries.mutations();
    }

    @Provide
    Arbitrary<EnginePacket> packets() {
        return packets(WireArbitraries.text());
    }

    @Provide
    Arbitrary<List<EnginePacket>> packetLists() {
        return packets().list().ofMinSize(1).ofMaxSize(5);
    }

    /** A string packet travels as UTF-8 in the binary payload, which lone surrogates do not survive. */
    @Provide
    Arbitrary<List<EnginePacket>> utf8PacketLists() {
        return packets(WireArbitraries.wellFormedText()).list().ofMinSize(1).ofMaxSize(5);
    }

    private static Arbitrary<EnginePacket> packets(Arbitrary<String> texts) {
        Arbitrary<EnginePacket> text = Combinators.combine(Arbitraries.of(EnginePacketType.class), texts)
                .as(EnginePacket::text);
        return Arbitraries.oneOf(text, WireArbitraries.bytes().map(EnginePacket::binaryMessage));
    }
}
