package dev.sioconf.suite.client;

import dev.sioconf.suite.wire.WebSocketWire;
import dev.sioconf.suite.wire.WireLog;
import java.io.IOException;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One Engine.IO session the client opened at the tester: what waits to be polled, and the
 * WebSocket once the client has upgraded. Packets are Strings (text) or byte arrays (binary).
 */
final class TesterSession {

    /** How long the client has to answer the server's close frame. */
    static final Duration CLOSE_HANDSHAKE = Duration.ofSeconds(1);
    /** While an upgrade is under way, polls are answered with a noop this soon, as socket.io's server does every 100 ms, so the client can pause polling. */
    static final Duration UPGRADE_POLL_HOLD = Duration.ofMillis(100);
    private static final String CLOSE = "1";

    final String sid;
    private final WireLog log;
    private final PayloadFraming framing;
    private final LinkedBlockingDeque<Object> outgoing = new LinkedBlockingDeque<>();
    private ServerWebSocket webSocket;
    private Socket webSocketConnection;
    private boolean upgraded;
    private volatile boolean probed;
    private volatile boolean closed;
    /** The tester's timer, stopped with it: what is scheduled here cannot outlive the case. */
    private final ScheduledExecutorService timer;

    TesterSession(String sid, WireLog log, PayloadFraming framing, ScheduledExecutorService timer) {
        this.sid = sid;
        this.log = log;
        this.framing = framing;
        this.timer = timer;
    }

    /** Sends a packet: over the WebSocket once upgraded, else with the next poll. */
    synchronized void send(Object packet) {
        if (closed) {
            log.note("not sent, session " + sid + " is closed: " + describe(packet));
            return;
        }
        if (upgraded) {
            write(packet);
        } else {
            outgoing.add(packet);
        }
    }

    synchronized boolean upgraded() {
        return upgraded;
    }

    boolean closed() {
        return closed;
    }

    /** A WebSocket of this session was accepted; the probe comes over it. */
    synchronized void attach(ServerWebSocket ws, Socket connection) {
        webSocket = ws;
        webSocketConnection = connection;
    }

    /** The WebSocket a client opened without polling first: it carries the session from the start. */
    synchronized void startUpgraded(ServerWebSocket ws, Socket connection) {
        attach(ws, connection);
        upgraded = true;
    }

    /** The client sent {@code 2probe}: the held poll is released with a noop, as servers do, so the client can pause polling. */
    void probed() {
        probed = true;
        outgoing.add("6");
    }

    /** The client's {@code 5}: from now on everything goes over the WebSocket, what waited for a poll first. */
    synchronized void upgrade() {
        upgraded = true;
        List<Object> waiting = new ArrayList<>();
        outgoing.drainTo(waiting);
        waiting.stream().filter(p -> !"6".equals(p)).forEach(this::write);
    }

    /**
     * The payload of one poll: everything waiting, or whatever comes within the hold, or a noop.
     * Null when the session was closed before, so the caller answers as for an unknown session.
     */
    String poll(Duration hold) throws InterruptedException {
        if (closed && outgoing.isEmpty()) {
            return null;
        }
        Duration held = probed && !upgraded() ? UPGRADE_POLL_HOLD : hold;
        Object first = outgoing.poll(held.toMillis(), TimeUnit.MILLISECONDS);
        List<Object> packets = new ArrayList<>();
        packets.add(first == null ? "6" : first);
        outgoing.drainTo(packets);
        return framing.encode(packets);
    }

    /**
     * The server ends the session: a close packet for the next poll, or, once upgraded, a close
     * frame and the end of the connection.
     */
    synchronized void end() {
        if (closed) {
            return;
        }
        if (upgraded && webSocket != null) {
            closed = true;
            try {
                log.sent("ws", "close 1000");
                webSocket.sendClose();
            } catch (IOException e) {
                log.note("closing the WebSocket: " + e.getMessage());
            }
            // as a WebSocket server does: the client answers the close frame, then the connection ends; a client that does not answer loses it after a second
            Socket connection = webSocketConnection;
            timer.schedule(() -> {
                try {
                    connection.close();
                } catch (IOException ignored) {
                    // gone already
                }
            }, CLOSE_HANDSHAKE.toMillis(), TimeUnit.MILLISECONDS);
        } else {
            outgoing.add(CLOSE);
            closed = true;
        }
    }

    /** The client closed the session (its close packet, or its WebSocket went away after the upgrade). */
    void closedByClient() {
        closed = true;
    }

    private void write(Object packet) {
        try {
            if (packet instanceof byte[] b) {
                log.sent("ws", "[binary " + WebSocketWire.hex(b) + "]");
                webSocket.sendBinary(framing.frame(b));
            } else {
                log.sent("ws", (String) packet);
                webSocket.sendText((String) packet);
            }
        } catch (IOException e) {
            log.note("the WebSocket of session " + sid + " broke: " + e.getMessage());
        }
    }

    static String describe(Object packet) {
        return packet instanceof byte[] b ? "[binary " + WebSocketWire.hex(b) + "]" : (String) packet;
    }
}
