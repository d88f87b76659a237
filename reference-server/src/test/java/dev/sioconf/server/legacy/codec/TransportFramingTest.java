package dev.sioconf.server.legacy.codec;

import dev.sioconf.server.json.JsonString;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TransportFramingTest {

    @Test
    void jsonpWrapsThePayloadAsAStringLiteralWithTheRequestedIndex() {
        assertThat(JsonpFraming.wrap("3", "5:::{\"name\":\"x\"}")).isEqualTo("io.j[3](\"5:::{\\\"name\\\":\\\"x\\\"}\");");
    }

    @Test
    void jsonpIndexFallsBackToZeroForAnythingButDigits() {
        assertThat(JsonpFraming.index("12")).isEqualTo("12");
        assertThat(JsonpFraming.index(null)).isEqualTo("0");
        assertThat(JsonpFraming.index("1);alert(1)//")).isEqualTo("0");
        assertThat(JsonpFraming.index("")).isEqualTo("0");
    }

    @Test
    void jsonStringEscapesAsJavaScriptDoes() {
        assertThat(JsonString.quote("a\"b\\c\n\u0001/\ufffdé")).isEqualTo("\"a\\\"b\\\\c\\n\\u0001/\ufffdé\"");
        assertThat(JsonString.quote("\uD800x")).isEqualTo("\"\\ud800x\"");
        assertThat(JsonString.quote("\uD83D\uDE00")).isEqualTo("\"\uD83D\uDE00\"");
    }

    @Test
    void htmlfileOpensWithTheParentCallbackAndPadding() {
        assertThat(HtmlfileFraming.OPENING)
                .startsWith("<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>")
                .endsWith(" ".repeat(173));
    }

    @Test
    void htmlfileScriptsEscapeSlashes() {
        assertThat(HtmlfileFraming.script("3:::</script>")).isEqualTo("<script>_(\"3:::<\\/script>\");</script>");
    }

    @Test
    void handshakeListsTimeoutsInSecondsAndTransportsInOrder() {
        assertThat(HandshakeAnswer.format("123", Duration.ofSeconds(60), Duration.ofSeconds(60),
                List.of("websocket", "htmlfile", "xhr-polling", "jsonp-polling")))
                .isEqualTo("123:60:60:websocket,htmlfile,xhr-polling,jsonp-polling");
        assertThat(HandshakeAnswer.format("9", null, Duration.ofMillis(1500), List.of("xhr-polling")))
                .isEqualTo("9::1.5:xhr-polling");
    }

    @Test
    void jsonStringReadsBackWhatItWrites() {
        String text = "a\"b\\c\n\u0001/\ufffdé";
        assertThat(JsonString.unquote(JsonString.quote(text))).isEqualTo(text);
        assertThat(JsonString.unquote("\"x\\/y\\u0041\"")).isEqualTo("x/yA");
    }

    @Test
    void jsonStringRejectsWhatIsNotOneLiteral() {
        for (String bad : new String[] {"", "\"", "abc", "\"a\"b\"", "\"\\q\"", "\"\\u12\"", "\"\\\""}) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> JsonString.unquote(bad))
                    .as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
