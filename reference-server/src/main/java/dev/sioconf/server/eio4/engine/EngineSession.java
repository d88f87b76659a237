package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.ErrorAnswer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One Engine.IO 4 session: its queued packets, its transport (a held poll or a WebSocket), an
 * upgrade in progress, and its heartbeat. Every state change holds the session's lock, since
 * polls, POSTs, frames and timers of one session arrive on different threads.
 */
public final class EngineSession {

    static final Duration CLOSE_GRACE = Duration.ofSeconds(1);
    /** How long a poll that arrives during an upgrade waits before its noop, as 4.8.x's 100 ms check. */
    static final Duration UPGRADE_NOOP_DELAY = Duration.ofMillis(100);

    private final String id;
    private final Eio4Settings settings;
    private final ScheduledExecutorService timer;
    private final EngineApplication application;
    private final Consumer<EngineSession> onEnd;
    /** The JSONP callback index fixed at the handshake, null for XHR polling (EIO4-8.5). */
    private final String jsonpIndex;
    private final EngineRevision revision;
    /** Engine.IO 3 without {@code b64=1}: a poll with binary in it may be answered as octet-stream. */
    private final boolean binaryPayloads;

    private final Deque<EnginePacket> outbox = new ArrayDeque<>();
    private Eio4Transport transport;
    private HttpExchange heldPoll;
    private Channel webSocket;
    /** Engine.IO 3: the WebSocket request asked for {@code b64}, so binary goes as base64 text frames (EIO3-5.4). */
    private volatile boolean webSocketBase64;
    private Channel probe;
    private boolean probed;
    private boolean webSocketWriting;
    /**
     * The session's WebSocket is in the middle of a read: what its frames make the server send waits
     * for the read's end, so that a read of several frames is answered with one write and one flush
     * (one system call) instead of the first answer at once and the rest after it has left.
     */
    private boolean webSocketReading;
    private boolean ended;
    /** A polling client posted its close while no poll was held; its next poll ends the session. */
    private boolean closing;
    /** Answers held back until the session has ended: the POST that carried a client's close. */
    private final List<Runnable> afterEnd = new ArrayList<>();
    /**
     * Timers still to run, the application's (the connect timeout) among them: the end cancels
     * them, else the timer queue would keep an ended session and its connection until they fire.
     */
    private final List<ScheduledFuture<?>> pendingTimers = new ArrayList<>();
    private ScheduledFuture<?> pingTimer;
    /** When the pending ping was due, so that timer lag does not stretch the pong deadline. */
    private long pingDueNanos;
    private ScheduledFuture<?> pongDeadline;
    private ScheduledFuture<?> upgradeTimer;
    private Object applicationState;

    EngineSession(String id, Eio4Settings settings, EngineRevision revision, ScheduledExecutorService timer,
            EngineApplication application, Consumer<EngineSession> onEnd, Eio4Transport transport, String jsonpIndex,
            boolean binaryPayloads) {
        this.id = id;
        this.revision = revision;
        this.binaryPayloads = binaryPayloads && jsonpIndex == null;
        this.settings = settings;
        this.timer = timer;
        this.application = application;
        this.onEnd = onEnd;
        this.transport = transport;
        this.jsonpIndex = jsonpIndex;
    }

    public String id() {
        return id;
    }

    public Eio4Settings settings() {
        return settings;
    }

    public synchronized boolean ended() {
        return ended;
    }

    boolean jsonp() {
        return jsonpIndex != null;
    }

    /** Whether a poll of this session is being held, for tests that must act only once it is. */
    public synchronized boolean holdsPoll() {
        return heldPoll != null;
    }

    public synchronized Eio4Transport transport() {
        return transport;
    }

    /** Whatever the application keeps for this session; only touched under the session's lock. */
    public Object applicationState() {
        return applicationState;
    }

    public void applicationState(Object state) {
        this.applicationState = state;
    }

    /** Runs {@code action} under the session's lock after {@code delay}, unless the session has ended. */
    public ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        ScheduledFuture<?> future = timer.schedule(() -> {
            synchronized (this) {
                if (!ended) {
                    action.run();
                }
            }
        }, delay.toNanos(), TimeUnit.NANOSECONDS);
        synchronized (this) {
            if (ended) {
                future.cancel(false);
            } else {
                pendingTimers.removeIf(ScheduledFuture::isDone);
                pendingTimers.add(future);
            }
        }
        return future;
    }

    /** Called once the open packet is on its way: the application starts and the heartbeat runs. */
    synchronized void start() {
        application.onOpen(this);
        startHeartbeat();
    }

    /**
     * Starts a polling session: the application runs, and whatever it queued at once (socket.io
     * 2.x's implicit {@code 40}) goes in the handshake's answer after the open packet.
     */
    synchronized EngineRevision.PollingBody startWithHandshake(EnginePacket open) {
        start();
        List<EnginePacket> first = new ArrayList<>();
        first.add(open);
        first.addAll(outbox);
        outbox.clear();
        return revision.encodePayload(first, binaryPayloads);
    }

    EngineRevision revision() {
        return revision;
    }

    // ---- sending -------------------------------------------------------------------------

    public void send(EnginePacket packet) {
        send(List.of(packet));
    }

    /** Queues packets together, so that nothing can come between them (SIO5-16.1). */
    public synchronized void send(List<EnginePacket> packets) {
        if (ended || closing) {
            return;
        }
        outbox.addAll(packets);
        flush();
    }

    private void flush() {
        if (outbox.isEmpty()) {
            return;
        }
        if (transport == Eio4Transport.WEBSOCKET && webSocket != null) {
            // What is queued goes out as one batch, a frame per packet in order and one flush, and
            // the next batch once the last frame of this one has left, as engine.io's ws transport
            // sends its buffer and waits for the drain. A flush per frame cost a write call and a task
            // each: half the reference server's CPU in the benchmark's echo run.
            if (webSocketWriting || webSocketReading) {
                return;
            }
            webSocketWriting = true;
            Channel ws = webSocket;
            ChannelFuture last = null;
            while (!outbox.isEmpty()) {
                last = ws.write(revision.frame(outbox.removeFirst(), webSocketBase64));
            }
            ws.flush();
            last.addListener(written -> ws.eventLoop().execute(this::webSocketWritten));
        } else if (transport == Eio4Transport.POLLING && heldPoll != null) {
            List<EnginePacket> packets = new ArrayList<>(outbox);
            outbox.clear();
            answerHeldPoll(packets);
        }
    }

    private synchronized void webSocketWritten() {
        webSocketWriting = false;
        if (!ended) {
            flush();
        }
    }

    private void answerHeldPoll(List<EnginePacket> packets) {
        HttpExchange poll = heldPoll;
        heldPoll = null;
        List<EnginePacket> ordered = new ArrayList<>(packets);
        if (ordered.size() >= 2 && settings.has(Eio4Fault.REORDER_QUEUED)) {
            Collections.swap(ordered, 0, 1);
        }
        poll.payload(revision.encodePayload(ordered, binaryPayloads), jsonpIndex);
    }

    // ---- polling -------------------------------------------------------------------------

    /** A poll: answered at once when packets wait, else held until there are some (EIO4-7.1). */
    synchronized void poll(HttpExchange poll) {
        if (ended) {
            poll.error(ErrorAnswer.SESSION_ID_UNKNOWN);
            return;
        }
        if (closing) {
            heldPoll = poll;
            end("client close", EnginePacket.NOOP);
            return;
        }
        if (heldPoll != null) {
            // EIO4-7.7: the second poll is refused and the session ends; the held one gets the close packet
            end("overlapping polls", EnginePacket.CLOSE);
            poll.status(HttpResponseStatus.BAD_REQUEST);
            return;
        }
        heldPoll = poll;
        poll.whenAbandoned(() -> pollAborted(poll));
        if (!outbox.isEmpty()) {
            flush();
        } else if (probed && !settings.has(Eio4Fault.NO_UPGRADE_NOOP)) {
            // EIO4-10.3 within 4.8.x's 100 ms; a 5 arriving meanwhile answers this poll instead
            schedule(UPGRADE_NOOP_DELAY, () -> {
                if (heldPoll == poll && probed) {
                    answerHeldPoll(List.of(EnginePacket.NOOP));
                }
            });
        } else if (settings.has(Eio4Fault.POLL_NOT_HELD)) {
            answerHeldPoll(List.of(EnginePacket.NOOP));
        }
    }

    /** EIO4-7.13: a client that gives up on its held poll has gone, as 4.8.x takes it. */
    private synchronized void pollAborted(HttpExchange poll) {
        if (heldPoll == poll && !poll.answered()) {
            heldPoll = null;
            end("poll connection closed prematurely", EnginePacket.CLOSE);
        }
    }

    /** The packets of one POST body, in order (EIO4-5.3). */
    synchronized void post(List<EnginePacket> packets) {
        for (EnginePacket packet : packets) {
            if (ended || closing) {
                return;
            }
            receive(packet);
        }
    }

    // ---- receiving -----------------------------------------------------------------------

    private void receive(EnginePacket packet) {
        if (revision.heartbeat() == EngineRevision.Heartbeat.CLIENT_PINGS) {
            // engine.io 3: any packet shows the client alive; a ping is answered at once
            startHeartbeat();
            if (packet.type() == EnginePacketType.PING) {
                if (revision.answersClientPings()) {
                    send(EnginePacket.text(EnginePacketType.PONG, packet.text()));
                }
                return;
            }
            if (packet.type() == EnginePacketType.PONG) {
                return;
            }
        }
        switch (packet.type()) {
            case PONG -> {
                if (packet.text().isEmpty()) {
                    onPong();
                }
            }
            case PING -> end("invalid heartbeat direction", EnginePacket.CLOSE);
            case CLOSE -> onClientClose();
            case MESSAGE -> application.onMessage(this, packet);
            default -> {
                // open, upgrade outside an upgrade and noop mean nothing here (EIO4-4.6)
            }
        }
    }

    /**
     * EIO4-12.1: a polling client's close gets its held poll back as a noop. A client may post
     * the close and send its last poll at the same moment (the official suites do), so a close
     * that finds no held poll waits a moment for it before the session ends.
     */
    private void onClientClose() {
        if (transport == Eio4Transport.POLLING && heldPoll == null) {
            closing = true;
            cancel(pingTimer);
            cancel(pongDeadline);
            long graceMs = Math.min(settings.pingTimeout().toMillis(), CLOSE_GRACE.toMillis());
            schedule(Duration.ofMillis(graceMs), () -> end("client close", EnginePacket.NOOP));
            return;
        }
        end("client close", EnginePacket.NOOP);
    }

    /** A packet on one of the session's WebSockets: the transport itself, or one being probed. */
    synchronized void webSocketPacket(Channel ws, EnginePacket packet) {
        if (ended) {
            return;
        }
        if (ws == probe) {
            probePacket(ws, packet);
        } else if (ws == webSocket) {
            webSocketReading = true;
            receive(packet);
        }
    }

    /** The end of a read on one of the session's WebSockets: the answers to its frames leave now, together. */
    synchronized void webSocketReadComplete(Channel ws) {
        if (ws == webSocket) {
            sendWhatTheReadHeldBack();
        }
    }

    private void sendWhatTheReadHeldBack() {
        if (webSocketReading) {
            webSocketReading = false;
            flush();
        }
    }

    // ---- websocket and upgrade -----------------------------------------------------------

    /** A session opened directly over WebSocket. */
    synchronized void useWebSocket(Channel ws, boolean base64) {
        webSocketBase64 = base64;
        transport = Eio4Transport.WEBSOCKET;
        webSocket = ws;
        ws.closeFuture().addListener(f -> webSocketClosed(ws));
    }

    /** Whether a WebSocket naming this session may start an upgrade (EIO4-10.6). */
    synchronized boolean upgradable() {
        return !ended && transport == Eio4Transport.POLLING && probe == null;
    }

    synchronized void beginUpgrade(Channel ws, boolean base64) {
        webSocketBase64 = base64;
        probe = ws;
        ws.closeFuture().addListener(f -> webSocketClosed(ws));
        upgradeTimer = schedule(settings.upgradeTimeout(), () -> abandonUpgrade(ws));
    }

    private void probePacket(Channel ws, EnginePacket packet) {
        if (packet.equals(EnginePacket.PROBE_PING)) {
            ws.writeAndFlush(revision.frame(EnginePacket.PROBE_PONG));
            probed = true;
            // the client's polling loop comes to rest on the noop (EIO4-10.3)
            if (heldPoll != null && outbox.isEmpty() && !settings.has(Eio4Fault.NO_UPGRADE_NOOP)) {
                answerHeldPoll(List.of(EnginePacket.NOOP));
            }
        } else if (packet.type() == EnginePacketType.UPGRADE && packet.text().isEmpty()) {
            completeUpgrade(ws);
        } else {
            abandonUpgrade(ws);
        }
    }

    private void completeUpgrade(Channel ws) {
        cancel(upgradeTimer);
        upgradeTimer = null;
        probe = null;
        probed = false;
        transport = Eio4Transport.WEBSOCKET;
        webSocket = ws;
        if (heldPoll != null) {
            // A poll still held when the session moves names a transport it has left (EIO4-10.5).
            HttpExchange poll = heldPoll;
            heldPoll = null;
            poll.error(ErrorAnswer.BAD_REQUEST);
        }
        if (settings.has(Eio4Fault.UPGRADE_LOSES_MESSAGE)) {
            outbox.clear();
        }
        flush();
    }

    /** EIO4-10.8, EIO4-10.9: the probing WebSocket goes, the session carries on over polling. */
    private void abandonUpgrade(Channel ws) {
        if (probe != ws) {
            return;
        }
        probe = null;
        probed = false;
        cancel(upgradeTimer);
        upgradeTimer = null;
        closeWebSocket(ws, WebSocketCloseStatus.NORMAL_CLOSURE);
    }

    private synchronized void webSocketClosed(Channel ws) {
        if (ws == probe) {
            probe = null;
            probed = false;
            cancel(upgradeTimer);
            upgradeTimer = null;
        } else if (ws == webSocket && !ended) {
            end("transport close", null);
        }
    }

    /** A frame that is no Engine.IO packet: the probe is dropped, or the session ends (EIO4-4.5). */
    synchronized void webSocketMalformed(Channel ws) {
        if (ws == probe) {
            abandonUpgrade(ws);
        } else if (ws == webSocket) {
            end("parse error", null);
        } else {
            ws.close();
        }
    }

    /** A WebSocket message above maxPayload ends the session with 1009 (EIO4-13.4, EIO4-13.5). */
    synchronized void webSocketTooBig(Channel ws) {
        if (ws == probe) {
            abandonUpgrade(ws);
            return;
        }
        if (ws == webSocket) {
            sendWhatTheReadHeldBack();
            webSocket = null;
            closeWebSocket(ws, WebSocketCloseStatus.MESSAGE_TOO_BIG);
            end("message too big", null);
        }
    }

    static void closeWebSocket(Channel ws, WebSocketCloseStatus status) {
        if (ws.isActive()) {
            ws.writeAndFlush(new CloseWebSocketFrame(status)).addListener(ChannelFutureListener.CLOSE);
        }
    }

    // ---- heartbeat -----------------------------------------------------------------------

    /**
     * Engine.IO 4: the first ping after pingInterval. Engine.IO 3: the session ends unless the
     * client sends something within pingInterval + pingTimeout; called again for every packet.
     */
    private void startHeartbeat() {
        if (revision.heartbeat() == EngineRevision.Heartbeat.SERVER_PINGS) {
            schedulePing();
            return;
        }
        cancel(pongDeadline);
        pongDeadline = schedule(settings.pingInterval().plus(settings.pingTimeout()),
                () -> end("ping timeout", EnginePacket.CLOSE));
    }

    private void schedulePing() {
        if (settings.has(Eio4Fault.NO_PINGS)) {
            return;
        }
        cancel(pingTimer);
        pingDueNanos = System.nanoTime() + settings.pingInterval().toNanos();
        pingTimer = schedule(settings.pingInterval(), this::ping);
    }

    private void ping() {
        pingTimer = null;
        send(EnginePacket.PING);
        cancel(pongDeadline);
        // EIO4-11.5 counts from when the ping was due, however late the timer ran
        long untilDeadline = Math.max(0, pingDueNanos + settings.pingTimeout().toNanos() - System.nanoTime());
        pongDeadline = schedule(Duration.ofNanos(untilDeadline), () -> end("ping timeout", EnginePacket.CLOSE));
    }

    private void onPong() {
        if (pongDeadline == null) {
            return; // an unsolicited pong (EIO4-4.6)
        }
        cancel(pongDeadline);
        pongDeadline = null;
        schedulePing();
    }

    // ---- ending --------------------------------------------------------------------------

    /** Ends the session for the application's own reason; a held poll gets the close packet. */
    public void close(String reason) {
        end(reason, EnginePacket.CLOSE);
    }

    /**
     * Runs {@code answer} once the session has ended if it is closing at the client's request, and
     * says whether it will: the POST carrying the close is answered only then, so that a client
     * that waits for that answer before polling again finds the session gone (EIO4-12.4), while a
     * poll sent alongside the close still gets its noop (EIO4-12.1).
     */
    synchronized boolean answerAfterEnd(Runnable answer) {
        if (!closing || ended) {
            return false;
        }
        afterEnd.add(answer);
        return true;
    }

    /**
     * Ends the session: later requests naming it get code 1.
     *
     * @param lastWord what a held poll is answered with ({@code 1}, or {@code 6} after a client's close)
     */
    synchronized void end(String reason, EnginePacket lastWord) {
        if (ended) {
            return;
        }
        // Answers to the frames before the one that ends the session still go, before the close frame.
        sendWhatTheReadHeldBack();
        ended = true;
        pendingTimers.forEach(EngineSession::cancel);
        pendingTimers.clear();
        outbox.clear();
        // Unknown first, then said: a client that acts on the close frame or the held poll's answer
        // at once must already get code 1, not meet the session on its way out.
        onEnd.accept(this);
        if (heldPoll != null) {
            answerHeldPoll(List.of(lastWord == null ? EnginePacket.CLOSE : lastWord));
        }
        if (webSocket != null) {
            closeWebSocket(webSocket, WebSocketCloseStatus.NORMAL_CLOSURE);
        }
        if (probe != null) {
            closeWebSocket(probe, WebSocketCloseStatus.NORMAL_CLOSURE);
        }
        application.onClose(this, reason);
        afterEnd.forEach(Runnable::run);
        afterEnd.clear();
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
