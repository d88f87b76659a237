package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTextTest {

    private static String roundTrip(String json) {
        return JsonText.stringify(JsonText.parse(json));
    }

    @Test
    void objectMembersKeepTheOrderReceived() {
        assertThat(roundTrip("{\"b\":1,\"a\":{\"z\":true,\"y\":null}}")).isEqualTo("{\"b\":1,\"a\":{\"z\":true,\"y\":null}}");
    }

    @Test
    void whitespaceOutsideStringsIsDropped() {
        assertThat(roundTrip(" [ 1 , \"2 \" , { \"3\" : [ true ] } ] ")).isEqualTo("[1,\"2 \",{\"3\":[true]}]");
    }

    @Test
    void controlCharactersAreEscapedWithLowerCaseHexOrTheirShortForm() {
        assertThat(JsonText.quote("\u001e\u0001\n\t\"\\")).isEqualTo("\"\\u001e\\u0001\\n\\t\\\"\\\\\"");
    }

    @Test
    void nonAsciiSlashAndLineSeparatorsStayRawButLoneSurrogatesAreEscaped() {
        assertThat(JsonText.quote("é😀/\u2028")).isEqualTo("\"é😀/\u2028\"");
        assertThat(JsonText.quote("a\ud800b")).isEqualTo("\"a\\ud800b\"");
    }

    @ParameterizedTest
    @CsvSource({
            "1.0, 1",
            "1.5, 1.5",
            "-0.0, 0",
            "1E2, 100",
            "0.000001, 0.000001",
            "1.5e-7, 1.5e-7",
            "123e-20, 1.23e-18",
            "1e21, 1e+21",
            "123456789012345678901, 123456789012345680000",
            "12345678901234567890, 12345678901234567000",
            "9007199254740993, 9007199254740992",
            "9007199254740991, 9007199254740991",
            "-42, -42",
            "1e400, null"})
    void numbersAreWrittenAsJavaScriptWritesThem(String json, String expected) {
        assertThat(roundTrip(json)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "[1]]", "[1] x", "{'a':1}", "[01]", "[1,]", "{\"a\":1", "NaN"})
    void textThatJsonParseRefusesIsRejected(String text) {
        assertThatThrownBy(() -> JsonText.parse(text)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aBinaryValueHasNoJsonForm() {
        assertThatThrownBy(() -> JsonText.stringify(JsonNodeFactory.instance.binaryNode(new byte[] {1})))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
