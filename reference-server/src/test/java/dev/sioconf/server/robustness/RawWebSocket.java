package dev.sioconf.server.robustness;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/** An RFC 6455 client that writes whatever frames a test asks for, valid or not, over {@link RawHttp}. */
final class RawWebSocket implements AutoCloseable {

    static final int CONTINUATION = 0x0, TEXT = 0x1, BINARY = 0x2, CLOSE = 0x8, PING = 0x9;

    /** A frame from the server, or (opcode -1) the reason none came. */
    record Frame(int opcode, byte[] payload, String without) {

        String text() {
            return new String(payload, StandardCharsets.UTF_8);
        }

        int closeCode() {
            return payload.length >= 2 ? ((payload[0] & 0xff) << 8) | (payload[1] & 0xff) : 1005;
        }

        /** {@code text 0{...}}, {@code close frame 1009}, or the reason there was no frame. */
        String render() {
            return switch (opcode) {
                case -1 -> without;
                case TEXT -> "text " + text();
                case BINARY -> "binary of " + payload.length + " bytes";
                case CLOSE -> "close frame " + closeCode();
                default -> "frame with opcode " + opcode;
            };
        }
    }

    final RawHttp http;
    final RawHttp.Answer handshake;

    private RawWebSocket(RawHttp http, RawHttp.Answer handshake) {
        this.http = http;
        this.handshake = handshake;
    }

    /** Sends the upgrade request; the handshake answer tells whether it was switched (101). */
    static RawWebSocket open(int port, String target, String... extraHeaders) throws IOException {
        RawHttp http = RawHttp.connect(port);
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        java.util.List<String> headers = new java.util.ArrayList<>(java.util.List.of("Upgrade: websocket",
                "Connection: Upgrade", "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)));
        java.util.List<String> extra = java.util.List.of(extraHeaders);
        if (extra.stream().noneMatch(h -> h.startsWith("Sec-WebSocket-Version:"))) {
            headers.add("Sec-WebSocket-Version: 13");
        }
        headers.addAll(extra);
        http.get(target, headers.toArray(String[]::new));
        return new RawWebSocket(http, http.read(Duration.ofSeconds(5)));
    }

    boolean switched() {
        return handshake.answered() && handshake.status() == 101;
    }

    void sendText(String text) {
        send(true, TEXT, text.getBytes(StandardCharsets.UTF_8), true);
    }

    /**
     * Writes one frame. A write the server cuts short (it may refuse a frame from its head and
     * close) is not an error here: what the server answered is read next.
     */
    void send(boolean fin, int opcode, byte[] payload, boolean masked) {
        try {
            write(fin, opcode, payload, masked);
        } catch (IOException e) {
            // the connection is gone; next() reports how it ended
        }
    }

    /** Writes raw bytes, with the same tolerance as {@link #send}. */
    void sendRaw(byte[] bytes) {
        try {
            http.send(bytes);
        } catch (IOException e) {
            // the connection is gone; next() reports how it ended
        }
    }

    private void write(boolean fin, int opcode, byte[] payload, boolean masked) throws IOException {
        http.send(header(fin, opcode, payload.length, masked));
        byte[] body = payload.clone();
        if (masked) {
            byte[] key = new byte[4];
            ThreadLocalRandom.current().nextBytes(key);
            http.send(key);
            for (int i = 0; i < body.length; i++) {
                body[i] ^= key[i % 4];
            }
        }
        http.send(body);
    }

    /** A frame head announcing {@code length} bytes; the caller sends (or withholds) the bytes. */
    static byte[] header(boolean fin, int opcode, long length, boolean masked) {
        ByteBuffer b = ByteBuffer.allocate(10);
        b.put((byte) ((fin ? 0x80 : 0) | opcode));
        int mask = masked ? 0x80 : 0;
        if (length < 126) {
            b.put((byte) (mask | length));
        } else if (length < 65536) {
            b.put((byte) (mask | 126)).putShort((short) length);
        } else {
            b.put((byte) (mask | 127)).putLong(length);
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    /** The next frame within {@code bound}. */
    Frame next(Duration bound) throws IOException {
        http.socket().setSoTimeout((int) bound.toMillis());
        DataInputStream in = new DataInputStream(http.in());
        try {
            int b0 = in.read();
            if (b0 < 0) {
                return new Frame(-1, new byte[0], "connection closed without a close frame");
            }
            int b1 = in.readUnsignedByte();
            long len = b1 & 0x7f;
            if (len == 126) {
                len = in.readUnsignedShort();
            } else if (len == 127) {
                len = in.readLong();
            }
            byte[] payload = in.readNBytes((int) len);
            return new Frame(b0 & 0x0f, payload, null);
        } catch (SocketTimeoutException e) {
            return new Frame(-1, new byte[0], "no frame within " + bound.toSeconds() + " s");
        } catch (IOException e) {
            return new Frame(-1, new byte[0], "connection reset without a close frame");
        }
    }

    /** The next frame that is not an Engine.IO ping, leaving pings unanswered. */
    Frame nextSkippingPings(Duration bound) throws IOException {
        while (true) {
            Frame f = next(bound);
            if (f.opcode() != TEXT || !f.text().equals("2")) {
                return f;
            }
        }
    }

    InputStream in() {
        return http.in();
    }

    @Override
    public void close() throws IOException {
        http.close();
    }
}
