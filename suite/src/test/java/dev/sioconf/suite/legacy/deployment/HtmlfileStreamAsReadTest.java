package dev.sioconf.suite.legacy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/** LEG-17.3 reads the htmlfile stream as a client would: chunks joined, gzip undone as far as it was flushed. */
class HtmlfileStreamAsReadTest {

    static final String HEAD = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nTransfer-Encoding: chunked\r\n";

    @Test
    void plainChunksAreJoined() {
        String answer = HEAD + "\r\n5\r\n<html\r\n1a\r\n" + DeploymentCases.FIRST_SCRIPT + "\r\n";
        assertThat(DeploymentCases.visible(answer.getBytes(StandardCharsets.ISO_8859_1))).endsWith("<html" + DeploymentCases.FIRST_SCRIPT);
    }

    @Test
    void aFlushedGzipStreamIsReadUpToItsFlush() throws IOException {
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        GZIPOutputStream out = new GZIPOutputStream(gz, true); // sync flush, as nginx's gzip does when the upstream flushes
        out.write(("<html>" + DeploymentCases.FIRST_SCRIPT).getBytes(StandardCharsets.UTF_8));
        out.flush();
        byte[] body = gz.toByteArray();
        byte[] answer = concat((HEAD + "Content-Encoding: gzip\r\n\r\n" + Integer.toHexString(body.length) + "\r\n")
                .getBytes(StandardCharsets.ISO_8859_1), body, "\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(DeploymentCases.visible(answer)).endsWith("<html>" + DeploymentCases.FIRST_SCRIPT);
    }

    @Test
    void gzipHeldInTheCompressorShowsNothingYet() {
        byte[] header = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3};
        byte[] answer = concat((HEAD + "Content-Encoding: gzip\r\n\r\na\r\n").getBytes(StandardCharsets.ISO_8859_1), header,
                "\r\n".getBytes(StandardCharsets.ISO_8859_1));
        assertThat(DeploymentCases.visible(answer)).doesNotContain(DeploymentCases.FIRST_SCRIPT).endsWith("\r\n\r\n");
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
