package dev.sioconf.suite.legacy.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.deployment.Findings;
import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.GZIPInputStream;

/**
 * spec/legacy.md section 17: what a front end (reverse proxy, load balancer, several nodes) breaks
 * for a socket.io 0.9 deployment, seen through the address clients use.
 */
class DeploymentCases {

    static final String NOT_HANDSHAKEN = "7:::1+0";
    static final String FIRST_SCRIPT = "<script>_(\"1::\");</script>";
    /** As in the eio4 section: enough sessions and requests that round robin over two nodes cannot hide. */
    static final int SESSIONS = 6;
    static final int POSTS = 3;

    @Requirement("LEG-17.1")
    @LegacyCase(transports = Transport.WEBSOCKET,
            does = "handshakes, then opens a WebSocket for the session through the same address and reads the first frame")
    void websocketListedIsCarriedThroughTheFrontEnd(LegacyTester t) {
        String sid = t.handshake().sid();
        WebSocketWire ws;
        try {
            ws = t.openWebSocket(sid);
        } catch (TargetMisbehaved refused) {
            // the same handshake by hand, for the answer's exact text: a node that never saw the session says so
            String answer = t.rawWebSocketAnswerOrSwitch(sid).received();
            boolean otherNode = answer.contains(NOT_HANDSHAKEN);
            throw Findings.failure(otherNode ? Findings.NOT_STICKY : Findings.NO_WEBSOCKET, "HTTP/1.1 101 Switching Protocols",
                    answer.isEmpty() ? refused.getMessage() : Findings.firstLine(answer));
        }
        String first = ws.poll(Bounds.PROMPT);
        if (NOT_HANDSHAKEN.equals(first)) {
            throw Findings.failure(Findings.NOT_STICKY, "1::", first);
        }
        if (!"1::".equals(first)) {
            throw Findings.failure(Findings.NO_WEBSOCKET, "1::", first == null
                    ? "no frame within " + Bounds.PROMPT.toMillis() + " ms" : first);
        }
    }

    @Requirement("LEG-17.2")
    @LegacyCase(transports = Transport.XHR_POLLING,
            does = "takes the connect packet, then GETs again with nothing queued; the server must hold it for the polling duration")
    void heldPollIsAnsweredByTheServerNotCutByTheFrontEnd(LegacyTester t) {
        String sid = t.handshake().sid();
        HttpAnswer first = t.poll(Transport.XHR_POLLING, sid);
        String noop = "200 8:: after about " + t.bounds().pollingDuration().toMillis() + " ms";
        if (first.body().contains(NOT_HANDSHAKEN)) {
            throw Findings.failure(Findings.NOT_STICKY, "200 1::", first.status() + " " + first.body());
        }
        HttpAnswer held;
        try {
            held = t.poll(Transport.XHR_POLLING, sid);
        } catch (TargetMisbehaved e) {
            if (e.getMessage().contains(" within ")) {
                throw e; // no answer at all: the server kept the poll, which is no finding about a front end
            }
            throw Findings.failure(Findings.POLL_CUT_LEGACY, noop, e.getMessage());
        }
        if (held.body().contains(NOT_HANDSHAKEN)) {
            throw Findings.failure(Findings.NOT_STICKY, noop, held.status() + " " + held.body());
        }
        if (held.status() >= 500) {
            throw Findings.failure(Findings.POLL_CUT_LEGACY, noop, "HTTP " + held.status() + ": " + Findings.firstLine(held.body())
                    + " after " + held.elapsed().toMillis() + " ms");
        }
        assertThat(held.status() + " " + held.body()).as("the held poll's answer").isEqualTo("200 8::");
    }

    @Requirement("LEG-17.3")
    @LegacyCase(transports = Transport.HTMLFILE,
            does = "opens the htmlfile stream with Accept-Encoding: gzip, as browsers do, and reads until the script carrying 1::")
    void htmlfileStreamReachesTheClientAsTheServerWritesIt(LegacyTester t) {
        String sid = t.handshake().sid();
        URI stream = t.transportUri(Transport.HTMLFILE, sid, "");
        String request = "GET " + stream.getRawPath() + "?" + stream.getRawQuery() + " HTTP/1.1\r\nHost: " + host(t)
                + "\r\nAccept-Encoding: gzip, deflate\r\nConnection: close\r\n\r\n";
        AtomicReference<byte[]> read = new AtomicReference<>(new byte[0]); // the raw bytes: a gzip body is not text
        RawTcp.Exchange got = RawTcp.exchangeUntil(t.target().base(), request, Bounds.PROMPT, t.log(), bytes -> {
            read.set(bytes);
            return visible(bytes).contains(FIRST_SCRIPT);
        });
        String seen = visible(read.get());
        if (seen.contains(FIRST_SCRIPT)) {
            return;
        }
        String expected = "the stream's head and " + FIRST_SCRIPT + " within " + Bounds.PROMPT.toMillis() + " ms";
        if (seen.contains(NOT_HANDSHAKEN)) {
            throw Findings.failure(Findings.NOT_STICKY, expected, Findings.firstLine(seen));
        }
        if (got.received().startsWith("HTTP/1.1 5") || got.received().startsWith("HTTP/1.0 5")) {
            throw new AssertionError("the stream was refused: " + Findings.firstLine(got.received()));
        }
        String actual = got.received().isEmpty() ? "nothing within " + Bounds.PROMPT.toMillis() + " ms"
                : "within " + Bounds.PROMPT.toMillis() + " ms only: " + Findings.firstLine(got.received())
                        + (isGzip(got.received()) ? " (gzip, nothing readable yet)" : "");
        throw Findings.failure(Findings.STREAM_HELD, expected, actual);
    }

    @Requirement("LEG-17.4")
    @LegacyCase(transports = Transport.XHR_POLLING,
            does = "opens " + SESSIONS + " sessions, takes each one's connect packet and POSTs the noop 8:: " + POSTS + " times naming each")
    void everyRequestOfASessionReachesAServerThatHoldsIt(LegacyTester t) {
        List<String> astray = new ArrayList<>();
        int requests = SESSIONS * (1 + POSTS);
        for (int s = 0; s < SESSIONS; s++) {
            String sid = t.handshake().sid();
            HttpAnswer connect = t.poll(Transport.XHR_POLLING, sid);
            if (!connect.body().equals("1::")) {
                astray.add(connect.status() + " " + Findings.firstLine(connect.body()));
            }
            for (int r = 0; r < POSTS; r++) {
                HttpAnswer a = t.http().post(t.transportUri(Transport.XHR_POLLING, sid, ""), "text/plain;charset=UTF-8", "8::",
                        Bounds.PROMPT);
                if (a.status() != 200 || !a.body().equals("1")) {
                    astray.add(a.status() + " " + Findings.firstLine(a.body()));
                }
            }
        }
        if (!astray.isEmpty()) {
            throw Findings.failure(Findings.NOT_STICKY, "0 of " + requests + " requests refused",
                    astray.size() + " of " + requests + " requests refused, e.g. " + astray.get(0));
        }
    }

    private static String host(LegacyTester t) {
        return t.target().base().getHost() + ":" + t.target().base().getPort();
    }

    private static boolean isGzip(String answer) {
        int head = answer.indexOf("\r\n\r\n");
        return head > 0 && answer.substring(0, head).toLowerCase(Locale.ROOT).contains("content-encoding: gzip");
    }

    /**
     * The answer as a client would read it so far: the head, then the body with its chunk framing
     * removed and, when gzip-encoded, whatever of it decompresses already (a proxy that flushes its
     * compressor lets the client read on; one that does not holds everything back).
     */
    static String visible(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int head = text.indexOf("\r\n\r\n");
        if (head < 0) {
            return text;
        }
        byte[] body = dechunk(bytes, head + 4, text.substring(0, head).toLowerCase(Locale.ROOT).contains("transfer-encoding: chunked"));
        if (!isGzip(text)) {
            return text.substring(0, head + 4) + new String(body, StandardCharsets.UTF_8);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] buffer = new byte[4096];
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
            }
        } catch (EOFException partial) {
            // what decompressed before the bytes ran out is what a client could read
        } catch (IOException notYetGzip) {
            // fewer bytes than the gzip header: nothing readable yet
        }
        return text.substring(0, head + 4) + out.toString(StandardCharsets.UTF_8);
    }

    /** The body bytes after {@code start}, chunk sizes and their line ends removed when chunked; a cut chunk keeps what came. */
    private static byte[] dechunk(byte[] bytes, int start, boolean chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (!chunked) {
            out.write(bytes, start, bytes.length - start);
            return out.toByteArray();
        }
        int i = start;
        while (i < bytes.length) {
            int lineEnd = indexOfCrlf(bytes, i);
            if (lineEnd < 0) {
                break;
            }
            int size;
            try {
                size = Integer.parseInt(new String(bytes, i, lineEnd - i, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
            } catch (NumberFormatException e) {
                break;
            }
            if (size == 0) {
                break;
            }
            int from = lineEnd + 2;
            int n = Math.min(size, bytes.length - from);
            out.write(bytes, from, Math.max(0, n));
            i = from + size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] bytes, int from) {
        for (int i = from; i + 1 < bytes.length; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
