package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fed with the Engine.IO messages of one session, as a polling body or WebSocket frames deliver them. */
class SocketPacketAssemblerTest {

    private static final String PH0 = "{\"_placeholder\":true,\"num\":0}";
    private static final String PH1 = "{\"_placeholder\":true,\"num\":1}";

    /** Feeds every message of a polling body and collects the whole packets. */
    private static List<SocketPacket> feed(SocketPacketAssembler assembler, String body) {
        List<SocketPacket> packets = new ArrayList<>();
        for (EnginePacket message : PollingPayloadCodec.decode(body)) {
            Optional<SocketPacket> packet = message.isBinary()
                    ? assembler.acceptBinary(message.bytes())
                    : assembler.acceptText(message.text());
            packet.ifPresent(packets::add);
        }
        return packets;
    }

    @Test
    void aTextPacketIsWholeAtOnce() {
        SocketPacketAssembler assembler = new SocketPacketAssembler();
        assertThat(feed(assembler, "40\u001e42[\"sendMessage\"]")).hasSize(2);
        assertThat(assembler.isAwaitingAttachments()).isFalse();
    }

    @Test
    void aBinaryEventWaitsForTheAttachmentsItAnnounces() {
        SocketPacketAssembler assembler = new SocketPacketAssembler();
        assertThat(assembler.acceptText("52-[\"message\"," + PH0 + "," + PH1 + "]")).isEmpty();
        assertThat(assembler.isAwaitingAttachments()).isTrue();
        assertThat(assembler.acceptBinary(new byte[] {1, 2, 3})).isEmpty();
        SocketPacket event = assembler.acceptBinary(new byte[] {4, 5, 6}).orElseThrow();
        assertThat(assembler.isAwaitingAttachments()).isFalse();
        assertThat(event.type()).isEqualTo(SocketPacketType.EVENT);
        assertThat(event.data().get(0).textValue()).isEqualTo("message");
        assertThat(event.data().get(1)).isEqualTo(JsonNodeFactory.instance.binaryNode(new byte[] {1, 2, 3}));
        assertThat(event.data().get(2)).isEqualTo(JsonNodeFactory.instance.binaryNode(new byte[] {4, 5, 6}));
    }

    @Test
    void theBinaryEchoOfTheContractComesBackAsTheSameFrames() {
        String placeholders = PH0 + "," + PH1 + "]";
        List<SocketPacket> in = feed(new SocketPacketAssembler(),
                "452-[\"message\"," + placeholders + "\u001ebAQID\u001ebBAUG");
        assertThat(in).hasSize(1);
        ArrayNode args = (ArrayNode) in.get(0).data().deepCopy();
        args.set(0, "message-back");
        List<EnginePacket> out = SocketPacketCodec.encode(SocketPacket.event("/", args)).messages();
        assertThat(PollingPayloadCodec.encode(out))
                .isEqualTo("452-[\"message-back\"," + placeholders + "\u001ebAQID\u001ebBAUG");
    }

    @Test
    void aBinaryAckKeepsItsIdAndComesBackAsBinaryAck() {
        List<SocketPacket> in = feed(new SocketPacketAssembler(),
                "452-789[\"message-with-ack\"," + PH0 + "," + PH1 + "]\u001ebAQID\u001ebBAUG");
        SocketPacket event = in.get(0);
        assertThat(event.ackId()).isEqualTo(789L);
        ArrayNode args = (ArrayNode) event.data().deepCopy();
        args.remove(0);
        EncodedSocketPacket ack = SocketPacketCodec.encode(SocketPacket.ack("/", event.ackId(), args));
        assertThat("4" + ack.text()).isEqualTo("462-789[" + PH0 + "," + PH1 + "]");
        assertThat(ack.attachments()).containsExactly(new byte[] {1, 2, 3}, new byte[] {4, 5, 6});
    }

    @Test
    void textWhileAttachmentsAreExpectedIsMalformed() {
        SocketPacketAssembler assembler = new SocketPacketAssembler();
        assembler.acceptText("51-[\"message\"," + PH0 + "]");
        assertThatThrownBy(() -> assembler.acceptText("2[\"message\"]"))
                .isInstanceOf(MalformedPacketException.class).hasMessageContaining("1 attachments are still expected");
    }

    @Test
    void binaryWhileNoAttachmentIsExpectedIsMalformed() {
        SocketPacketAssembler assembler = new SocketPacketAssembler();
        assertThatThrownBy(() -> assembler.acceptBinary(new byte[] {1}))
                .isInstanceOf(MalformedPacketException.class);
        assembler.acceptText("2[\"message\"]");
        assertThatThrownBy(() -> assembler.acceptBinary(new byte[] {1}))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void aPlaceholderNumberingAMissingAttachmentIsMalformed() {
        SocketPacketAssembler assembler = new SocketPacketAssembler();
        assembler.acceptText("51-[\"message\"," + PH1 + "]");
        assertThatThrownBy(() -> assembler.acceptBinary(new byte[] {1}))
                .isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void anAssemblerWithALimitRejectsPacketsAnnouncingMoreAttachments() {
        SocketPacketAssembler assembler = new SocketPacketAssembler(10);
        assertThatThrownBy(() -> assembler.acceptText("511-[\"message\"]"))
                .isInstanceOf(MalformedPacketException.class);
        assertThat(assembler.isAwaitingAttachments()).isFalse();
    }
}
