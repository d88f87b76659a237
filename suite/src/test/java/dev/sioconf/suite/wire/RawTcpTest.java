package dev.sioconf.suite.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RawTcpTest {

    static boolean whole(String s) {
        return RawTcp.wholeAnswer(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void contentLengthAnswerIsWholeOnceItsBytesAreIn() {
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n1::")).isTrue();
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n\r\n1:")).isFalse();
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n")).isFalse();
        // lengths count bytes: "é" is two
        assertThat(whole("HTTP/1.1 200 OK\r\ncontent-length: 6\r\n\r\n3:::é")).isTrue();
        assertThat(whole("HTTP/1.1 200 OK\r\ncontent-length: 7\r\n\r\n3:::é")).isFalse();
    }

    @Test
    void chunkedAnswerIsWholeOnlyWithItsLastChunk() {
        assertThat(whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n1::\r\n")).isFalse();
        assertThat(whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n1::\r\n0\r\n")).isFalse();
        assertThat(whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n1::\r\n0\r\n\r\n")).isTrue();
        assertThat(whole("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\nX-T: 1\r\n\r\n")).isTrue();
    }

    @Test
    void answerWithoutLengthOrChunksIsLeftToTheClose() {
        assertThat(whole("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n1::")).isFalse();
    }

    @Test
    void switchingProtocolsEndsAtItsHeadOnlyWhereACaseAsksForThat() {
        String switched = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n";
        byte[] bytes = switched.getBytes(StandardCharsets.UTF_8);
        assertThat(RawTcp.wholeAnswerOrSwitch(bytes)).isTrue();
        assertThat(whole(switched)).as("a hostile-client check reads on past a switch, to the close").isFalse();
        assertThat(RawTcp.wholeAnswerOrSwitch("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
        assertThat(RawTcp.wholeAnswerOrSwitch("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\n1::".getBytes(StandardCharsets.UTF_8)))
                .isFalse();
    }
}
