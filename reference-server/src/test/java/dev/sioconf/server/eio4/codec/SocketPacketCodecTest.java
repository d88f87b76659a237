package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Literals starting with {@code 4} are whole Engine.IO messages as the spec and the official
 * suites write them ({@code 42[...]}); the others are the Socket.IO text alone, as in section 17.
 */
class SocketPacketCodecTest {

    private static final String PH0 = "{\"_placeholder\":true,\"num\":0}";
    private static final String PH1 = "{\"_placeholder\":true,\"num\":1}";

    /** The Socket.IO packet inside an Engine.IO message literal. */
    private static SocketPacket fromWire(String engineIoMessage) {
        EnginePacket message = EnginePacketCodec.decode(engineIoMessage);
        assertThat(message.type()).isEqualTo(EnginePacketType.MESSAGE);
        return SocketPacketCodec.decode(message.text());
    }

    private static String toWire(SocketPacket packet) {
        return EnginePacketCodec.encode(EnginePacket.message(SocketPacketCodec.encodeText(packet)));
    }

    private static JsonNode json(String text) {
        return JsonText.parse(text);
    }

    private static ArrayNode array(String text) {
        return (ArrayNode) JsonText.parse(text);
    }

    private static JsonNode bytes(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return JsonNodeFactory.instance.binaryNode(out);
    }

    // --- encoding

    @Test
    void theMainNamespaceIsLeftOutAndOthersAreFollowedByAComma() {
        assertThat(SocketPacketCodec.encodeText(SocketPacket.connect("/", null))).isEqualTo("0");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.disconnect("/"))).isEqualTo("1");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.disconnect("/admin"))).isEqualTo("1/admin,");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.event("/admin", array("[\"bar\"]"))))
                .isEqualTo("2/admin,[\"bar\"]");
    }

    @Test
    void theSection17ExamplesEncodeExactly() {
        assertThat(SocketPacketCodec.encodeText(SocketPacket.connect("/", json("{\"token\":\"123\"}"))))
                .isEqualTo("0{\"token\":\"123\"}");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.connect("/admin", json("{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}"))))
                .isEqualTo("0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.event("/", array("[\"foo\"]")))).isEqualTo("2[\"foo\"]");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.event("/", 12, array("[\"foo\"]")))).isEqualTo("212[\"foo\"]");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.ack("/admin", 13, array("[\"bar\"]")))).isEqualTo("3/admin,13[\"bar\"]");
        assertThat(SocketPacketCodec.encodeText(SocketPacket.connectError("/", json("{\"message\":\"Not authorized\"}"))))
                .isEqualTo("4{\"message\":\"Not authorized\"}");
    }

    @Test
    void theServerContractFramesEncodeByteForByte() {
        assertThat(toWire(SocketPacket.connect("/", json("{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}"))))
                .isEqualTo("40{\"sid\":\"wZX3oN0bSVIhsaknAAAI\"}");
        assertThat(toWire(SocketPacket.event("/", array("[\"auth\",{}]")))).isEqualTo("42[\"auth\",{}]");
        assertThat(toWire(SocketPacket.event("/custom", array("[\"auth\",{\"token\":\"abc\"}]"))))
                .isEqualTo("42/custom,[\"auth\",{\"token\":\"abc\"}]");
        assertThat(toWire(SocketPacket.event("/", array("[\"message-back\",1,\"2\",{\"3\":[true]}]"))))
                .isEqualTo("42[\"message-back\",1,\"2\",{\"3\":[true]}]");
        assertThat(toWire(SocketPacket.ack("/", 456, array("[1,\"2\",{\"3\":[false]}]"))))
                .isEqualTo("43456[1,\"2\",{\"3\":[false]}]");
        assertThat(toWire(SocketPacket.ack("/custom", 7, array("[\"a\"]")))).isEqualTo("43/custom,7[\"a\"]");
        assertThat(toWire(SocketPacket.connectError("/random", json("{\"message\":\"Invalid namespace\"}"))))
                .isEqualTo("44/random,{\"message\":\"Invalid namespace\"}");
    }

    @Test
    void anEventWithBinaryGoesOutAsBinaryEventWithPlaceholdersAndAttachments() {
        ArrayNode data = array("[\"message-back\"]");
        data.add(bytes(1, 2, 3)).add(bytes(4, 5, 6));
        EncodedSocketPacket encoded = SocketPacketCodec.encode(SocketPacket.event("/", data));
        assertThat(encoded.text()).isEqualTo("52-[\"message-back\"," + PH0 + "," + PH1 + "]");
        assertThat(encoded.attachments()).containsExactly(new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
    }

    @Test
    void anAckWithBinaryGoesOutAsBinaryAckKeepingItsId() {
        ArrayNode args = JsonNodeFactory.instance.arrayNode();
        args.add(bytes(1, 2, 3)).add(bytes(4, 5, 6));
        EncodedSocketPacket encoded = SocketPacketCodec.encode(SocketPacket.ack("/", 789, args));
        assertThat("4" + encoded.text()).isEqualTo("462-789[" + PH0 + "," + PH1 + "]");
        ArrayNode one = array("[\"bar\"]");
        one.add(bytes(9));
        assertThat(SocketPacketCodec.encode(SocketPacket.ack("/", 15, one)).text()).isEqualTo("61-15[\"bar\"," + PH0 + "]");
    }

    @Test
    void aBinaryPacketTravelsAsItsTextThenOneBinaryMessagePerAttachment() {
        ArrayNode data = array("[\"message-back\"]");
        data.add(bytes(1, 2, 3));
        List<EnginePacket> messages = SocketPacketCodec.encode(SocketPacket.event("/", data)).messages();
        assertThat(PollingPayloadCodec.encode(messages))
                .isEqualTo("451-[\"message-back\"," + PH0 + "]\u001ebAQID");
    }

    @Test
    void packetsWithoutBinaryNeverUseTheBinaryTypes() {
        EncodedSocketPacket encoded = SocketPacketCodec.encode(SocketPacket.event("/", array("[\"echo\",\"a\",1]")));
        assertThat(encoded.text()).isEqualTo("2[\"echo\",\"a\",1]");
        assertThat(encoded.attachments()).isEmpty();
    }

    @Test
    void aNamespaceWithACommaCannotBeWritten() {
        assertThatThrownBy(() -> SocketPacket.disconnect("/a,b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SocketPacket.disconnect("admin")).isInstanceOf(IllegalArgumentException.class);
    }

    // --- decoding

    @Test
    void aBareConnectIsForTheMainNamespaceWithoutAuth() {
        assertThat(fromWire("40")).isEqualTo(SocketPacket.connect("/", null));
    }

    @Test
    void aConnectMayCarryAnAuthObject() {
        assertThat(fromWire("40{\"token\":\"123\"}")).isEqualTo(SocketPacket.connect("/", json("{\"token\":\"123\"}")));
        assertThat(fromWire("40/custom,{\"token\":\"abc\"}"))
                .isEqualTo(SocketPacket.connect("/custom", json("{\"token\":\"abc\"}")));
    }

    @Test
    void aNamespaceThatEndsThePacketNeedsNoComma() {
        assertThat(fromWire("40/custom,")).isEqualTo(SocketPacket.connect("/custom", null));
        assertThat(fromWire("40/custom")).isEqualTo(fromWire("40/custom,"));
        assertThat(fromWire("40/random")).isEqualTo(SocketPacket.connect("/random", null));
        assertThat(fromWire("41/custom")).isEqualTo(SocketPacket.disconnect("/custom"));
        assertThat(fromWire("41/custom,")).isEqualTo(SocketPacket.disconnect("/custom"));
        assertThat(fromWire("41")).isEqualTo(SocketPacket.disconnect("/"));
    }

    @Test
    void anEventWithoutAckIdCarriesItsArrayAsReceived() {
        SocketPacket event = fromWire("42[\"message\",1,\"2\",{\"3\":[true]}]");
        assertThat(event).isEqualTo(SocketPacket.event("/", array("[\"message\",1,\"2\",{\"3\":[true]}]")));
        assertThat(event.hasAckId()).isFalse();
    }

    @Test
    void theAckIdIsTheDigitsRightBeforeTheJson() {
        assertThat(fromWire("42456[\"message-with-ack\",1,\"2\",{\"3\":[false]}]"))
                .isEqualTo(SocketPacket.event("/", 456, array("[\"message-with-ack\",1,\"2\",{\"3\":[false]}]")));
        assertThat(fromWire("421[\"echo\",\"a\",1]").ackId()).isEqualTo(1L);
        assertThat(fromWire("42/custom,3[\"echo\",true]"))
                .isEqualTo(SocketPacket.event("/custom", 3, array("[\"echo\",true]")));
        assertThat(fromWire("431[\"message-with-ack\",1,\"2\",{\"3\":[true]}]"))
                .isEqualTo(SocketPacket.ack("/", 1, array("[\"message-with-ack\",1,\"2\",{\"3\":[true]}]")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"420[\"echo\"]", "422147483647[\"echo\"]", "429007199254740991[\"echo\"]"})
    void ackIdsUpToJavaScriptsSafeIntegersComeBackWithTheSameDigits(String wire) {
        SocketPacket event = fromWire(wire);
        SocketPacket ack = SocketPacket.ack("/", event.ackId(), array("[]"));
        assertThat(toWire(ack)).isEqualTo("43" + wire.substring(2, wire.indexOf('[')) + "[]");
    }

    @Test
    void theFirstElementOfAnEventMayBeANumber() {
        assertThat(fromWire("42[1,\"a\"]").data()).isEqualTo(json("[1,\"a\"]"));
    }

    @Test
    void aBinaryEventAnnouncesItsAttachmentsBeforeADash() {
        SocketPacket packet = fromWire("451-[\"message\"," + PH0 + "]");
        assertThat(packet.type()).isEqualTo(SocketPacketType.BINARY_EVENT);
        assertThat(packet.attachments()).isEqualTo(1);
        assertThat(packet.data()).isEqualTo(json("[\"message\"," + PH0 + "]"));
        SocketPacket withAck = fromWire("452-789[\"message-with-ack\"," + PH0 + "," + PH1 + "]");
        assertThat(withAck.attachments()).isEqualTo(2);
        assertThat(withAck.ackId()).isEqualTo(789L);
        SocketPacket onNamespace = SocketPacketCodec.decode("61-/admin,15[\"bar\"," + PH0 + "]");
        assertThat(onNamespace.type()).isEqualTo(SocketPacketType.BINARY_ACK);
        assertThat(onNamespace.namespace()).isEqualTo("/admin");
        assertThat(onNamespace.ackId()).isEqualTo(15L);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "0", "0{\"token\":\"123\"}", "0/admin,{\"sid\":\"oSO0OpakMV_3jnilAAAA\"}", "1", "1/admin,",
            "2[\"foo\"]", "2/admin,[\"bar\"]", "212[\"foo\"]", "3/admin,13[\"bar\"]", "4{\"message\":\"Not authorized\"}",
            "51-[\"baz\",{\"_placeholder\":true,\"num\":0}]", "61-15[\"bar\",{\"_placeholder\":true,\"num\":0}]"})
    void theSection17ExamplesDecodeAndEncodeBackUnchanged(String text) {
        assertThat(SocketPacketCodec.encodeText(SocketPacketCodec.decode(text))).isEqualTo(text);
    }

    @Test
    void aConnectErrorMayCarryAStringAsSocketIo48Accepts() {
        assertThat(SocketPacketCodec.decode("4\"oops\"").data().textValue()).isEqualTo("oops");
    }

    @Test
    void anAckWithoutIdIsDecodedForTheServerToIgnore() {
        assertThat(fromWire("43[1]").hasAckId()).isFalse();
    }

    // --- malformed packets (section 22)

    @ParameterizedTest
    @ValueSource(strings = {"4abc", "4", "47", "49[\"a\"]", "4-1"})
    void aTypeCharacterThatIsNotADigitZeroToSixIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"42{}", "42", "42\"message\"", "421", "42/custom,", "42/custom,{}", "421{}"})
    void anEventWhoseDataIsNotAnArrayIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "42abc[\"message-with-ack\",1,\"2\",{\"3\":[false]}]", "421a[\"x\"]", "42[\"a\"", "42[\"a\"]x",
            "42[\"a\"]]", "42 1[\"a\"]", "42['a']"})
    void anEventThatIsNeitherAckIdAndJsonNorJsonIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "42[]", "42[true]", "42[null]", "42[{}]", "42[[\"a\"]]", "42[\"connect\"]", "42[\"connect_error\"]",
            "42[\"disconnect\"]", "42[\"disconnecting\"]", "42[\"newListener\"]", "42[\"removeListener\"]",
            "451-[\"disconnect\",{\"_placeholder\":true,\"num\":0}]"})
    void anEventWithoutAUsableNameIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "40[]", "40\"token\"", "401", "40/custom,1", "41{}", "41/custom,{}", "41[\"a\"]", "43{}", "431",
            "431\"a\"", "44[\"a\"]", "441"})
    void otherDataThatDoesNotFitItsTypeIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "45[\"a\"]", "45-[\"a\"]", "450-[\"a\"]", "452[\"a\"]", "461[\"a\"]", "45a-[\"a\"]", "45",
            "4599999999999-[\"a\"]"})
    void aBinaryTypeWithoutAPositiveCountAndDashIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"429007199254740992[\"a\"]", "4299999999999999999999[\"a\"]"})
    void anAckIdBeyondJavaScriptsSafeIntegersIsMalformed(String wire) {
        assertThatThrownBy(() -> fromWire(wire)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aLimitOnAttachmentsRejectsPacketsAnnouncingMore() {
        assertThat(SocketPacketCodec.decode("510-[\"a\"]", 10).attachments()).isEqualTo(10);
        assertThatThrownBy(() -> SocketPacketCodec.decode("511-[\"a\"]", 10))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("11 attachments");
    }

    @Test
    void theRejectionSaysWhatIsWrong() {
        assertThatThrownBy(() -> SocketPacketCodec.decode("abc")).hasMessageContaining("unknown Socket.IO packet type 'a'");
        assertThatThrownBy(() -> SocketPacketCodec.decode("2{}")).hasMessageContaining("not an array");
        assertThatThrownBy(() -> SocketPacketCodec.decode("")).hasMessageContaining("empty");
    }
}
