package dev.sioconf.suite.load;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.embedded.EmbeddedChannel;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The load client's websocket codec, fed with wire bytes: the upgrade, frames whole, split and joined, and what ends a session. */
class LeanWebSocketCodecTest {

    /** What the codec told its session, in order. */
    static final class Recorder extends LeanWebSocketCodec {
        final List<String> events = new ArrayList<>();

        Recorder() {
            super(URI.create("ws://127.0.0.1:3000/socket.io/?EIO=4&transport=websocket"));
        }

        @Override
        void opened(ChannelHandlerContext ctx) {
            events.add("opened");
        }

        @Override
        void onText(String text) {
            events.add("text " + text);
        }

        @Override
        void broken(String reason) {
            events.add("broken " + reason);
        }

        @Override
        void unexpected(String what) {
            events.add("unexpected " + what);
        }
    }

    final Recorder codec = new Recorder();
    final EmbeddedChannel ch = new EmbeddedChannel(codec);

    private String request() {
        ByteBuf out = ch.readOutbound();
        String text = out.toString(StandardCharsets.US_ASCII);
        out.release();
        return text;
    }

    private static String accept(String request) throws Exception {
        Matcher m = Pattern.compile("Sec-WebSocket-Key: (\\S+)\r\n").matcher(request);
        assertThat(m.find()).as(request).isTrue();
        byte[] sha1 = MessageDigest.getInstance("SHA-1")
                .digest((m.group(1) + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11").getBytes(StandardCharsets.US_ASCII));
        return Base64.getEncoder().encodeToString(sha1);
    }

    private void feed(String hex) {
        ch.writeInbound(Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex.replace(" ", ""))));
    }

    private void upgrade() throws Exception {
        String answer = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: "
                + accept(request()) + "\r\n\r\n";
        ch.writeInbound(Unpooled.copiedBuffer(answer, StandardCharsets.US_ASCII));
    }

    private static String hex(String ascii) {
        return HexFormat.of().formatHex(ascii.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void upgradeRequestAsksForVersion13WithAKey() {
        String request = request();
        assertThat(request).startsWith("GET /socket.io/?EIO=4&transport=websocket HTTP/1.1\r\nHost: 127.0.0.1:3000\r\n")
                .contains("Upgrade: websocket\r\n", "Connection: Upgrade\r\n", "Sec-WebSocket-Version: 13\r\n")
                .endsWith("\r\n\r\n");
    }

    @Test
    void upgradeWithTheRightAcceptOpensAndFramesInTheSameReadArrive() throws Exception {
        String answer = "HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: " + accept(request()) + "\r\n\r\n";
        ByteBuf both = Unpooled.buffer();
        both.writeBytes(answer.getBytes(StandardCharsets.US_ASCII));
        both.writeBytes(HexFormat.of().parseHex("8102" + hex("40")));
        ch.writeInbound(both);
        assertThat(codec.events).containsExactly("opened", "text 40");
    }

    @Test
    void upgradeWithAWrongAcceptIsRefused() {
        request();
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 101 Switching Protocols\r\nSec-WebSocket-Accept: dGhlIHNhbXBsZQ==\r\n\r\n",
                StandardCharsets.US_ASCII));
        assertThat(codec.events).containsExactly(
                "broken websocket: Sec-WebSocket-Accept is 'dGhlIHNhbXBsZQ==', not the one the key asks for");
    }

    @Test
    void answerOtherThan101IsRefusedWithItsStatusLine() {
        request();
        ch.writeInbound(Unpooled.copiedBuffer("HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n", StandardCharsets.US_ASCII));
        assertThat(codec.events).containsExactly("broken websocket: the upgrade was answered HTTP/1.1 400 Bad Request");
    }

    @Test
    void textFramesSplitAnywhereAndJoinedInOneReadComeOutWhole() throws Exception {
        upgrade();
        String frames = "8106" + hex("42[\"a\"") + "8101" + hex("2");
        for (int i = 0; i < frames.length(); i += 2) {
            feed(frames.substring(i, i + 2));
        }
        feed(frames + frames);
        assertThat(codec.events).containsExactly("opened", "text 42[\"a\"", "text 2", "text 42[\"a\"", "text 2",
                "text 42[\"a\"", "text 2");
    }

    @Test
    void sixteenBitLengthAndFragmentsAreRead() throws Exception {
        upgrade();
        String big = "x".repeat(300);
        feed("817e012c" + hex(big));
        feed("0103" + hex("4[\"") + "0002" + hex("ab") + "8002" + hex("\"]"));
        assertThat(codec.events).containsExactly("opened", "text " + big, "text 4[\"ab\"]");
    }

    @Test
    void closeFrameEndsTheSessionWithItsCodeAndReason() throws Exception {
        upgrade();
        feed("8806 03e9" + hex("bye!"));
        assertThat(codec.events).containsExactly("opened", "broken server closed the websocket (1001 bye!)");
    }

    @Test
    void maskedServerFrameIsABrokenSession() throws Exception {
        upgrade();
        feed("8182 00000000 3430");
        assertThat(codec.events).containsExactly("opened", "broken websocket: the server masked a frame (RFC 6455 section 5.1)");
    }

    @Test
    void pingIsAnsweredWithAMaskedPongOfTheSamePayload() throws Exception {
        upgrade();
        feed("8902" + hex("hi"));
        ch.flushOutbound();
        ByteBuf pong = ch.readOutbound();
        assertThat(pong.readUnsignedByte()).isEqualTo((short) 0x8a);
        assertThat(pong.readUnsignedByte()).isEqualTo((short) 0x82);
        byte[] mask = new byte[4];
        pong.readBytes(mask);
        assertThat(new byte[] {(byte) (pong.readByte() ^ mask[0]), (byte) (pong.readByte() ^ mask[1])})
                .isEqualTo("hi".getBytes(StandardCharsets.US_ASCII));
        pong.release();
        assertThat(codec.events).containsExactly("opened");
    }

    @Test
    void binaryFrameIsReportedAndTheSessionGoesOn() throws Exception {
        upgrade();
        feed("8201 04" + "8101" + hex("3"));
        assertThat(codec.events).containsExactly("opened", "unexpected binary frame", "text 3");
    }

    @Test
    void textFrameGoesOutMaskedAndUnmasksToThePacket() {
        ByteBuf frame = LeanWebSocketCodec.text(ch.pipeline().firstContext(), "42[\"echo\",1,2]");
        assertThat(frame.readUnsignedByte()).isEqualTo((short) 0x81);
        assertThat(frame.readUnsignedByte()).isEqualTo((short) (0x80 | 14));
        byte[] mask = new byte[4];
        frame.readBytes(mask);
        byte[] payload = new byte[frame.readableBytes()];
        frame.readBytes(payload);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        assertThat(new String(payload, StandardCharsets.UTF_8)).isEqualTo("42[\"echo\",1,2]");
        frame.release();
    }
}
