package dev.sioconf.server.soak;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One blocking loopback connection speaking HTTP/1.1 and, after an upgrade, RFC 6455 frames. It
 * starts no threads of its own (unlike the JDK's HttpClient), so the soak test's thread count
 * sees only the server's threads; every read is bounded by {@link #READ_TIMEOUT_MS}.
 */
final class WireConnection implements AutoCloseable {

    /** Far above any answer the server owes right away, far below the soak's own budget. */
    static final int READ_TIMEOUT_MS = 10_000;
    static final String WEBSOCKET_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    /** RFC 6455's accept value for {@link #WEBSOCKET_KEY}. */
    static final String WEBSOCKET_ACCEPT = "s3pPLMBiTxaQ9kYGzzhZRbK+xOo=";
    static final int OPCODE_CONTINUATION = 0;
    static final int OPCODE_TEXT = 1;
    static final int OPCODE_CLOSE = 8;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String host;

    private WireConnection(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
        this.host = "127.0.0.1:" + socket.getPort();
    }

    static WireConnection open(int port) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress("127.0.0.1", port), READ_TIMEOUT_MS);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            return new WireConnection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** A status, the headers (names in lower case) and the whole body as text. */
    record HttpAnswer(int status, Map<String, String> headers, String body) {
    }

    HttpAnswer get(String target) throws IOException {
        sendGet(target);
        return readAnswer();
    }

    HttpAnswer post(String target, String contentType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        write("POST " + target + " HTTP/1.1\r\nHost: " + host + "\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + bytes.length + "\r\n\r\n", bytes);
        return readAnswer();
    }

    /** Sends a GET without waiting for its answer, e.g. a poll the server will hold. */
    void sendGet(String target) throws IOException {
        write("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\n\r\n", new byte[0]);
    }

    HttpAnswer readAnswer() throws IOException {
        HttpAnswer head = readHead();
        String body;
        if ("chunked".equalsIgnoreCase(head.headers().get("transfer-encoding"))) {
            StringBuilder all = new StringBuilder();
            for (String chunk; !(chunk = readChunk()).isEmpty(); ) {
                all.append(chunk);
            }
            body = all.toString();
        } else if (head.headers().containsKey("content-length")) {
            body = new String(readExactly(Integer.parseInt(head.headers().get("content-length"))), StandardCharsets.UTF_8);
        } else {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return new HttpAnswer(head.status(), head.headers(), body);
    }

    /** The status line and headers of an answer, its body left to read (a stream's chunks, say). */
    HttpAnswer readHead() throws IOException {
        String statusLine = readLine();
        if (!statusLine.startsWith("HTTP/1.1 ")) {
            throw new IOException("not an HTTP/1.1 status line: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new HashMap<>();
        for (String line; !(line = readLine()).isEmpty(); ) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(), line.substring(colon + 1).trim());
        }
        return new HttpAnswer(status, headers, null);
    }

    /** The next chunk of a chunked body as text; the empty string for the last chunk. */
    String readChunk() throws IOException {
        String sizeLine = readLine();
        int semicolon = sizeLine.indexOf(';');
        int size = Integer.parseInt(semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon), 16);
        String chunk = new String(readExactly(size), StandardCharsets.UTF_8);
        if (size == 0) {
            while (!readLine().isEmpty()) {
                // trailers: none expected, skipped if any
            }
        } else if (!readLine().isEmpty()) {
            throw new IOException("chunk of " + size + " bytes not followed by CRLF");
        }
        return chunk;
    }

    /** Upgrades to a WebSocket; the 101 answer's accept value is checked. */
    void upgrade(String target) throws IOException {
        write("GET " + target + " HTTP/1.1\r\nHost: " + host + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + WEBSOCKET_KEY + "\r\nSec-WebSocket-Version: 13\r\n\r\n", new byte[0]);
        HttpAnswer head = readHead();
        if (head.status() != 101 || !WEBSOCKET_ACCEPT.equals(head.headers().get("sec-websocket-accept"))) {
            throw new IOException("upgrade of " + target + " answered " + head);
        }
    }

    void sendText(String text) throws IOException {
        sendFrame(OPCODE_TEXT, text.getBytes(StandardCharsets.UTF_8));
    }

    /** A close frame with {@code code} and no reason. */
    void sendClose(int code) throws IOException {
        sendFrame(OPCODE_CLOSE, new byte[] {(byte) (code >> 8), (byte) code});
    }

    /** An unfragmented message or control frame from the server. */
    record Frame(int opcode, byte[] payload) {
        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }
    }

    /** The next message (continuations joined) or control frame. */
    Frame readFrame() throws IOException {
        int first = readByte();
        int opcode = first & 0x0F;
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        payload.writeBytes(readPayload());
        while ((first & 0x80) == 0) {
            first = readByte();
            if ((first & 0x0F) != OPCODE_CONTINUATION) {
                throw new IOException("expected a continuation frame, got opcode " + (first & 0x0F));
            }
            payload.writeBytes(readPayload());
        }
        return new Frame(opcode, payload.toByteArray());
    }

    /** The next text message. */
    String readText() throws IOException {
        Frame frame = readFrame();
        if (frame.opcode() != OPCODE_TEXT) {
            throw new IOException("expected a text message, got opcode " + frame.opcode() + ": " + frame.text());
        }
        return frame.text();
    }

    /** Whether the server has closed the connection: true on end of stream, false if data comes instead. */
    boolean endOfStream() throws IOException {
        return in.read() == -1;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private byte[] readPayload() throws IOException {
        int second = readByte();
        if ((second & 0x80) != 0) {
            throw new IOException("the server masked a frame");
        }
        long length = second & 0x7F;
        if (length == 126) {
            length = (readByte() << 8) | readByte();
        } else if (length == 127) {
            length = 0;
            for (int i = 0; i < 8; i++) {
                length = (length << 8) | readByte();
            }
        }
        if (length > Integer.MAX_VALUE) {
            throw new IOException("frame of " + length + " bytes");
        }
        return readExactly((int) length);
    }

    private void sendFrame(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(0x80 | payload.length);
        } else if (payload.length <= 0xFFFF) {
            frame.write(0x80 | 126);
            frame.write(payload.length >> 8);
            frame.write(payload.length);
        } else {
            frame.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                frame.write((int) ((long) payload.length >> shift));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        frame.writeBytes(mask);
        for (int i = 0; i < payload.length; i++) {
            frame.write(payload[i] ^ mask[i & 3]);
        }
        out.write(frame.toByteArray());
        out.flush();
    }

    private void write(String head, byte[] body) throws IOException {
        byte[] headBytes = head.getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[headBytes.length + body.length];
        System.arraycopy(headBytes, 0, all, 0, headBytes.length);
        System.arraycopy(body, 0, all, headBytes.length, body.length);
        out.write(all);
        out.flush();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        while (true) {
            int b = readByte();
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.UTF_8);
            }
            line.write(b);
        }
    }

    private int readByte() throws IOException {
        int b;
        try {
            b = in.read();
        } catch (SocketTimeoutException e) {
            throw new SocketTimeoutException("nothing from the server within " + READ_TIMEOUT_MS + " ms");
        }
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    private byte[] readExactly(int n) throws IOException {
        byte[] bytes = in.readNBytes(n);
        if (bytes.length < n) {
            throw new EOFException("the server closed the connection after " + bytes.length + " of " + n + " bytes");
        }
        return bytes;
    }
}
