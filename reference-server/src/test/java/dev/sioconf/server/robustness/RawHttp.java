package dev.sioconf.server.robustness;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** One TCP connection carrying exactly the bytes a test writes, and the HTTP answer it reads back. */
final class RawHttp implements AutoCloseable {

    /** What came back: an HTTP answer, or how the connection ended without one. */
    record Answer(int status, Map<String, String> headers, byte[] body, String without) {

        static Answer none(String why) {
            return new Answer(0, Map.of(), new byte[0], why);
        }

        boolean answered() {
            return without == null;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        /** {@code 400 {"code":1,...}}, {@code 413 (empty)}, or the reason there was no answer. */
        String render() {
            if (!answered()) {
                return without;
            }
            String t = text().strip();
            return status + " " + (t.isEmpty() ? "(empty)" : t);
        }
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    static RawHttp connect(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        s.setTcpNoDelay(true);
        return new RawHttp(s);
    }

    RawHttp send(String latin1) throws IOException {
        return send(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a request head (request line and headers, the blank line added) and {@code body}. */
    RawHttp request(String method, String target, byte[] body, String... headers) throws IOException {
        StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String h : headers) {
            head.append(h).append("\r\n");
        }
        if (body != null) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        send(head.append("\r\n").toString());
        return body == null ? this : send(body);
    }

    RawHttp get(String target, String... headers) throws IOException {
        return request("GET", target, null, headers);
    }

    void shutdownOutput() throws IOException {
        socket.shutdownOutput();
    }

    /** Whether the server closed the connection within {@code bound} (bytes it sends meanwhile are dropped). */
    boolean closedWithin(Duration bound) throws IOException {
        long deadline = System.nanoTime() + bound.toNanos();
        byte[] sink = new byte[8192];
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            socket.setSoTimeout((int) Math.max(1, left / 1_000_000));
            try {
                if (in.read(sink) < 0) {
                    return true;
                }
            } catch (SocketTimeoutException e) {
                return false;
            } catch (IOException e) {
                return true; // reset by the server
            }
        }
    }

    /** The next answer with a Content-Length or chunked body read whole, within {@code bound}. */
    Answer read(Duration bound) throws IOException {
        return read(bound, true);
    }

    /** The status line and headers of the next answer; a chunked body is left to {@link #chunksUntil}. */
    Answer readHead(Duration bound) throws IOException {
        return read(bound, false);
    }

    private Answer read(Duration bound, boolean whole) throws IOException {
        socket.setSoTimeout((int) bound.toMillis());
        try {
            String statusLine = line();
            if (statusLine == null) {
                return Answer.none("connection closed without an answer");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            for (String h = line(); h != null && !h.isEmpty(); h = line()) {
                int colon = h.indexOf(':');
                headers.put(h.substring(0, colon).strip().toLowerCase(Locale.ROOT), h.substring(colon + 1).strip());
            }
            int status = Integer.parseInt(statusLine.split(" ")[1]);
            byte[] body;
            if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
                body = whole ? chunks() : new byte[0];
            } else {
                body = in.readNBytes(Integer.parseInt(headers.getOrDefault("content-length", "0")));
            }
            return new Answer(status, headers, body, null);
        } catch (SocketTimeoutException e) {
            return Answer.none("no answer within " + bound.toSeconds() + " s");
        } catch (IOException e) {
            return Answer.none("connection reset without an answer");
        }
    }

    /** Reads chunks until the terminating one, or until the chunks read so far contain {@code until}. */
    byte[] chunksUntil(String until) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) {
                return all.toByteArray();
            }
            int n = Integer.parseInt(size.strip(), 16);
            if (n == 0) {
                line();
                return all.toByteArray();
            }
            all.writeBytes(in.readNBytes(n));
            line();
            if (until != null && all.toString(StandardCharsets.UTF_8).contains(until)) {
                return all.toByteArray();
            }
        }
    }

    private byte[] chunks() throws IOException {
        return chunksUntil(null);
    }

    /** A CRLF-terminated line as Latin-1, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                String s = b.toString(StandardCharsets.ISO_8859_1);
                return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    InputStream in() {
        return in;
    }

    Socket socket() {
        return socket;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
