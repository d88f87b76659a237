package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.Http;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

/** spec/legacy.md section 8: websocket. */
class WebSocketCases {

    /** The sample key of RFC 6455 section 1.3. */
    static final String SAMPLE_KEY = "dGhlIHNhbXBsZSBub25jZQ==";
    static final String RFC6455_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    static final int TEXT = 0x1;
    static final int CONTINUATION = 0x0;

    @Requirement("LEG-8.4")
    @LegacyCase(transports = Transport.WEBSOCKET, does = "sends two events framed in one websocket frame")
    void framedPayloadInOneFrameIsRead(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:::{\"name\":\"echo\",\"args\":[1]}", "5:::{\"name\":\"echo\",\"args\":[2]}");
        c.inbox().assertNext("5:::{\"name\":\"echo\",\"args\":[1]}", "5:::{\"name\":\"echo\",\"args\":[2]}");
    }

    @Requirement("LEG-8.1")
    @LegacyCase(transports = Transport.WEBSOCKET,
            does = "sends a version 13 upgrade with a fixed Sec-WebSocket-Key over a raw socket and reads the answer head")
    void upgradeIsAcceptedWithTheRfc6455AcceptValue(LegacyTester t) {
        try (RawWebSocket ws = RawWebSocket.open(t, t.handshake().sid(), SAMPLE_KEY)) {
            assertThat(ws.statusLine()).as("status line of the upgrade answer").matches("HTTP/1\\.1 101( .*)?");
            assertThat(ws.header("Sec-WebSocket-Accept")).as("Sec-WebSocket-Accept").isEqualTo(acceptFor(SAMPLE_KEY));
        }
    }

    @Requirement("LEG-8.2")
    @LegacyCase(transports = Transport.WEBSOCKET,
            does = "over a raw socket, takes the connect frame, emits an echo asking for a data ack, and inspects every frame")
    void eachPacketGoesInItsOwnUnmaskedTextFrame(LegacyTester t) {
        try (RawWebSocket ws = RawWebSocket.open(t, t.handshake().sid(), SAMPLE_KEY)) {
            assertThat(ws.nextPacket()).as("first message").isEqualTo("1::");
            ws.sendFrame(true, TEXT, "5:1+::{\"name\":\"echo\",\"args\":[\"a\"]}");
            // The echo and its ack are produced in one turn; each must still be a message of its own.
            assertThat(List.of(ws.nextPacket(), ws.nextPacket()))
                    .containsExactly("5:::{\"name\":\"echo\",\"args\":[\"a\"]}", "6:::1+[\"a\"]");
        }
    }

    @Requirement("LEG-8.3")
    @LegacyCase(transports = Transport.WEBSOCKET,
            does = "over a raw socket, sends one message packet split into a text frame and a continuation frame")
    void packetSplitIntoContinuationFramesIsReadAsOne(LegacyTester t) {
        try (RawWebSocket ws = RawWebSocket.open(t, t.handshake().sid(), SAMPLE_KEY)) {
            assertThat(ws.nextPacket()).as("first message").isEqualTo("1::");
            ws.sendFrame(false, TEXT, "3:::frag");
            ws.sendFrame(true, CONTINUATION, "mented");
            assertThat(ws.nextPacket()).as("echo of the fragmented message").isEqualTo("3:::fragmented");
        }
    }

    @Requirement("LEG-8.5")
    @LegacyCase(transports = Transport.WEBSOCKET, does = "handshakes, opens a websocket and reads the first frame")
    void firstFrameOfANewSessionIsConnect(LegacyTester t) {
        WebSocketWire ws = t.openWebSocket(t.handshake().sid());
        assertThat(ws.next(Bounds.PROMPT)).as("first frame").isEqualTo("1::");
    }

    @Requirement("LEG-8.6")
    @LegacyCase(transports = Transport.WEBSOCKET,
            does = "connects, closes the websocket with a close frame, waits out the close timeout and upgrades again with the same sid")
    void sessionEndsWhenTheClientClosesTheSocket(LegacyTester t) {
        Connection c = t.openSession();
        c.close();
        t.pause(t.bounds().sessionGoneBy(), "let the close timeout run out");
        assertThat(t.openWebSocket(c.sid()).next(Bounds.PROMPT)).as("first frame on the closed session").isEqualTo("7:::1+0");
    }

    @Requirement("LEG-8.6")
    @LegacyCase(transports = Transport.WEBSOCKET,
            does = "connects over a raw socket, drops the TCP connection without a close frame, waits out the close timeout and upgrades again")
    void sessionEndsWhenTheClientDropsTheConnection(LegacyTester t) {
        String sid = t.handshake().sid();
        try (RawWebSocket ws = RawWebSocket.open(t, sid, SAMPLE_KEY)) {
            assertThat(ws.nextPacket()).as("first message").isEqualTo("1::");
        }
        t.pause(t.bounds().sessionGoneBy(), "let the close timeout run out");
        assertThat(t.openWebSocket(sid).next(Bounds.PROMPT)).as("first frame on the dropped session").isEqualTo("7:::1+0");
    }

    /** Sec-WebSocket-Accept as RFC 6455 section 4.2.2 derives it from the key. */
    static String acceptFor(String key) {
        try {
            byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key + RFC6455_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(sha1);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A WebSocket spoken byte by byte over a plain socket, to see the upgrade head and each frame
     * exactly as the server writes them, and to send frames no WebSocket library would split.
     */
    static final class RawWebSocket implements AutoCloseable {

        private static final int MAX_HEAD = 8192;
        private static final long MAX_FRAME = 1 << 20;

        private final LegacyTester t;
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final List<String> headLines = new ArrayList<>();

        private RawWebSocket(LegacyTester t, Socket socket) throws IOException {
            this.t = t;
            this.socket = socket;
            this.in = new BufferedInputStream(socket.getInputStream());
            this.out = socket.getOutputStream();
        }

        /** Sends the upgrade and reads the answer head, nothing more, within {@link Bounds#PROMPT}. */
        static RawWebSocket open(LegacyTester t, String sid, String key) {
            String authority = t.target().base().getHost() + ":" + t.target().base().getPort();
            String request = "GET " + LegacyTester.RESOURCE + "websocket/" + sid + " HTTP/1.1\r\n"
                    + "Host: " + authority + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: " + key + "\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(t.target().base().getHost(), t.target().base().getPort()),
                        (int) Http.CONNECT_TIMEOUT.toMillis());
                RawWebSocket ws = new RawWebSocket(t, socket);
                t.log().sent("tcp", request);
                ws.out.write(request.getBytes(StandardCharsets.US_ASCII));
                ws.out.flush();
                ws.readHead(System.nanoTime() + Bounds.PROMPT.toNanos());
                return ws;
            } catch (IOException e) {
                closeQuietly(socket);
                t.log().note("raw websocket failed: " + e.getMessage());
                throw new TargetMisbehaved("raw websocket upgrade failed: " + e.getMessage(), e);
            }
        }

        String statusLine() {
            return headLines.get(0);
        }

        /** The first header of that name, or null. */
        String header(String name) {
            String prefix = name.toLowerCase(Locale.ROOT) + ":";
            return headLines.stream().skip(1).filter(l -> l.toLowerCase(Locale.ROOT).startsWith(prefix))
                    .map(l -> l.substring(prefix.length()).trim()).findFirst().orElse(null);
        }

        private void readHead(long deadline) throws IOException {
            ByteArrayOutputStream head = new ByteArrayOutputStream();
            while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                if (head.size() >= MAX_HEAD) {
                    throw new TargetMisbehaved("upgrade answer head longer than " + MAX_HEAD + " bytes");
                }
                head.write(read(deadline));
            }
            String text = head.toString(StandardCharsets.ISO_8859_1);
            t.log().received("tcp", text.strip());
            headLines.addAll(List.of(text.strip().split("\r\n")));
            if (!statusLine().matches("HTTP/1\\.1 101( .*)?")) {
                throw new TargetMisbehaved("upgrade was not accepted: " + statusLine());
            }
        }

        /**
         * The next data message within {@link Bounds#PROMPT}, skipping the server's heartbeats; each
         * frame must be unmasked and the message a text message.
         */
        String nextPacket() {
            while (true) {
                String message = nextMessage(System.nanoTime() + Bounds.PROMPT.toNanos());
                if (!message.equals("2::")) {
                    return message;
                }
            }
        }

        private String nextMessage(long deadline) {
            try {
                ByteArrayOutputStream message = new ByteArrayOutputStream();
                boolean first = true;
                while (true) {
                    int b0 = read(deadline);
                    int b1 = read(deadline);
                    boolean fin = (b0 & 0x80) != 0;
                    int opcode = b0 & 0x0f;
                    boolean masked = (b1 & 0x80) != 0;
                    long length = b1 & 0x7f;
                    if (length == 126) {
                        length = (read(deadline) << 8) | read(deadline);
                    } else if (length == 127) {
                        length = 0;
                        for (int i = 0; i < 8; i++) {
                            length = (length << 8) | read(deadline);
                        }
                    }
                    byte[] mask = new byte[4];
                    if (masked) {
                        for (int i = 0; i < 4; i++) {
                            mask[i] = (byte) read(deadline);
                        }
                    }
                    if (length > MAX_FRAME) {
                        throw new TargetMisbehaved("frame of " + length + " bytes, more than the suite reads");
                    }
                    byte[] payload = new byte[(int) length];
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] = (byte) (read(deadline) ^ mask[i % 4]);
                    }
                    if (opcode >= 0x8) {
                        t.log().received("ws-frame", "control frame, opcode " + opcode);
                        if (opcode == 0x8) {
                            throw new TargetMisbehaved("the server closed the websocket before the next message");
                        }
                        continue; // ping or pong between fragments
                    }
                    t.log().received("ws-frame", "fin=" + fin + " opcode=" + opcode + " masked=" + masked
                            + "\n" + new String(payload, StandardCharsets.UTF_8));
                    assertThat(masked).as("server frame masked").isFalse();
                    assertThat(opcode).as(first ? "opcode of a message's first frame (1 = text)" : "opcode of a continuation frame")
                            .isEqualTo(first ? TEXT : CONTINUATION);
                    message.write(payload);
                    first = false;
                    if (fin) {
                        return message.toString(StandardCharsets.UTF_8);
                    }
                }
            } catch (IOException e) {
                throw new TargetMisbehaved("reading a websocket frame failed: " + e.getMessage(), e);
            }
        }

        /** Sends one masked client frame, as RFC 6455 requires of clients. */
        void sendFrame(boolean fin, int opcode, String text) {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            if (payload.length > 125) {
                throw new IllegalArgumentException("keep raw frames short");
            }
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            ByteArrayOutputStream frame = new ByteArrayOutputStream();
            frame.write((fin ? 0x80 : 0) | opcode);
            frame.write(0x80 | payload.length);
            frame.writeBytes(mask);
            for (int i = 0; i < payload.length; i++) {
                frame.write(payload[i] ^ mask[i % 4]);
            }
            t.log().sent("ws-frame", "fin=" + fin + " opcode=" + opcode + " masked=true\n" + text);
            try {
                out.write(frame.toByteArray());
                out.flush();
            } catch (IOException e) {
                throw new TargetMisbehaved("could not send a websocket frame: " + e.getMessage(), e);
            }
        }

        private int read(long deadline) throws IOException {
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                throw new TargetMisbehaved("the server sent nothing more within " + Bounds.PROMPT.toMillis() + " ms");
            }
            socket.setSoTimeout((int) left);
            try {
                int b = in.read();
                if (b < 0) {
                    throw new TargetMisbehaved("the server closed the connection");
                }
                return b;
            } catch (SocketTimeoutException e) {
                throw new TargetMisbehaved("the server sent nothing more within " + Bounds.PROMPT.toMillis() + " ms");
            }
        }

        /** Drops the TCP connection without a close frame. */
        @Override
        public void close() {
            t.log().note("raw websocket: closing the TCP connection without a close frame");
            closeQuietly(socket);
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
    }
}
