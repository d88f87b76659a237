package dev.sioconf.server.legacy.codec;

import static dev.sioconf.server.WireSamples.forAll;
import static dev.sioconf.server.WireSamples.throwsAtMost;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.server.WireSamples;
import dev.sioconf.server.json.JsonString;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Properties of the protocol revision 1 codecs: packets, {@code \ufffd<len>\ufffd} framing, and
 * the JSONP and htmlfile wrappers with the JSON string literal under them. Round trips over
 * generated values, and arbitrary or mutated input refused only with the codec's own error.
 * Samples come from {@link WireSamples} with a fixed seed.
 */
class LegacyCodecPropertiesTest {

    // ---- packets: type:id[+]:endpoint[:data]

    private static Packet packet(SplittableRandom r) {
        PacketType type = WireSamples.anyOf(r, PacketType.class);
        String id = WireSamples.digits(r);
        boolean plus = r.nextBoolean();
        String endpoint = WireSamples.text(r).replace(":", "");
        return new Packet(type, id, plus && !id.isEmpty(), endpoint, WireSamples.text(r));
    }

    private static List<Packet> packetList(SplittableRandom r) {
        return WireSamples.listOf(r, 1, 5, LegacyCodecPropertiesTest::packet);
    }

    @Test
    void packets_survive_encode_then_decode() {
        forAll("legacy packets round trip", 500, LegacyCodecPropertiesTest::packet,
                packet -> assertThat(PacketCodec.decode(PacketCodec.encode(packet))).isEqualTo(packet));
    }

    @Test
    void any_text_is_a_packet_or_a_PacketFormatException() {
        forAll("legacy any text is a packet", 1000, WireSamples::text,
                text -> throwsAtMost(PacketFormatException.class, () -> PacketCodec.decode(text)));
    }

    @Test
    void mutated_packets_decode_or_fail_with_PacketFormatException() {
        forAll("legacy mutated packets", 1000, r -> WireSamples.both(r,
                x -> PacketCodec.encode(packet(x)), WireSamples::mutations), in -> throwsAtMost(
                        PacketFormatException.class,
                        () -> PacketCodec.decode(WireSamples.mutate(in.first(), in.second()))));
    }

    @Test
    void a_long_packet_does_not_overflow_the_regex_stack() {
        String data = "x:".repeat(200_000);
        assertThat(PacketCodec.decode("3:::" + data).data()).isEqualTo(data);
        throwsAtMost(PacketFormatException.class, () -> PacketCodec.decode("3:" + "1".repeat(400_000)));
    }

    // ---- payloads: \ufffd<len>\ufffd<packet> per packet when there are several

    @Test
    void payloads_of_encoded_packets_survive_encode_then_decode() {
        forAll("legacy payloads round trip", 500, LegacyCodecPropertiesTest::packetList, packets -> {
            List<String> encoded = packets.stream().map(PacketCodec::encode).toList();
            assertThat(PayloadCodec.decode(PayloadCodec.encode(encoded))).isEqualTo(packets);
        });
    }

    @Test
    void several_frames_of_any_text_split_back_as_they_were() {
        forAll("legacy frames of any text", 500, r -> WireSamples.listOf(r, 2, 5, WireSamples::text),
                frames -> assertThat(PayloadCodec.split(PayloadCodec.encode(frames))).isEqualTo(frames));
    }

    @Test
    void any_body_splits_or_fails_with_PacketFormatException() {
        forAll("legacy any body is a payload", 1000, WireSamples::text, body -> {
            throwsAtMost(PacketFormatException.class, () -> PayloadCodec.decode(body));
            throwsAtMost(PacketFormatException.class, () -> PayloadCodec.decode(PayloadCodec.FRAME_MARK + body));
        });
    }

    @Test
    void mutated_payloads_split_or_fail_with_PacketFormatException() {
        forAll("legacy mutated payloads", 1000, r -> WireSamples.both(r,
                LegacyCodecPropertiesTest::packetList, WireSamples::mutations), in -> {
                    String valid = PayloadCodec.encode(in.first().stream().map(PacketCodec::encode).toList());
                    throwsAtMost(PacketFormatException.class,
                            () -> PayloadCodec.decode(WireSamples.mutate(valid, in.second())));
                });
    }

    @Test
    void frame_lengths_that_overrun_the_body_are_refused() {
        for (String bad : List.of("\ufffd999999999\ufffd3:::x", "\ufffd2147483647\ufffdx", "\ufffd-1\ufffdx",
                "\ufffd\ufffd", "\ufffd1\ufffd")) {
            throwsAtMost(PacketFormatException.class, () -> PayloadCodec.split(bad));
        }
    }

    // ---- JSON string literals, JSONP and htmlfile

    @Test
    void a_quoted_string_reads_back_as_itself() {
        forAll("legacy quoted strings round trip", 1000, WireSamples::text, s -> {
            String literal = JsonString.quote(s);
            assertThat(JsonString.unquote(literal)).isEqualTo(s);
            assertThat(literal.chars().filter(c -> c < 0x20)).as("raw control characters").isEmpty();
        });
    }

    @Test
    void any_text_unquotes_or_fails_with_IllegalArgumentException() {
        forAll("legacy any text unquotes", 1000, WireSamples::text, s -> {
            throwsAtMost(IllegalArgumentException.class, () -> JsonString.unquote(s));
            throwsAtMost(IllegalArgumentException.class, () -> JsonString.unquote('"' + s + '"'));
        });
    }

    @Test
    void mutated_literals_unquote_or_fail_with_IllegalArgumentException() {
        forAll("legacy mutated literals", 1000, r -> WireSamples.both(r, WireSamples::text, WireSamples::mutations),
                in -> throwsAtMost(IllegalArgumentException.class,
                        () -> JsonString.unquote(WireSamples.mutate(JsonString.quote(in.first()), in.second()))));
    }

    @Test
    void a_unicode_escape_takes_four_hex_digits_and_nothing_else() {
        for (String bad : List.of("\"\\u+041\"", "\"\\u-041\"", "\"\\u 041\"", "\"\\u04\"", "\"\\u\"",
                "\"\\u\u0661\u0662\u0663\u0664\"")) {
            assertThatThrownBy(() -> JsonString.unquote(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
        assertThat(JsonString.unquote("\"\\u00e9\\u00E9\"")).isEqualTo("\u00e9\u00e9");
    }

    @Test
    void the_jsonp_index_is_digits_or_zero() {
        forAll("legacy jsonp index", 1000, WireSamples::text,
                requested -> assertThat(JsonpFraming.index(requested)).matches("[0-9]+"));
    }

    @Test
    void a_jsonp_answer_is_one_call_whose_string_is_the_payload() {
        forAll("legacy jsonp answer", 1000, r -> WireSamples.both(r, WireSamples::text, WireSamples::text), in -> {
            String payload = in.first();
            String index = JsonpFraming.index(in.second());
            String wrapped = JsonpFraming.wrap(index, payload);
            String prefix = "io.j[" + index + "](";
            assertThat(wrapped).startsWith(prefix).endsWith(");");
            String literal = wrapped.substring(prefix.length(), wrapped.length() - 2);
            assertThat(JsonString.unquote(literal)).isEqualTo(payload);
            // JSON allows these raw, JavaScript before ES2019 does not: raw, they break the script
            assertThat(wrapped).doesNotContain("\u2028").doesNotContain("\u2029");
        });
    }

    @Test
    void jsonp_escapes_the_line_and_paragraph_separators() {
        assertThat(JsonpFraming.wrap("1", "3:::a\u2028b\u2029c")).isEqualTo("io.j[1](\"3:::a\\u2028b\\u2029c\");");
    }

    @Test
    void an_htmlfile_script_carries_the_packet_and_cannot_be_broken_out_of() {
        forAll("legacy htmlfile script", 1000, WireSamples::text, packet -> {
            String script = HtmlfileFraming.script(packet);
            assertThat(script).startsWith("<script>_(").endsWith(");</script>");
            String literal = script.substring("<script>_(".length(), script.length() - ");</script>".length());
            assertThat(JsonString.unquote(literal)).isEqualTo(packet);
            // "</" could end the script; "<!--" turns the HTML parser's script states so that with a
            // later "<script" the closing tag no longer closes anything
            assertThat(literal).doesNotContain("</").doesNotContain("<!--");
        });
    }

    @Test
    void htmlfile_escapes_the_opening_of_an_html_comment() {
        assertThat(HtmlfileFraming.script("3:::<!--<script>"))
                .isEqualTo("<script>_(\"3:::\\u003c!--<script>\");</script>");
        assertThat(HtmlfileFraming.script("3:::</script>")).isEqualTo("<script>_(\"3:::<\\/script>\");</script>");
    }
}
