package dev.sioconf.suite.hostile;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server that is not a socket.io server, on a free port of 127.0.0.1: plain sockets, one daemon
 * thread per connection, every socket closed by {@link #close()}.
 */
final class HostileTarget implements AutoCloseable {

    enum Behaviour {
        /** Nothing listens on the port. */
        DOWN("nothing listens on the port"),
        /** Every connection is accepted and reset as soon as the request head is in. */
        CLOSES("accepts, reads the request, then resets the connection"),
        /** Every connection is accepted and read, and never answered. */
        SILENT("accepts and reads, never answers"),
        /** Every request is answered with bytes that are not HTTP, then the connection closes. */
        GARBAGE("answers bytes that are not HTTP"),
        /** Every request, a WebSocket upgrade too, gets {@code 200 OK} with a nonsense body. */
        HTTP_NONSENSE("answers every request 200 with a nonsense body"),
        /** HTTP requests get {@code 200} with an endless chunked body; WebSocket upgrades are accepted and get an endless text message. */
        HUGE_BODY("answers with an endless body or WebSocket message");

        final String does;

        Behaviour(String does) {
            this.does = does;
        }
    }

    /** Markup a hostile server hopes to see run in the report, in bodies, header values and event payloads. */
    static final List<String> MARKUP = List.of(
            "<script>alert(1)</script>",
            "</pre><img src=x onerror=alert(2)>",
            "\"><svg onload=alert(3)>",
            "]]><!-- --><a href=javascript:alert(4)>x</a>");

    static final byte[] GARBAGE_BYTES = "\u0000\u00ff\u00feSSH-2.0-not-http\r\n\u0001\u0002\u0003"
            .getBytes(StandardCharsets.ISO_8859_1);

    private static final String WS_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    private static final Pattern WS_KEY = Pattern.compile("(?im)^sec-websocket-key:\\s*(\\S+)\\s*$");

    private final Behaviour behaviour;
    private final boolean injecting;
    private final ServerSocket server;
    private final int port;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private HostileTarget(Behaviour behaviour, boolean injecting) throws IOException {
        this.behaviour = behaviour;
        this.injecting = injecting;
        ServerSocket s = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.port = s.getLocalPort();
        if (behaviour == Behaviour.DOWN) {
            s.close(); // the port was free a moment ago and nothing listens on it now
            this.server = null;
            return;
        }
        this.server = s;
        daemon("hostile-accept-" + port, this::acceptLoop);
    }

    static HostileTarget start(Behaviour behaviour) throws IOException {
        return new HostileTarget(behaviour, false);
    }

    /** A target whose answers look enough like socket.io to be read, and carry {@link #MARKUP} everywhere. */
    static HostileTarget injecting() throws IOException {
        return new HostileTarget(Behaviour.HTTP_NONSENSE, true);
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public void close() {
        closed = true;
        try {
            if (server != null) {
                server.close();
            }
        } catch (IOException e) {
            // already closed
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException e) {
                // best effort
            }
        }
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket s = server.accept();
                sockets.add(s);
                daemon("hostile-conn-" + port, () -> serve(s));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket s) {
        try (s) {
            InputStream in = s.getInputStream();
            if (behaviour == Behaviour.CLOSES) {
                // after the request is in, so that the client meets the reset when it reads, every time
                readHead(in);
                s.setSoLinger(true, 0);
                return;
            }
            OutputStream out = s.getOutputStream();
            if (behaviour == Behaviour.SILENT) {
                byte[] sink = new byte[8192];
                while (in.read(sink) >= 0) {
                    // read everything, answer nothing
                }
                return;
            }
            String head;
            while ((head = readHead(in)) != null) {
                if (!answer(head, in, out)) {
                    return;
                }
            }
        } catch (IOException e) {
            // the client went away
        } finally {
            sockets.remove(s);
        }
    }

    /** Answers one request; false when the connection is to end. */
    private boolean answer(String head, InputStream in, OutputStream out) throws IOException {
        skipBody(head, in);
        boolean upgrade = head.toLowerCase(Locale.ROOT).contains("upgrade: websocket");
        switch (behaviour) {
            case GARBAGE -> {
                out.write(GARBAGE_BYTES);
                out.flush();
                return false;
            }
            case HUGE_BODY -> {
                if (upgrade) {
                    acceptUpgrade(head, out);
                    endlessWebSocketMessage(out);
                } else {
                    endlessChunkedBody(out);
                }
                return false;
            }
            default -> {
                if (injecting && upgrade) {
                    acceptUpgrade(head, out);
                    out.write(textFrame(injectedPacket(head)));
                    out.flush();
                    return true;
                }
                byte[] body = (injecting ? injectedBody(head) : "nonsense \u00a7 is not a socket.io answer")
                        .getBytes(StandardCharsets.UTF_8);
                String hostileHeader = injecting ? "X-Hostile: " + String.join(" ", MARKUP).replace("\r", "").replace("\n", "") + "\r\n" : "";
                String type = injecting ? "text/plain; charset=UTF-8" : "application/x-nonsense";
                out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + type + "\r\n" + hostileHeader
                        + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.flush();
                return true;
            }
        }
    }

    /**
     * For the injection run: an open packet where a handshake is expected (so that the cases go on
     * and read event packets), and otherwise an event whose arguments are the markup.
     */
    private static String injectedBody(String head) {
        String requestLine = head.substring(0, head.indexOf('\r'));
        String markup = json(String.join(" ", MARKUP));
        if (requestLine.contains("/socket.io/1/")) {
            boolean handshake = requestLine.matches("\\S+ /socket\\.io/1/\\?.*");
            return handshake ? "hostile:60:60:xhr-polling,jsonp-polling"
                    : "5:::{\"name\":" + markup + ",\"args\":[" + markup + "]}";
        }
        boolean eio3 = requestLine.contains("EIO=3");
        String packet = requestLine.contains("sid=") ? "42[" + markup + "," + markup + "]"
                : "0{\"sid\":\"hostile\",\"upgrades\":[],\"pingInterval\":1000,\"pingTimeout\":1000"
                + (eio3 ? "" : ",\"maxPayload\":1000000") + "}";
        return eio3 ? packet.length() + ":" + packet : packet;
    }

    private static String injectedPacket(String head) {
        String markup = json(String.join(" ", MARKUP));
        return head.contains("/socket.io/1/") ? "5:::{\"name\":" + markup + ",\"args\":[]}" : "42[" + markup + "]";
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static void acceptUpgrade(String head, OutputStream out) throws IOException {
        Matcher key = WS_KEY.matcher(head);
        String accept = "";
        if (key.find()) {
            try {
                byte[] sha1 = MessageDigest.getInstance("SHA-1").digest((key.group(1) + WS_GUID).getBytes(StandardCharsets.US_ASCII));
                accept = Base64.getEncoder().encodeToString(sha1);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-1 is part of every JDK", e);
            }
        }
        out.write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Accept: " + accept + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    private static byte[] textFrame(String text) {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream frame = new ByteArrayOutputStream();
        frame.write(0x81);
        if (payload.length < 126) {
            frame.write(payload.length);
        } else {
            frame.write(126);
            frame.write(payload.length >> 8);
            frame.write(payload.length & 0xff);
        }
        frame.writeBytes(payload);
        return frame.toByteArray();
    }

    /** A text frame announcing 2^62 bytes, then as many as the client will take. */
    private void endlessWebSocketMessage(OutputStream out) throws IOException {
        byte[] header = {(byte) 0x81, 127, 0x40, 0, 0, 0, 0, 0, 0, 0};
        out.write(header);
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        while (!closed) {
            out.write(block);
        }
    }

    /** Chunks of 64 KiB without end, until the client hangs up. */
    private void endlessChunkedBody(OutputStream out) throws IOException {
        out.write("HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n"
                .getBytes(StandardCharsets.US_ASCII));
        byte[] block = new byte[64 * 1024];
        Arrays.fill(block, (byte) 'a');
        byte[] size = (Integer.toHexString(block.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] crlf = {'\r', '\n'};
        while (!closed) {
            out.write(size);
            out.write(block);
            out.write(crlf);
        }
    }

    /** The request line and headers, or null when the connection ended first. */
    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        int matched = 0;
        while ((b = in.read()) >= 0) {
            head.write(b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3)) ? matched + 1 : 0;
            if (matched == 4) {
                return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (head.size() > 64 * 1024) {
                return null;
            }
        }
        return null;
    }

    private static void skipBody(String head, InputStream in) throws IOException {
        Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)\\s*$").matcher(head);
        if (length.find()) {
            in.skipNBytes(Long.parseLong(length.group(1)));
        }
    }

    private static void daemon(String name, Runnable body) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.start();
    }
}
