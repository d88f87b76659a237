package dev.sioconf.suite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Engine.IO packets a connection received, in order, for typed assertions (OkHttp's recorder
 * style). Every packet is kept in its HTTP text form: a type digit and data, or {@code b} ({@code b4}
 * in eio3) and the base64 of a binary message, whichever transport brought it. The server's
 * heartbeat packets (eio4 pings, answered by the connection itself; eio3 pongs, answers to the
 * connection's own pings) and noops are transport chatter: they are counted and skipped, so no case
 * that is not about heartbeats can trip over one that comes first.
 */
public final class EngineRecorder {

    /** One packet as received; {@code binaryFrame} when it came as a binary WebSocket frame. */
    public record Received(String packet, boolean binaryFrame, byte[] frame) {
        @Override
        public String toString() {
            return binaryFrame ? "[binary frame " + WebSocketWire.hex(frame) + "]" : Eio4Codec.visible(packet);
        }
    }

    private static final Received CLOSED = new Received("\u0000closed", false, null);

    private final EngineRevision revision;
    private final BlockingQueue<Received> packets = new LinkedBlockingQueue<>();
    private final AtomicInteger pings = new AtomicInteger();
    private final AtomicInteger noops = new AtomicInteger();
    private volatile String closedBecause;

    /** The contract's {@code auth} event after a CONNECT, e.g. {@code 2/custom,["auth",{}]}. */
    private static final java.util.regex.Pattern AUTH_EVENT = java.util.regex.Pattern.compile("2(/[^,]*,)?\\[\"auth\",.*", java.util.regex.Pattern.DOTALL);

    private final boolean contractFree;

    public EngineRecorder(EngineRevision revision) {
        this(revision, false);
    }

    /** @param contractFree the target runs no contract application, so no {@code auth} event follows a CONNECT */
    public EngineRecorder(EngineRevision revision, boolean contractFree) {
        this.revision = revision;
        this.contractFree = contractFree;
    }

    void add(String packet, boolean binaryFrame) {
        if (packet.equals(revision.serverHeartbeat())) {
            pings.incrementAndGet();
        } else if (packet.equals("6")) {
            noops.incrementAndGet();
        } else {
            packets.add(new Received(packet, binaryFrame, binaryFrame ? revision.frameOf(packet) : null));
        }
    }

    void closed(String why) {
        if (closedBecause == null) {
            closedBecause = why;
            packets.add(CLOSED);
        }
    }

    /** The next packet (pings and noops skipped) within {@code bound}. */
    public Received nextReceived(Duration bound) {
        try {
            Received p = packets.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new TargetMisbehaved("no packet within " + bound.toMillis() + " ms");
            }
            if (p == CLOSED) {
                packets.add(CLOSED);
                throw new TargetMisbehaved("the session ended (" + closedBecause + ") before the next packet");
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted");
        }
    }

    /** The next packet's text form within {@code bound}. */
    public String next(Duration bound) {
        return nextReceived(bound).packet();
    }

    public String next() {
        return next(EngineBounds.PROMPT);
    }

    public void assertNext(String expected) {
        assertThat(Eio4Codec.visible(next())).as("next packet").isEqualTo(Eio4Codec.visible(expected));
    }

    /** Asserts the next packets, in this order. */
    public void assertNext(String... expected) {
        for (String e : expected) {
            assertNext(e);
        }
    }

    /** The next {@code n} packets within {@code bound} in all. */
    public List<String> awaitPackets(int n, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> got = new ArrayList<>(n);
        while (got.size() < n) {
            long left = deadline - System.nanoTime();
            try {
                if (left <= 0) {
                    throw new TargetMisbehaved("time is up");
                }
                got.add(next(Duration.ofNanos(left)));
            } catch (TargetMisbehaved e) {
                throw new TargetMisbehaved("only " + got.size() + " of " + n + " packets within " + bound.toMillis()
                        + " ms (" + e.getMessage() + "); got: " + got);
            }
        }
        return got;
    }

    // ---- Socket.IO packets --------------------------------------------------------------------

    /** The next Socket.IO packet: the data of the next message packet, pings skipped (e.g. {@code 2["auth",{}]}). */
    public String nextSio(Duration bound) {
        String p = next(bound);
        if (!p.startsWith("4")) {
            throw new AssertionError("expected a message packet carrying a Socket.IO packet\nActual: " + Eio4Codec.visible(p));
        }
        return p.substring(1);
    }

    public String nextSio() {
        return nextSio(EngineBounds.PROMPT);
    }

    /** Takes the contract's {@code auth} event that follows a CONNECT answer; a target without the contract sends none. */
    public void takeAuthEvent() {
        if (!contractFree) {
            nextSio();
        }
    }

    public void assertNextSio(String expected) {
        if (contractFree && AUTH_EVENT.matcher(expected).matches()) {
            // The auth event is the contract's answer to a CONNECT; a server without the contract sends none.
            // Where it is to carry a CONNECT's auth object, it is what the case checks: that needs the contract.
            if (!expected.endsWith("[\"auth\",{}]")) {
                throw dev.sioconf.suite.target.ContractUse.needed(revision == EngineRevision.EIO3 ? "eio3" : "eio4",
                        "the auth event that echoes the CONNECT's auth object");
            }
            return;
        }
        assertThat(nextSio()).as("next Socket.IO packet").isEqualTo(expected);
    }

    /** The bytes of the next message, which must be binary (a Socket.IO attachment). */
    public byte[] nextAttachment() {
        Received r = nextReceived(EngineBounds.PROMPT);
        if (!r.packet().startsWith("b")) {
            throw new AssertionError("expected a binary message (an attachment)\nActual: " + r);
        }
        return revision.bytesOf(r.packet());
    }

    // ---- the end --------------------------------------------------------------------------------

    /** Nothing more (but pings and noops) arrives during {@code quiet}; an ended session counts as quiet. */
    public void assertExhausted(Duration quiet) {
        try {
            Received p = packets.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (p == CLOSED) {
                packets.add(CLOSED);
                return;
            }
            assertThat(p == null ? null : p.toString()).as("no further packet expected").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the session has ended, without taking packets; false if it is still up after {@code bound}. */
    public boolean awaitClosed(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (closedBecause == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return closedBecause != null;
    }

    public String closedBecause() {
        return closedBecause;
    }

    /** Pings received so far (each answered with a pong unless the connection was told not to). */
    public int pings() {
        return pings.get();
    }

    /** eio3: pongs received so far (the server's heartbeat packet, counted like eio4's pings). */
    public int pongs() {
        return pings.get();
    }

    /** Waits for one more ping than have come so far; false if none comes within {@code bound}. */
    public boolean awaitPing(Duration bound) {
        return awaitHeartbeat(pings.get(), bound);
    }

    /** Waits until more heartbeats than {@code before} have come; false if none does within {@code bound}. */
    public boolean awaitHeartbeat(int before, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (pings.get() == before && System.nanoTime() < deadline) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return pings.get() > before;
    }

    public int noops() {
        return noops.get();
    }
}
