package dev.sioconf.suite.wire;

import jakarta.websocket.ClientEndpointConfig;
import jakarta.websocket.CloseReason;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.glassfish.tyrus.client.ClientManager;
import org.glassfish.tyrus.client.ClientProperties;

/** A WebSocket to the target through the Tyrus client; every frame goes to the wire log. */
public final class WebSocketWire implements AutoCloseable {

    private static final ClientManager CLIENT = ClientManager.createClient();
    /**
     * Tyrus and Grizzly log a stack trace when a server closes a socket while a frame is going out,
     * which some cases provoke on purpose; the wire log records what matters. Held here so the
     * setting is not collected away.
     */
    private static final java.util.logging.Logger QUIET_GRIZZLY = quiet("org.glassfish");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.OFF);
        return l;
    }

    /** The largest message the tester takes in; Tyrus closes the socket (1011 "Buffer overflow.") past it. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

    private final WireLog log;
    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final CompletableFuture<CloseReason> closed = new CompletableFuture<>();
    private volatile Session session;

    private WebSocketWire(WireLog log) {
        this.log = log;
    }

    /** One message from the server: text, or binary when {@code text} is null. */
    public record Frame(String text, byte[] bytes) {
        public boolean binary() {
            return text == null;
        }

        @Override
        public String toString() {
            return binary() ? "[binary " + hex(bytes) + "]" : text;
        }
    }

    /** Bytes as space-separated hex pairs, for logs and assertion messages. */
    public static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }

    /** Opens the socket; a refused upgrade or a silent server is a {@link TargetMisbehaved}. */
    public static WebSocketWire connect(URI uri, Duration bound, WireLog log) {
        return connect(uri, bound, log, Map.of());
    }

    /** Opens the socket with extra handshake headers (e.g. {@code Origin}). */
    public static WebSocketWire connect(URI uri, Duration bound, WireLog log, Map<String, String> headers) {
        WebSocketWire ws = new WebSocketWire(log);
        log.sent("ws", "upgrade GET " + uri);
        ClientManager client = CLIENT;
        synchronized (CLIENT) {
            client.getProperties().put(ClientProperties.HANDSHAKE_TIMEOUT, (int) bound.toMillis());
        }
        try {
            ClientEndpointConfig.Builder config = ClientEndpointConfig.Builder.create();
            if (!headers.isEmpty()) {
                config.configurator(new ClientEndpointConfig.Configurator() {
                    @Override
                    public void beforeRequest(Map<String, List<String>> request) {
                        headers.forEach((k, v) -> request.put(k, List.of(v)));
                    }
                });
            }
            ws.session = client.connectToServer(ws.endpoint(), config.build(), uri);
            log.received("ws", "101 Switching Protocols");
            return ws;
        } catch (DeploymentException | IOException e) {
            String why = reason(e, bound);
            log.note("websocket upgrade failed: " + why);
            throw new TargetMisbehaved("websocket upgrade to " + uri + " failed: " + why, e);
        }
    }

    /**
     * Tyrus says little on its own ("Connection failed.", "Handshake error."): add what its causes
     * say, and the bound when nothing came back at all.
     */
    static String reason(Throwable e, Duration bound) {
        java.util.LinkedHashSet<String> parts = new java.util.LinkedHashSet<>();
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage().strip();
            if (!m.isEmpty() && parts.stream().noneMatch(p -> p.contains(m))) {
                parts.add(m);
            }
        }
        String why = String.join(": ", parts);
        if (why.contains("Handshake response not received")) {
            why += " (no upgrade answer within " + bound.toMillis() + " ms)";
        } else if (why.toLowerCase(java.util.Locale.ROOT).contains("refused")) {
            why += " (connection refused)";
        }
        return why;
    }

    /** The next text frame within {@code bound}. */
    public String next(Duration bound) {
        return nextFrame(bound).toString();
    }

    /** The next frame, text or binary, within {@code bound}. */
    public Frame nextFrame(Duration bound) {
        try {
            long deadline = System.nanoTime() + bound.toNanos();
            Frame frame = null;
            // once the socket is closed and nothing is queued, no frame can come: fail at once
            while (frame == null && System.nanoTime() < deadline && !(closed.isDone() && frames.isEmpty())) {
                frame = frames.poll(Math.min(50, Math.max(1, (deadline - System.nanoTime()) / 1_000_000)), TimeUnit.MILLISECONDS);
            }
            if (frame == null) {
                frame = frames.poll();
            }
            if (frame == null) {
                throw new TargetMisbehaved(closed.isDone() ? "no websocket frame: the socket closed (" + describe(closed.join()) + ")"
                        : "no websocket frame within " + bound.toMillis() + " ms");
            }
            return frame;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted waiting for a frame");
        }
    }

    private static String describe(CloseReason reason) {
        String phrase = reason.getReasonPhrase() == null ? "" : reason.getReasonPhrase().strip();
        String overflow = phrase.toLowerCase(java.util.Locale.ROOT).contains("overflow")
                ? "; a message was larger than " + MAX_MESSAGE_BYTES + " bytes, the tester's limit" : "";
        return reason.getCloseCode().getCode() + " " + reason.getCloseCode() + (phrase.isEmpty() ? "" : ": " + phrase) + overflow;
    }

    /** The next text frame, or null when none comes within {@code bound}. */
    public String poll(Duration bound) {
        Frame f = pollFrame(bound);
        return f == null ? null : f.toString();
    }

    /** The next frame, text or binary, or null when none comes within {@code bound}. */
    public Frame pollFrame(Duration bound) {
        try {
            return frames.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    public void send(String text) {
        log.sent("ws", text);
        write(() -> session.getBasicRemote().sendText(text));
    }

    public void sendBinary(byte[] bytes) {
        log.sent("ws", "[binary " + hex(bytes) + "]");
        write(() -> session.getBasicRemote().sendBinary(ByteBuffer.wrap(bytes)));
    }

    private interface FrameWrite {
        void run() throws IOException;
    }

    /**
     * Writes a frame; a frame the server's closing makes unwritable is the server's doing. Tyrus
     * reports that as an IOException, an IllegalStateException, or a plain RuntimeException
     * ("Socket is not connected."); any other RuntimeException is the tester's own.
     */
    private void write(FrameWrite frame) {
        try {
            frame.run();
        } catch (IOException | IllegalStateException e) {
            throw new TargetMisbehaved("could not send a websocket frame: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (session.isOpen() && !String.valueOf(e.getMessage()).contains("not connected")) {
                throw e;
            }
            throw new TargetMisbehaved("could not send a websocket frame: the server closed the socket (" + e.getMessage() + ")", e);
        }
    }

    /** The close code once the socket has closed (1006 when it dropped without a close frame), else null. */
    public Integer closeCode() {
        return closed.isDone() ? closed.join().getCloseCode().getCode() : null;
    }

    /** Waits for the server to close the socket; false when it stays open through {@code bound}. */
    public boolean awaitClosed(Duration bound) {
        try {
            closed.get(bound.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (Exception e) {
            return true;
        }
    }

    public boolean isOpen() {
        return session != null && session.isOpen();
    }

    @Override
    public void close() {
        Session s = session;
        if (s != null && s.isOpen()) {
            try {
                s.close();
            } catch (IOException | RuntimeException e) {
                // closing is best effort
            }
        }
    }

    private Endpoint endpoint() {
        return new Endpoint() {
            @Override
            public void onOpen(Session s, EndpointConfig config) {
                s.setMaxTextMessageBufferSize(MAX_MESSAGE_BYTES);
                s.setMaxBinaryMessageBufferSize(MAX_MESSAGE_BYTES);
                s.addMessageHandler(String.class, (MessageHandler.Whole<String>) text -> {
                    log.received("ws", text);
                    frames.add(new Frame(text, null));
                });
                s.addMessageHandler(byte[].class, (MessageHandler.Whole<byte[]>) bytes -> {
                    log.received("ws", "[binary " + hex(bytes) + "]");
                    frames.add(new Frame(null, bytes));
                });
            }

            @Override
            public void onClose(Session s, CloseReason reason) {
                log.received("ws", "close " + reason.getCloseCode().getCode()
                        + (reason.getReasonPhrase().isEmpty() ? "" : " " + reason.getReasonPhrase()));
                closed.complete(reason);
            }

            @Override
            public void onError(Session s, Throwable error) {
                log.note("websocket error: " + error);
                closed.complete(new CloseReason(CloseReason.CloseCodes.CLOSED_ABNORMALLY, String.valueOf(error.getMessage())));
            }
        };
    }
}
