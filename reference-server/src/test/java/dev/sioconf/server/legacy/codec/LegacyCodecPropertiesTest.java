package dev.sioconf.server.legacy.codec;

import static dev.sioconf.server.WireArbitraries.throwsAtMost;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.WireArbitraries;
import dev.sioconf.server.json.JsonString;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Properties of the protocol revision 1 codecs: packets, {@code \ufffd<len>\ufffd} framing, and
 * the JSONP and htmlfile wrappers with the JSON string literal under them. Round trips over
 * generated values, and arbitrary or mutated input refused only with the codec's own error.
 */
class LegacyCodecPropertiesTest {

    // ---- packets: type:id[+]:endpoint[:data]

    @Provide
    Arbitrary<Packet> packets() {
        Arbitrary<String> ids = Arbitraries.strings().numeric().ofMaxLength(12);
        Arbitrary<String> endpoints = WireArbitraries.text().map(s -> s.replace(":", ""));
        return Combinators.combine(Arbitraries.of(PacketType.class), ids, Arbitraries.of(true, false), endpoints,
                WireArbitraries.text()).as((type, id, plus, endpoint, data) ->
                        new Packet(type, id, plus && !id.isEmpty(), endpoint, data));
    }

    @Provide
    Arbitrary<String> encodedPackets() {
        return packets().map(PacketCodec::encode);
    }

    @Property(tries = 500)
    void packets_survive_encode_then_decode(@ForAll("packets") Packet packet) {
        assertThat(PacketCodec.decode(PacketCodec.encode(packet))).isEqualTo(packet);
    }

    @Property(tries = 1000)
    void any_text_is_a_packet_or_a_PacketFormatException(@ForAll("anyText") String text) {
        throwsAtMost(PacketFormatException.class, () -> PacketCodec.decode(text));
    }

    @Property(tries = 1000)
    void mutated_packets_decode_or_fail_with_PacketFormatException(@ForAll("encodedPackets") String valid,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        throwsAtMost(PacketFormatException.class, () -> PacketCodec.decode(WireArbitraries.mutate(valid, edits)));
    }

    @Example
    void a_long_packet_does_not_overflow_the_regex_stack() {
        String data = "x:".repeat(200_000);
        assertThat(PacketCodec.decode("3:::" + data).data()).isEqualTo(data);
        throwsAtMost(PacketFormatException.class, () -> PacketCodec.decode("3:" + "1".repeat(400_000)));
    }

    // ---- payloads: \ufffd<len>\ufffd<packet> per packet when there are several

    @Property(tries = 500)
    void payloads_of_encoded_packets_survive_encode_then_decode(
            @ForAll("packetLists") List<Packet> packets) {
        List<String> encoded = packets.stream().map(PacketCodec::encode).toList();
        assertThat(PayloadCodec.decode(PayloadCodec.encode(encoded))).isEqualTo(packets);
    }

    @Property(tries = 500)
    void several_frames_of_any_text_split_back_as_they_were(
            @ForAll("twoOrMoreTexts") List<String> frames) {
        assertThat(PayloadCodec.split(PayloadCodec.encode(frames))).isEqualTo(frames);
    }

    @Property(tries = 1000)
    void any_body_splits_or_fails_with_PacketFormatException(@ForAll("anyText") String body) {
        throwsAtMost(PacketFormatException.class, () -> PayloadCodec.decode(body));
        throwsAtMost(PacketFormatException.class, () -> PayloadCodec.decode(PayloadCodec.FRAME_MARK + body));
    }

    @Property(tries = 1000)
    void mutated_payloads_split_or_fail_with_PacketFormatException(@ForAll("packetLists") List<Packet> packets,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        String valid = PayloadCodec.encode(packets.stream().map(PacketCodec::encode).toList());
        throwsAtMost(PacketFormatException.class, () -> PayloadCodec.decode(WireArbitraries.mutate(valid, edits)));
    }

    @Example
    void frame_lengths_that_overrun_the_body_are_refused() {
        for (String bad : List.of("\ufffd999999999\ufffd3:::x", "\ufffd2147483647\ufffdx", "\ufffd-1\ufffdx",
                "\ufffd\ufffd", "\ufffd1\ufffd")) {
            throwsAtMost(PacketFormatException.class, () -> PayloadCodec.split(bad));
        }
    }

    // ---- JSON string literals, JSONP and htmlfile

    @Property(tries = 1000)
    void a_quoted_string_reads_back_as_itself(@ForAll("anyText") String s) {
        String literal = JsonString.quote(s);
        assertThat(JsonString.unquote(literal)).isEqualTo(s);
        assertThat(literal.chars().filter(c -> c < 0x20)).as("raw control characters").isEmpty();
    }

    @Property(tries = 1000)
    void any_text_unquotes_or_fails_with_IllegalArgumentException(@ForAll("anyText") String s) {
        throwsAtMost(IllegalArgumentException.class, () -> JsonString.unquote(s));
        throwsAtMost(IllegalArgumentException.class, () -> JsonString.unquote('"' + s + '"'));
    }

    @Property(tries = 1000)
    void mutated_literals_unquote_or_fail_with_IllegalArgumentException(@ForAll("anyText") String s,
            @ForAll("mutations") List<WireArbitraries.Mutation> edits) {
        throwsAtMost(IllegalArgumentException.class,
                () -> JsonString.unquote(WireArbitraries.mutate(JsonString.quote(s), edits)));
    }

    @Example
    void a_unicode_escape_takes_four_hex_digits_and_nothing_else() {
        for (String bad : List.of("\"\\u+041\"", "\"\\u-041\"", "\"\\u 041\"", "\"\\u04\"", "\"\\u\"",
                "\"\\u\u0661\u0662\u0663\u0664\"")) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonString.unquote(bad)).as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JsonString.unquote("\"\\u00e9\\u00E9\"")).isEqualTo("\u00e9\u00e9");
    }

    @Property(tries = 1000)
    void the_jsonp_index_is_digits_or_zero(@ForAll("anyText") String requested) {
        assertThat(JsonpFraming.index(requested)).matches("[0-9]+");
    }

    @Property(tries = 1000)
    void a_jsonp_answer_is_one_call_whose_string_is_the_payload(@ForAll("anyText") String payload,
            @ForAll("anyText") String requestedIndex) {
        String index = JsonpFraming.index(requestedIndex);
        String wrapped = JsonpFraming.wrap(index, payload);
        String prefix = "io.j[" + index + "](";
        assertThat(wrapped).startsWith(prefix).endsWith(");");
        String literal = wrapped.substring(prefix.length(), wrapped.length() - 2);
        assertThat(JsonString.unquote(literal)).isEqualTo(payload);
        // JSON allows these raw, JavaScript before ES2019 does not: raw, they break the script
        assertThat(wrapped).doesNotContain("\u2028").doesNotContain("\u2029");
    }

    @Example
    void jsonp_escapes_the_line_and_paragraph_separators() {
        assertThat(JsonpFraming.wrap("1", "3:::a\u2028b\u2029c")).isEqualTo("io.j[1](\"3:::a\\u2028b\\u2029c\");");
    }

    @Property(tries = 1000)
    void an_htmlfile_script_carries_the_packet_and_cannot_be_broken_out_of(@ForAll("anyText") String packet) {
        String script = HtmlfileFraming.script(packet);
        assertThat(script).startsWith("<script>_(").endsWith(");</script>");
        String literal = script.substring("<script>_(".length(), script.length() - ");</script>".length());
        assertThat(JsonString.unquote(literal)).isEqualTo(packet);
        // "</" could end the script; "<!--" turns the HTML parser's script states so that with a
        // later "<script" the closing tag no longer closes anything
        assertThat(literal).doesNotContain("</").doesNotContain("<!--");
    }

    @Example
    void htmlfile_escapes_the_opening_of_an_html_comment() {
        assertThat(HtmlfileFraming.script("3:::<!--<script>"))
                .isEqualTo("<script>_(\"3:::\\u003c!--<script>\");</script>");
        assertThat(HtmlfileFraming.script("3:::</script>")).isEqualTo("<script>_(\"3:::<\\/script>\");</script>");
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
    Arbitrary<List<Packet>> packetLists() {
        return packets().list().ofMinSize(1).ofMaxSize(5);
    }

    @Provide
    Arbitrary<List<String>> twoOrMoreTexts() {
        return WireArbitraries.text().list().ofMinSize(2).ofMaxSize(5).map(ArrayList::new);
    }
}
