package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BinaryPlaceholdersTest {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final byte[] A = {1, 2, 3};
    private static final byte[] B = {4, 5, 6};
    private static final byte[] C = {7};

    /** {@code ["message", A, {"x": B, "y": [C]}]} */
    private static ArrayNode nested() {
        ArrayNode data = NODES.arrayNode().add("message").add(NODES.binaryNode(A));
        ObjectNode object = data.addObject();
        object.set("x", NODES.binaryNode(B));
        object.putArray("y").add(NODES.binaryNode(C));
        return data;
    }

    @Test
    void placeholdersAreNumberedInDocumentOrderAndKeyedPlaceholderThenNum() {
        BinaryPlaceholders.Deconstructed parts = BinaryPlaceholders.deconstruct(nested());
        assertThat(JsonText.stringify(parts.data())).isEqualTo("[\"message\",{\"_placeholder\":true,\"num\":0},"
                + "{\"x\":{\"_placeholder\":true,\"num\":1},\"y\":[{\"_placeholder\":true,\"num\":2}]}]");
        assertThat(parts.attachments()).containsExactly(A, B, C);
    }

    @Test
    void deconstructingLeavesTheOriginalUntouched() {
        ArrayNode data = nested();
        BinaryPlaceholders.deconstruct(data);
        assertThat(data).isEqualTo(nested());
        assertThat(BinaryPlaceholders.containsBinary(data)).isTrue();
    }

    @Test
    void reconstructingUndoesDeconstructing() {
        BinaryPlaceholders.Deconstructed parts = BinaryPlaceholders.deconstruct(nested());
        assertThat(BinaryPlaceholders.containsBinary(parts.data())).isFalse();
        assertThat(BinaryPlaceholders.reconstruct(parts.data(), parts.attachments())).isEqualTo(nested());
    }

    @Test
    void placeholdersMayNumberAttachmentsInAnyOrder() {
        JsonNode data = JsonText.parse("[\"m\",{\"_placeholder\":true,\"num\":1},{\"_placeholder\":true,\"num\":0}]");
        JsonNode rebuilt = BinaryPlaceholders.reconstruct(data, List.of(A, B));
        assertThat(rebuilt.get(1)).isEqualTo(NODES.binaryNode(B));
        assertThat(rebuilt.get(2)).isEqualTo(NODES.binaryNode(A));
    }

    @Test
    void anObjectWhosePlaceholderFlagIsNotTrueIsPlainData() {
        JsonNode data = JsonText.parse("[\"m\",{\"_placeholder\":false,\"num\":0}]");
        assertThat(BinaryPlaceholders.reconstruct(data, List.of(A))).isEqualTo(data);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"_placeholder\":true,\"num\":2}", "{\"_placeholder\":true,\"num\":-1}",
            "{\"_placeholder\":true,\"num\":\"0\"}", "{\"_placeholder\":true}", "{\"_placeholder\":true,\"num\":0.5}"})
    void aPlaceholderThatNumbersNoAttachmentIsMalformed(String placeholder) {
        JsonNode data = JsonText.parse("[\"m\"," + placeholder + "]");
        assertThatThrownBy(() -> BinaryPlaceholders.reconstruct(data, List.of(A, B)))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aWireBinaryEventBecomesAnEventAndABinaryAckAnAck() {
        SocketPacket event = SocketPacketCodec.decode("51-/custom,[\"m\",{\"_placeholder\":true,\"num\":0}]");
        SocketPacket rebuiltEvent = BinaryPlaceholders.reconstruct(event, List.of(A));
        assertThat(rebuiltEvent.type()).isEqualTo(SocketPacketType.EVENT);
        assertThat(rebuiltEvent.namespace()).isEqualTo("/custom");
        assertThat(rebuiltEvent.attachments()).isZero();
        assertThat(rebuiltEvent.data().get(1)).isEqualTo(NODES.binaryNode(A));

        SocketPacket ack = SocketPacketCodec.decode("61-15[{\"_placeholder\":true,\"num\":0}]");
        SocketPacket rebuiltAck = BinaryPlaceholders.reconstruct(ack, List.of(B));
        assertThat(rebuiltAck.type()).isEqualTo(SocketPacketType.ACK);
        assertThat(rebuiltAck.ackId()).isEqualTo(15L);
    }

    @Test
    void moreOrFewerAttachmentsThanAnnouncedAreMalformed() {
        SocketPacket event = SocketPacketCodec.decode("52-[\"m\",{\"_placeholder\":true,\"num\":0}]");
        assertThatThrownBy(() -> BinaryPlaceholders.reconstruct(event, List.of(A)))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("announces 2");
        assertThatThrownBy(() -> BinaryPlaceholders.reconstruct(event, List.of(A, B, C)))
                .isInstanceOf(MalformedPacketException.class);
    }
}
