package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PollingPayloadCodecTest {

    @Test
    void onePacketTravelsAloneWithoutSeparator() {
        assertThat(PollingPayloadCodec.encode(List.of(EnginePacket.message("hello")))).isEqualTo("4hello");
        assertThat(PollingPayloadCodec.decode("4hello")).containsExactly(EnginePacket.message("hello"));
        assertThat(PollingPayloadCodec.decode("2")).containsExactly(EnginePacket.PING);
    }

    @Test
    void packetsAreJoinedByTheRecordSeparatorOnlyBetweenThem() {
        List<EnginePacket> packets = List.of(EnginePacket.message("hello"), EnginePacket.message("world"));
        assertThat(PollingPayloadCodec.encode(packets)).isEqualTo("4hello\u001e4world");
        assertThat(PollingPayloadCodec.decode("4hello\u001e4world")).isEqualTo(packets);
    }

    @Test
    void threeEchoedMessagesComeBackAsTheSameBody() {
        String body = "4test1\u001e4test2\u001e4test3";
        assertThat(PollingPayloadCodec.encode(PollingPayloadCodec.decode(body))).isEqualTo(body);
        assertThat(PollingPayloadCodec.decode(body)).hasSize(3);
    }

    @Test
    void binaryMessagesInAPayloadAreBPrefixedBase64() {
        List<EnginePacket> packets = PollingPayloadCodec.decode("4hello\u001ebAQIDBA==");
        assertThat(packets).containsExactly(EnginePacket.message("hello"),
                EnginePacket.binaryMessage(new byte[] {1, 2, 3, 4}));
        assertThat(PollingPayloadCodec.encode(packets)).isEqualTo("4hello\u001ebAQIDBA==");
    }

    @Test
    void aSocketIoBinaryEventIsFollowedByItsAttachmentsInOneBody() {
        String body = "452-[\"message\",{\"_placeholder\":true,\"num\":0},{\"_placeholder\":true,\"num\":1}]"
                + "\u001ebAQID\u001ebBAUG";
        List<EnginePacket> packets = PollingPayloadCodec.decode(body);
        assertThat(packets).hasSize(3);
        assertThat(packets.get(1).bytes()).containsExactly(1, 2, 3);
        assertThat(packets.get(2).bytes()).containsExactly(4, 5, 6);
    }

    @Test
    void aPendingCloseIsANoopThenTheClosePacket() {
        assertThat(PollingPayloadCodec.encode(List.of(EnginePacket.NOOP, EnginePacket.CLOSE))).isEqualTo("6\u001e1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "4hello\u001e", "\u001e4hello", "4a\u001e\u001e4b", "4hello\u001eabc", "4a\u001eb%%"})
    void aBodyWithAnyUndecodablePacketIsRejectedWhole(String body) {
        assertThatThrownBy(() -> PollingPayloadCodec.decode(body)).isInstanceOf(MalformedPacketException.class);
    }

    @Test
    void theRejectionNamesThePacketThatFailed() {
        assertThatThrownBy(() -> PollingPayloadCodec.decode("4hello\u001eabc")).hasMessageContaining("packet 2 of 2");
    }

    @Test
    void anEmptyListHasNoPayload() {
        assertThatThrownBy(() -> PollingPayloadCodec.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
