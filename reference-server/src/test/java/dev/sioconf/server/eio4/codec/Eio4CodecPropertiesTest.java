package dev.sioconf.server.eio4.codec;

import static dev.sioconf.server.WireArbitraries.throwsAtMost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sioconf.server.WireArbitraries;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the Engine.IO 4 / Socket.IO 5 codecs: round trips over generated packets and
 * JSON (binary included), and arbitrary or mutated input refused only with
 * {@link MalformedPacketException}.
 */
class Eio4CodecPropertiesTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    // ---- Engine.IO packets and polling payloads

    @Property(tries = 1000)
    void engine_packets_survive_encode_then_decode(@ForAll("enginePackets") EnginePacket packet) {
        assertThat(EnginePacketCodec.decode(EnginePacketCodec.encode(packet))).isEqualTo(packet);
    }

    @Property(tries = 1000)
    void any_text_is_an_engine_packet_or_malformed(@ForAll("anyText") String text) {
        throwsAtMost(MalformedPacketException.class, () -> EnginePacketCodec.decode(text));
        throwsAtMost(MalformedPacketException.class, () -> EnginePacketCodec.decode("b" + text));
    }

    @Property(tries = 1000)
    void mutated_engine_packets_decode_or_are_malformed(@ForAll("enginePackets") EnginePacket packet,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String mutated = WireArbitraries.mutate(EnginePacketCodec.encode(packet), edits);
        throwsAtMost(MalformedPacketException.class, () -> EnginePacketCodec.decode(mutated));
    }

    @Property(tries = 500)
    void polling_payloads_survive_encode_then_decode(@ForAll("payloadPackets") List<EnginePacket> packets) {
        assertThat(PollingPayloadCodec.decode(PollingPayloadCodec.encode(packets))).isEqualTo(packets);
    }

    @Property(tries = 1000)
    void any_body_is_a_polling_payload_or_malformed(@ForAll("anyText") String body) {
        throwsAtMost(MalformedPacketException.class, () -> PollingPayloadCodec.decode(body));
    }

    @Property(tries = 1000)
    void mutated_polling_payloads_decode_or_are_malformed(@ForAll("payloadPackets") List<EnginePacket> packets,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String mutated = WireArbitraries.mutate(PollingPayloadCodec.encode(packets), edits);
        throwsAtMost(MalformedPacketException.class, () -> PollingPayloadCodec.decode(mutated));
    }

    // ---- JSON as JSON.parse / JSON.stringify see it

    @Property(tries = 1000)
    void stringified_json_parses_back_to_the_same_text(@ForAll("json") JsonNode node) {
        String text = JsonText.stringify(node);
        assertThat(JsonText.stringify(JsonText.parse(text))).isEqualTo(text);
    }

    @Property(tries = 1000)
    void a_quoted_string_parses_back_as_itself(@ForAll("anyText") String s) {
        assertThat(JsonText.parse(JsonText.quote(s)).textValue()).isEqualTo(s);
    }

    @Property(tries = 1000)
    void any_text_is_json_or_malformed(@ForAll("anyText") String text) {
        throwsAtMost(MalformedPacketException.class, () -> JsonText.parse(text));
    }

    @Property(tries = 1000)
    void mutated_json_parses_or_is_malformed(@ForAll("json") JsonNode node,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String mutated = WireArbitraries.mutate(JsonText.stringify(node), edits);
        throwsAtMost(MalformedPacketException.class, () -> JsonText.parse(mutated));
    }

    @Example
    void deep_or_huge_json_is_malformed_not_a_crash() {
        for (String bad : List.of("[".repeat(100_000), "[".repeat(100_000) + "]".repeat(100_000),
                "{\"a\":".repeat(50_000), "1".repeat(100_000), "\"" + "\\".repeat(3))) {
            throwsAtMost(MalformedPacketException.class, () -> JsonText.parse(bad));
        }
    }

    // ---- Socket.IO packets, placeholders and the assembler

    @Property(tries = 1000)
    void socket_packets_survive_encode_then_decode(@ForAll("socketPackets") SocketPacket packet) {
        String text = SocketPacketCodec.encodeText(packet);
        SocketPacket decoded = SocketPacketCodec.decode(text);
        assertThat(SocketPacketCodec.encodeText(decoded)).isEqualTo(text);
        assertThat(decoded.type()).isEqualTo(packet.type());
        assertThat(decoded.namespace()).isEqualTo(packet.namespace());
        assertThat(decoded.ackId()).isEqualTo(packet.ackId());
    }

    @Property(tries = 500)
    void binary_packets_survive_encode_then_assembly(@ForAll("binaryCapablePackets") SocketPacket packet) {
        EncodedSocketPacket encoded = SocketPacketCodec.encode(packet);
        SocketPacketAssembler assembler = new SocketPacketAssembler();
        Optional<SocketPacket> whole = assembler.acceptText(encoded.text());
        for (byte[] attachment : encoded.attachments()) {
            assertThat(whole).isEmpty();
            whole = assembler.acceptBinary(attachment);
        }
        assertThat(whole).isPresent();
        SocketPacket back = whole.get();
        assertThat(back.type()).isEqualTo(packet.type());
        assertThat(back.namespace()).isEqualTo(packet.namespace());
        assertThat(back.ackId()).isEqualTo(packet.ackId());
        BinaryPlaceholders.Deconstructed sent = BinaryPlaceholders.deconstruct(packet.data());
        BinaryPlaceholders.Deconstructed got = BinaryPlaceholders.deconstruct(back.data());
        assertThat(JsonText.stringify(got.data())).isEqualTo(JsonText.stringify(sent.data()));
        assertThat(got.attachments()).hasSameSizeAs(sent.attachments());
        for (int i = 0; i < sent.attachments().size(); i++) {
            assertThat(got.attachments().get(i)).containsExactly(sent.attachments().get(i));
        }
        assertThat(assembler.isAwaitingAttachments()).isFalse();
    }

    @Property(tries = 1000)
    void any_text_is_a_socket_packet_or_malformed(@ForAll("anyText") String text,
            @ForAll @IntRange(min = 0, max = 10) int maxAttachments) {
        throwsAtMost(MalformedPacketException.class, () -> SocketPacketCodec.decode(text));
        throwsAtMost(MalformedPacketException.class, () -> SocketPacketCodec.decode(text, maxAttachments));
    }

    @Property(tries = 1000)
    void mutated_socket_packets_decode_or_are_malformed(@ForAll("binaryCapablePackets") SocketPacket packet,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String mutated = WireArbitraries.mutate(SocketPacketCodec.encode(packet).text(), edits);
        throwsAtMost(MalformedPacketException.class, () -> SocketPacketCodec.decode(mutated, 10));
    }

    @Example
    void counts_and_ack_ids_beyond_their_range_are_malformed() {
        for (String bad : List.of("51" + "0".repeat(20) + "-[\"a\"]", "2" + "9".repeat(30) + "[\"a\"]",
                "29007199254740992[\"a\"]", "5-[\"a\"]", "50-[\"a\"]", "5", "/", "2/", "2/a,", "3/a,1")) {
            throwsAtMost(MalformedPacketException.class, () -> SocketPacketCodec.decode(bad));
        }
    }

    @Property(tries = 1000)
    void any_message_sequence_assembles_or_is_malformed(@ForAll("messageSequences") List<Object> messages) {
        SocketPacketAssembler assembler = new SocketPacketAssembler(5);
        for (Object message : messages) {
            throwsAtMost(MalformedPacketException.class, () -> {
                if (message instanceof String text) {
                    assembler.acceptText(text);
                } else {
                    assembler.acceptBinary((byte[]) message);
                }
            });
        }
    }

    @Property(tries = 1000)
    void placeholders_number_an_attachment_or_are_malformed(@ForAll("placeholderData") JsonNode data,
            @ForAll @IntRange(min = 0, max = 3) int attachments) {
        List<byte[]> parts = new ArrayList<>();
        for (int i = 0; i < attachments; i++) {
            parts.add(new byte[] {(byte) i});
        }
        throwsAtMost(MalformedPacketException.class, () -> BinaryPlaceholders.reconstruct(data, parts));
    }

    @Example
    void the_assembler_refuses_text_while_it_waits_and_binary_when_it_does_not() {
        SocketPacketAssembler assembler = new SocketPacketAssembler(2);
        assertThatThrownBy(() -> assembler.acceptBinary(new byte[0])).isInstanceOf(MalformedPacketException.class);
        assertThat(assembler.acceptText("51-[\"a\",{\"_placeholder\":true,\"num\":0}]")).isEmpty();
        assertThatThrownBy(() -> assembler.acceptText("2[\"a\"]")).isInstanceOf(MalformedPacketException.class);
        assertThatThrownBy(() -> assembler.acceptText("53-[\"a\"]")).isInstanceOf(MalformedPacketException.class);
    }

    // ---- generators

    @Provide
    Arbitrary<String> anyText() {
        return WireArbitraries.text();
    }

    @Provide
    Arbitrary<List<WireArbitraries.Mutation>> mutations() {
        return WireArbitraries.mutations();
    }

    @Provide
    Arbitrary<EnginePacket> enginePackets() {
        Arbitrary<EnginePacket> text = Combinators.combine(Arbitraries.of(EnginePacketType.class),
                WireArbitraries.text()).as(EnginePacket::text);
        return Arbitraries.oneOf(text, WireArbitraries.bytes().map(EnginePacket::binaryMessage));
    }

    @Provide
    Arbitrary<List<EnginePacket>> payloadPackets() {
        // U+001E separates the packets and is not escaped (see PollingPayloadCodec)
        return enginePackets().filter(p -> p.isBinary() || p.text().indexOf(PollingPayloadCodec.RECORD_SEPARATOR) < 0)
                .list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<JsonNode> json() {
        return json(3, false);
    }

    private static Arbitrary<JsonNode> json(int depth, boolean withBinary) {
        List<Arbitrary<? extends JsonNode>> leaves = new ArrayList<>(List.of(
                WireArbitraries.text().map(NODES::textNode),
                Arbitraries.longs().map(NODES::numberNode),
                Arbitraries.integers().between(-1000, 1000).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.of(true, false).map(NODES::booleanNode),
                Arbitraries.just(NODES.nullNode())));
        if (withBinary) {
            leaves.add(WireArbitraries.bytes().map(NODES::binaryNode));
        }
        @SuppressWarnings({"unchecked", "rawtypes"})
        Arbitrary<JsonNode> leaf = (Arbitrary) Arbitraries.oneOf((List) leaves);
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<JsonNode> child = Arbitraries.lazy(() -> json(depth - 1, withBinary));
        Arbitrary<JsonNode> array = child.list().ofMaxSize(4).map(Eio4CodecPropertiesTest::array);
        // Member names without lone surrogates: JSON.parse takes a name escaping one, Jackson
        // 2.21.2+ refuses it (jackson-core#1541), so such an object is malformed here (a known deviation)
        Arbitrary<JsonNode> object = Combinators.combine(WireArbitraries.wellFormedText(), child).as(Map::entry)
                .list().ofMaxSize(4).map(members -> {
                    ObjectNode o = NODES.objectNode();
                    members.forEach(m -> o.set(m.getKey(), m.getValue()));
                    return o;
                });
        return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(1, array), Tuple.of(1, object));
    }

    private static ArrayNode array(List<JsonNode> elements) {
        ArrayNode a = NODES.arrayNode();
        elements.forEach(a::add);
        return a;
    }

    private static Arbitrary<String> namespaces() {
        return Arbitraries.oneOf(Arbitraries.just("/"), WireArbitraries.text().map(s -> "/" + s.replace(",", "")));
    }

    private static Arbitrary<Long> ackIds() {
        return Arbitraries.oneOf(Arbitraries.longs().between(0, SocketPacket.MAX_ACK_ID), Arbitraries.just(0L),
                Arbitraries.just(SocketPacket.MAX_ACK_ID)).injectNull(0.4);
    }

    private static Arbitrary<ArrayNode> eventData(boolean withBinary) {
        Arbitrary<JsonNode> name = Arbitraries.oneOf(
                WireArbitraries.text().filter(s -> !SocketPacketCodec.RESERVED_EVENT_NAMES.contains(s))
                        .map(NODES::textNode),
                Arbitraries.integers().map(NODES::numberNode));
        return Combinators.combine(name, json(2, withBinary).list().ofMaxSize(4)).as((n, args) -> {
            ArrayNode a = NODES.arrayNode().add(n);
            args.forEach(a::add);
            return a;
        });
    }

    @Provide
    Arbitrary<SocketPacket> socketPackets() {
        Arbitrary<JsonNode> objects = json(2, false).filter(JsonNode::isObject);
        Arbitrary<SocketPacket> connect = Combinators.combine(namespaces(), objects.injectNull(0.3))
                .as(SocketPacket::connect);
        Arbitrary<SocketPacket> disconnect = namespaces().map(SocketPacket::disconnect);
        Arbitrary<SocketPacket> connectError = Combinators.combine(namespaces(),
                Arbitraries.oneOf(objects, WireArbitraries.text().map(NODES::textNode)).injectNull(0.2))
                .as(SocketPacket::connectError);
        return Arbitraries.oneOf(connect, disconnect, connectError, eventsAndAcks(false));
    }

    @Provide
    Arbitrary<SocketPacket> binaryCapablePackets() {
        return eventsAndAcks(true);
    }

    private static Arbitrary<SocketPacket> eventsAndAcks(boolean withBinary) {
        Arbitrary<SocketPacket> events = Combinators.combine(namespaces(), ackIds(), eventData(withBinary))
                .as((ns, id, data) -> new SocketPacket(SocketPacketType.EVENT, ns, 0, id, data));
        Arbitrary<SocketPacket> acks = Combinators.combine(namespaces(), ackIds(),
                json(2, withBinary).list().ofMaxSize(4).map(Eio4CodecPropertiesTest::array))
                .as((ns, id, data) -> new SocketPacket(SocketPacketType.ACK, ns, 0, id, data));
        return Arbitraries.oneOf(events, acks);
    }

    @Provide
    Arbitrary<List<Object>> messageSequences() {
        Arbitrary<Object> valid = binaryCapablePackets().map(p -> (Object) SocketPacketCodec.encode(p).text());
        Arbitrary<Object> header = Arbitraries.integers().between(0, 7)
                .map(n -> (Object) ("5" + n + "-[\"a\",{\"_placeholder\":true,\"num\":" + (n - 1) + "}]"));
        Arbitrary<Object> text = WireArbitraries.text().map(s -> (Object) s);
        Arbitrary<Object> binary = WireArbitraries.bytes().map(b -> (Object) b);
        return Arbitraries.frequencyOf(Tuple.of(2, valid), Tuple.of(2, header), Tuple.of(1, text),
                Tuple.of(3, binary)).list().ofMaxSize(8);
    }

    @Provide
    Arbitrary<JsonNode> placeholderData() {
        Arbitrary<JsonNode> num = Arbitraries.oneOf(
                Arbitraries.integers().between(-2, 4).map(NODES::numberNode),
                Arbitraries.doubles().map(NODES::numberNode),
                Arbitraries.longs().map(NODES::numberNode),
                WireArbitraries.text().map(NODES::textNode),
                Arbitraries.just(NODES.nullNode()));
        Arbitrary<JsonNode> placeholder = Combinators.combine(num, Arbitraries.of(true, false)).as((n, withNum) -> {
            ObjectNode o = NODES.objectNode().put("_placeholder", true);
            return withNum ? o.set("num", n) : o;
        });
        return Arbitraries.oneOf(placeholder, placeholder.list().ofMaxSize(3).map(Eio4CodecPropertiesTest::array),
                json(2, false));
    }
}
