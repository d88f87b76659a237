package dev.sioconf.server.legacy.session;

import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.codec.Packet;
import dev.sioconf.server.legacy.codec.PacketCodec;
import dev.sioconf.server.legacy.codec.PacketType;
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
 * One client's session: the packets queued for it, the connection it is attached to, and its
 * timers (poll duration, close timeout, heartbeats). Every state change holds the session's lock,
 * since a poll, a post and a timer for the same session arrive on different threads.
 */
public final class Session {

    private static final String CONNECT = PacketCodec.encode(Packet.connect(""));
    private static final String DISCONNECT = PacketCodec.encode(Packet.disconnect(""));

    private final String id;
    private final LegacySettings settings;
    private final ScheduledExecutorService timer;
    private final PacketHandler handler;
    private final Consumer<Session> onEnd;

    private final Deque<String> outbox = new ArrayDeque<>();
    private PacketSink sink;
    private boolean connected;
    private boolean ended;
    private long sentCount;
    private ScheduledFuture<?> closeTimer;
    private ScheduledFuture<?> pollTimer;
    private ScheduledFuture<?> heartbeatTimer;
    private ScheduledFuture<?> heartbeatDeadline;

    Session(String id, LegacySettings settings, ScheduledExecutorService timer, PacketHandler handler,
            Consumer<Session> onEnd) {
        this.id = id;
        this.settings = settings;
        this.timer = timer;
        this.handler = handler;
        this.onEnd = onEnd;
    }

    public String id() {
        return id;
    }

    public synchronized boolean ended() {
        return ended;
    }

    /**
     * Makes {@code newSink} the session's connection. The first connection gets the connect packet
     * first; a poll is answered at once when packets wait, else held for the polling duration.
     */
    public synchronized void attach(PacketSink newSink) {
        if (ended) {
            newSink.close();
            return;
        }
        PacketSink previous = sink;
        if (previous != null) {
            detachCurrent();
            previous.close();
        }
        cancel(closeTimer);
        closeTimer = null;
        sink = newSink;
        if (!connected) {
            connected = true;
            if (!settings.faults().contains(Fault.NO_CONNECT_PACKET)) {
                outbox.addFirst(CONNECT);
            }
        }
        if (newSink.wantsHeartbeats() && heartbeatsOn()) {
            scheduleHeartbeat();
        }
        flush();
        if (sink == newSink && newSink.oneShot()) {
            pollTimer = schedule(pollHold(), this::answerPollWithNoop);
        }
    }

    private Duration pollHold() {
        Duration hold = settings.pollingDuration();
        if (settings.faults().contains(Fault.POLLING_DURATION_HALVED)) {
            hold = hold.dividedBy(2);
        }
        if (settings.faults().contains(Fault.POLLING_DURATION_DOUBLED)) {
            hold = hold.multipliedBy(2);
        }
        return hold;
    }

    /** The connection went away (client closed it, or a poll was answered). */
    public synchronized void detach(PacketSink gone) {
        if (sink == gone) {
            detachCurrent();
        }
    }

    /** Queues an encoded packet and writes it at once if a connection is attached. */
    public synchronized void send(String encodedPacket) {
        if (ended) {
            return;
        }
        if (settings.faults().contains(Fault.LOSE_EVERY_50TH) && ++sentCount % 50 == 0) {
            return;
        }
        outbox.addLast(encodedPacket);
        flush();
    }

    public void send(Packet packet) {
        if (packet.type() == PacketType.ACK && settings.faults().contains(Fault.ACK_WITHOUT_ENDPOINT)) {
            packet = Packet.of(PacketType.ACK, "", packet.data());
        }
        send(PacketCodec.encode(packet));
    }

    /** Packets the client sent, in order. Heartbeats and a session-wide disconnect are handled here. */
    public void receive(List<Packet> packets) {
        for (Packet packet : packets) {
            if (ended()) {
                return;
            }
            if (packet.type() == PacketType.HEARTBEAT) {
                onClientHeartbeat();
                continue;
            }
            if (packet.type() == PacketType.DISCONNECT && packet.endpoint().isEmpty()) {
                disconnect("client disconnect packet");
                return;
            }
            if (!packet.id().isEmpty() && !packet.dataAck() && !settings.faults().contains(Fault.NO_AUTO_ACK)) {
                send(Packet.ack(packet.endpoint(), packet.id(), ""));
            }
            handler.onPacket(this, packet);
        }
    }

    /** Ends the session with a disconnect packet to the attached connection, if any. */
    public synchronized void disconnect(String reason) {
        if (ended) {
            return;
        }
        if (sink != null) {
            outbox.clear();
            outbox.add(DISCONNECT);
            flush();
        }
        end(reason);
    }

    /** Ends the session; later requests with its id are told the client is not handshaken. */
    public synchronized void end(String reason) {
        if (ended) {
            return;
        }
        ended = true;
        cancelAllTimers();
        PacketSink last = sink;
        sink = null;
        outbox.clear();
        if (last != null) {
            last.close();
        }
        onEnd.accept(this);
    }

    /** How long an issued session id waits for its first connection (spec LEG-3.13, LEG-3.14). */
    static final Duration HANDSHAKE_EXPIRY = Duration.ofSeconds(30);

    /** Forgets a handshake that no connection uses; the first attach cancels this like a close timer. */
    synchronized void expireUnlessConnected() {
        closeTimer = schedule(HANDSHAKE_EXPIRY, () -> {
            synchronized (this) {
                if (!connected) {
                    end("handshake never used");
                }
            }
        });
    }

    synchronized void startCloseTimer() {
        if (settings.faults().contains(Fault.CLOSE_TIMEOUT_IGNORED)) {
            return;
        }
        if (!ended && closeTimer == null) {
            closeTimer = schedule(settings.closeTimeout(), () -> end("close timeout"));
        }
    }

    private void flush() {
        if (sink == null || outbox.isEmpty()) {
            return;
        }
        List<String> packets = new ArrayList<>(outbox);
        outbox.clear();
        PacketSink target = sink;
        if (target.oneShot()) {
            detachCurrent();
            if (packets.size() >= 2 && settings.faults().contains(Fault.REORDER_QUEUED)) {
                Collections.swap(packets, 0, 1);
            }
        }
        target.deliver(packets);
    }

    private void detachCurrent() {
        sink = null;
        cancel(pollTimer);
        cancel(heartbeatTimer);
        cancel(heartbeatDeadline);
        pollTimer = heartbeatTimer = heartbeatDeadline = null;
        startCloseTimer();
    }

    private synchronized void answerPollWithNoop() {
        if (sink != null && sink.oneShot() && outbox.isEmpty()) {
            outbox.add(settings.faults().contains(Fault.WRONG_NOOP) ? "" : Packet.NOOP);
            flush();
        }
    }

    /** The no-heartbeats fault keeps them advertised in the handshake but never sends one. */
    private boolean heartbeatsOn() {
        return settings.heartbeats() && !settings.faults().contains(Fault.NO_HEARTBEATS);
    }

    private void scheduleHeartbeat() {
        heartbeatTimer = schedule(settings.heartbeatInterval(), this::sendHeartbeat);
    }

    private synchronized void sendHeartbeat() {
        heartbeatTimer = null;
        if (sink == null || ended) {
            return;
        }
        send(Packet.HEARTBEAT);
        if (heartbeatDeadline == null) {
            heartbeatDeadline = schedule(settings.heartbeatTimeout(), () -> end("heartbeat timeout"));
        }
    }

    private synchronized void onClientHeartbeat() {
        cancel(heartbeatDeadline);
        heartbeatDeadline = null;
        if (sink != null && sink.wantsHeartbeats() && heartbeatsOn() && heartbeatTimer == null) {
            scheduleHeartbeat();
        }
    }

    private void cancelAllTimers() {
        cancel(closeTimer);
        cancel(pollTimer);
        cancel(heartbeatTimer);
        cancel(heartbeatDeadline);
        closeTimer = pollTimer = heartbeatTimer = heartbeatDeadline = null;
    }

    private ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return timer.schedule(action, delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    private static void cancel(ScheduledFuture<?> future) {
        if (future != null) {
            future.cancel(false);
        }
    }
}
