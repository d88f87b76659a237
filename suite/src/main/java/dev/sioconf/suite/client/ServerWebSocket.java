package dev.sioconf.suite.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The server end of a WebSocket (RFC 6455) on a plain socket: the 101 answer, and frames read
 * (masked, as a client must send them) and written (unmasked). Control frames are answered here;
 * {@link #read()} hands out whole text and binary messages.
 */
final class ServerWebSocket {

    private static final String GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";

    /** A whole message: text, or binary bytes; null text and bytes mean the client closed. */
    record Message(String text, byte[] bytes) {
        boolean closed() {
            return text == null && bytes == null;
        }
    }

    private final InputStream in;
    private final OutputStream out;
    private volatile boolean closeSent;

    ServerWebSocket(InputStream in, OutputStream out) {
        this.in = in;
        this.out = out;
    }

    /** Switches the connection to the WebSocket protocol for a request with this Sec-WebSocket-Key. */
    static ServerWebSocket accept(InputStream in, OutputStream out, String key) throws IOException {
        String head = "HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + acceptValue(key) + "\r\n\r\n";
        synchronized (out) {
            out.write(head.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
        return new ServerWebSocket(in, out);
    }

    static String acceptValue(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.trim() + GUID).getBytes(StandardCharsets.ISO_8859_1));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Message read() throws IOException {
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        int messageOpcode = -1;
        while (true) {
            int b0 = in.read();
            int b1 = in.read();
            if (b0 < 0 || b1 < 0) {
                return new Message(null, null);
            }
            boolean fin = (b0 & 0x80) != 0;
            int opcode = b0 & 0x0f;
            long len = b1 & 0x7f;
            if (len == 126) {
                len = (in.read() << 8) | in.read();
            } else if (len == 127) {
                len = 0;
                for (int i = 0; i < 8; i++) {
                    len = (len << 8) | in.read();
                }
            }
            if (len < 0 || len + message.size() > TesterHttp.MAX_BODY) {
                throw new IOException("a WebSocket message over " + TesterHttp.MAX_BODY + " bytes");
            }
            byte[] mask = (b1 & 0x80) != 0 ? in.readNBytes(4) : null;
            byte[] payload = in.readNBytes((int) len);
            if (payload.length < len) {
                return new Message(null, null);
            }
            if (mask != null) {
                for (int i = 0; i < payload.length; i++) {
                    payload[i] ^= mask[i % 4];
                }
            }
            switch (opcode) {
                case 0x8 -> {
                    if (!closeSent) {
                        send(0x8, payload.length >= 2 ? new byte[] {payload[0], payload[1]} : new byte[0]);
                    }
                    return new Message(null, null);
                }
                case 0x9 -> send(0xA, payload);
                case 0xA -> { }
                default -> {
                    if (opcode != 0) {
                        messageOpcode = opcode;
                    }
                    message.write(payload);
                    if (fin) {
                        return messageOpcode == 0x2
                                ? new Message(null, message.toByteArray())
                                : new Message(message.toString(StandardCharsets.UTF_8), null);
                    }
                }
            }
        }
    }

    void sendText(String text) throws IOException {
        send(0x1, text.getBytes(StandardCharsets.UTF_8));
    }

    void sendBinary(byte[] bytes) throws IOException {
        send(0x2, bytes);
    }

    /** A close frame with status 1000; the connection ends when the client's close frame comes back (or the caller's bound runs out). */
    void sendClose() throws IOException {
        closeSent = true;
        send(0x8, new byte[] {0x03, (byte) 0xe8});
    }

    private void send(int opcode, byte[] payload) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 10);
        frame.write(0x80 | opcode);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else if (payload.length < 65536) {
            frame.write(126);
            frame.write(payload.length >>> 8);
            frame.write(payload.length & 0xff);
        } else {
            frame.write(127);
            long len = payload.length;
            for (int i = 7; i >= 0; i--) {
                frame.write((int) (len >>> (8 * i)) & 0xff);
            }
        }
        frame.write(payload);
        synchronized (out) {
            out.write(frame.toByteArray());
            out.flush();
        }
    }
}
