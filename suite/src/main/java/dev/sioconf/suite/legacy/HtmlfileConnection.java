package dev.sioconf.suite.legacy;

import dev.sioconf.suite.wire.JsStrings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/** htmlfile: one endless chunked answer, read script by script; sends go as POSTs. */
final class HtmlfileConnection extends Connection {

    static final String SCRIPT_OPEN = "<script>_(";
    static final String SCRIPT_CLOSE = ");</script>";
    /**
     * How much of the stream may wait for the end of its script: no legacy case has a message near
     * this, and a server that streams without end must not fill the heap.
     */
    static final int MAX_PENDING_CHARS = 4 * 1024 * 1024;

    private final InputStream body;
    private volatile boolean stopped;

    HtmlfileConnection(LegacyTester tester, String sid, HttpResponse<InputStream> stream) {
        super(tester, sid, Transport.HTMLFILE);
        this.body = stream.body();
        Thread reader = new Thread(this::readLoop, "sioconf-htmlfile-" + sid);
        reader.setDaemon(true);
        reader.start();
    }

    private void readLoop() {
        StringBuilder pending = new StringBuilder();
        char[] buffer = new char[4096];
        try (Reader in = new InputStreamReader(body, StandardCharsets.UTF_8)) {
            int n;
            while (!stopped && (n = in.read(buffer)) >= 0) {
                String chunk = new String(buffer, 0, n);
                tester.log().received("http-chunk", chunk);
                pending.append(chunk);
                drainScripts(pending);
                if (pending.length() > MAX_PENDING_CHARS) {
                    abandon();
                    ended("htmlfile stream sent more than " + MAX_PENDING_CHARS
                            + " characters without a whole message script; the tester stopped reading it");
                    return;
                }
            }
            ended("htmlfile stream ended");
        } catch (IOException | AssertionError e) {
            ended(stopped ? "closed by the tester" : "htmlfile stream failed: " + e.getMessage());
        }
    }

    /** Takes every complete message script out of {@code pending}; the opening chunk is skipped. */
    private void drainScripts(StringBuilder pending) {
        while (true) {
            int open = pending.indexOf(SCRIPT_OPEN);
            if (open < 0) {
                return;
            }
            int close = pending.indexOf(SCRIPT_CLOSE, open);
            if (close < 0) {
                return;
            }
            String literal = pending.substring(open + SCRIPT_OPEN.length(), close);
            pending.delete(0, close + SCRIPT_CLOSE.length());
            received(JsStrings.unquote(literal));
        }
    }

    @Override
    public void sendPayload(String payload) {
        tester.postPayload(Transport.HTMLFILE, sid, payload);
    }

    @Override
    public void abandon() {
        stopped = true;
        try {
            body.close();
        } catch (IOException e) {
            // closing is best effort
        }
    }
}
