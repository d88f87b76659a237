package dev.sioconf.suite.wire;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Bytes over a plain socket, for requests no HTTP client would send and for seeing that the server
 * closed a connection without any answer.
 */
public final class RawTcp {

    /** Raw exchanges carry handshakes and error answers; anything near this is not one. */
    public static final int MAX_ANSWER_BYTES = 1024 * 1024;

    private RawTcp() {
    }

    /** What came back before the server closed, or {@code null} if it stayed open and silent past {@code bound}. */
    public record Exchange(String received, boolean closedByServer) {
    }

    public static Exchange exchange(URI base, String request, Duration bound, WireLog log) {
        return exchange(base, request, bound, log, false);
    }

    /**
     * Like {@link #exchange}, but stops reading as soon as one whole HTTP response is in: its head and
     * as many body bytes as its {@code Content-Length}, or its chunks up to the terminating one. An
     * answer without either is read until the server closes, as before. Use it where the case is about
     * the answer, not about the connection: a server that keeps the connection open after a complete
     * answer (socket.io 0.9.19 answers polls {@code Connection: Keep-Alive} even to
     * {@code Connection: close}) must not cost the case the whole bound, which can outlast the session.
     */
    public static Exchange exchangeOneAnswer(URI base, String request, Duration bound, WireLog log) {
        return exchange(base, request, bound, log, true);
    }

    private static Exchange exchange(URI base, String request, Duration bound, WireLog log, boolean untilAnswered) {
        return exchangeUntil(base, request, bound, log, untilAnswered ? RawTcp::wholeAnswer : bytes -> false);
    }

    /**
     * Like {@link #exchange}, but stops reading as soon as {@code enough} holds for the bytes read so
     * far, e.g. once a stream that never ends has brought what the case waits for.
     */
    public static Exchange exchangeUntil(URI base, String request, Duration bound, WireLog log, java.util.function.Predicate<byte[]> enough) {
        log.sent("tcp", request);
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) Http.CONNECT_TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            socket.setSoTimeout((int) bound.toMillis());
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[8192];
            boolean closed;
            boolean answered = false;
            try {
                long deadline = System.nanoTime() + bound.toNanos();
                boolean ended = false;
                // the socket timeout bounds each read; the deadline bounds a server that trickles bytes
                while (System.nanoTime() < deadline) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        ended = true;
                        break;
                    }
                    got.write(buffer, 0, n);
                    if (got.size() > MAX_ANSWER_BYTES) {
                        log.received("tcp", got.toString(StandardCharsets.UTF_8) + "\n(cut: more than " + MAX_ANSWER_BYTES + " bytes)");
                        throw new TargetMisbehaved("answer on a raw connection to " + base + " is larger than "
                                + MAX_ANSWER_BYTES + " bytes; the tester stopped reading it");
                    }
                    if (enough.test(got.toByteArray())) {
                        answered = true;
                        break;
                    }
                }
                closed = ended;
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException e) {
                closed = true; // a reset is a close too
            }
            String text = got.toString(StandardCharsets.UTF_8);
            log.received("tcp", (text.isEmpty() ? "(nothing)" : text) + (closed ? "\n(connection closed by the server)"
                    : answered ? "\n(the tester had what it waited for; the connection was left open)" : "\n(still open after " + bound.toMillis() + " ms)"));
            return new Exchange(text, closed);
        } catch (IOException e) {
            log.note("raw connection failed: " + e.getMessage());
            throw new TargetMisbehaved("could not reach " + base + ": " + e.getMessage(), e);
        }
    }

    /** A version-13 WebSocket upgrade request for {@code pathAndQuery} on {@code base}, with a fixed key. */
    public static String webSocketUpgrade(URI base, String pathAndQuery) {
        return "GET " + pathAndQuery + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n";
    }

    /**
     * Whether {@code bytes} hold a whole answer, or the whole head of a 1xx answer such as 101 Switching
     * Protocols, which has no body: for a case that wants a handshake's answer and not what follows a switch.
     */
    public static boolean wholeAnswerOrSwitch(byte[] bytes) {
        int headEnd = indexOf(bytes, CRLF_CRLF, 0);
        return wholeAnswer(bytes) || headEnd > 0 && new String(bytes, 0, Math.min(headEnd, 16), StandardCharsets.ISO_8859_1)
                .matches("HTTP/1\\.[01] 1\\d\\d.*");
    }

    /** Whether {@code bytes} hold one whole HTTP response, by its Content-Length or its chunks. */
    public static boolean wholeAnswer(byte[] bytes) {
        int headEnd = indexOf(bytes, CRLF_CRLF, 0);
        if (headEnd < 0) {
            return false;
        }
        int bodyStart = headEnd + 4;
        String[] head = new String(bytes, 0, headEnd, StandardCharsets.ISO_8859_1).split("\r\n");
        String length = null;
        boolean chunked = false;
        for (int i = 1; i < head.length; i++) {
            int colon = head[i].indexOf(':');
            if (colon < 0) {
                continue;
            }
            String name = head[i].substring(0, colon).trim().toLowerCase(java.util.Locale.ROOT);
            String value = head[i].substring(colon + 1).trim();
            if (name.equals("content-length")) {
                length = value;
            } else if (name.equals("transfer-encoding") && value.toLowerCase(java.util.Locale.ROOT).contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            int at = bodyStart;
            while (true) {
                int lineEnd = indexOf(bytes, CRLF, at);
                if (lineEnd < 0) {
                    return false;
                }
                int size;
                try {
                    size = Integer.parseInt(new String(bytes, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].trim(), 16);
                } catch (NumberFormatException e) {
                    return false; // not chunks after all: leave it to the close
                }
                if (size == 0) {
                    // no trailer fields: CRLF at once; else trailer fields up to an empty line
                    return startsWith(bytes, CRLF, lineEnd + 2) || indexOf(bytes, CRLF_CRLF, lineEnd) >= 0;
                }
                at = lineEnd + 2 + size + 2;
                if (at > bytes.length) {
                    return false;
                }
            }
        }
        if (length != null) {
            try {
                return bytes.length - bodyStart >= Long.parseLong(length);
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] CRLF_CRLF = {'\r', '\n', '\r', '\n'};

    private static int indexOf(byte[] bytes, byte[] what, int from) {
        for (int i = Math.max(from, 0); i + what.length <= bytes.length; i++) {
            if (startsWith(bytes, what, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] bytes, byte[] what, int at) {
        if (at < 0 || at + what.length > bytes.length) {
            return false;
        }
        for (int j = 0; j < what.length; j++) {
            if (bytes[at + j] != what[j]) {
                return false;
            }
        }
        return true;
    }
}
