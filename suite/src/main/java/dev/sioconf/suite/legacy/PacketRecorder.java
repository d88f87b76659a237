package dev.sioconf.suite.legacy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.wire.TargetMisbehaved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The packets a connection received, in order, for typed assertions in OkHttp's recorder style.
 * Heartbeats (answered by the connection itself) and noops are transport chatter and are skipped.
 */
public final class PacketRecorder {

    private static final String CLOSED = "\u0000closed";

    private final BlockingQueue<String> packets = new LinkedBlockingQueue<>();
    private volatile String closedBecause;

    void add(String packet) {
        if (!packet.equals("2::") && !packet.equals("8::")) {
            packets.add(packet);
        }
    }

    void closed(String why) {
        if (closedBecause == null) {
            closedBecause = why;
            packets.add(CLOSED);
        }
    }

    /** The next packet within {@code bound}. */
    public String next(Duration bound) {
        try {
            String p = packets.poll(bound.toMillis(), TimeUnit.MILLISECONDS);
            if (p == null) {
                throw new TargetMisbehaved("no packet within " + bound.toMillis() + " ms");
            }
            if (p == CLOSED) {
                packets.add(CLOSED);
                throw new TargetMisbehaved("the connection ended (" + closedBecause + ") before the next packet");
            }
            return p;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted");
        }
    }

    public String next() {
        return next(Bounds.PROMPT);
    }

    public void assertNext(String expected) {
        assertThat(next()).as("next packet").isEqualTo(expected);
    }

    /** Asserts the next packets, in this order. */
    public void assertNext(String... expected) {
        for (String e : expected) {
            assertNext(e);
        }
    }

    /** The next {@code n} packets. */
    public List<String> awaitPackets(int n, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        List<String> got = new ArrayList<>(n);
        while (got.size() < n) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                throw new TargetMisbehaved("only " + got.size() + " of " + n + " packets within " + bound.toMillis()
                        + " ms; last: " + (got.isEmpty() ? "none" : got.get(got.size() - 1)));
            }
            try {
                got.add(next(Duration.ofNanos(left)));
            } catch (TargetMisbehaved e) {
                throw new TargetMisbehaved("only " + got.size() + " of " + n + " packets within " + bound.toMillis()
                        + " ms (" + e.getMessage() + "); last: " + (got.isEmpty() ? "none" : got.get(got.size() - 1)));
            }
        }
        return got;
    }

    /** Nothing more arrives during {@code quiet}. */
    public void assertExhausted(Duration quiet) {
        try {
            String p = packets.poll(quiet.toMillis(), TimeUnit.MILLISECONDS);
            if (p == CLOSED) {
                packets.add(CLOSED);
                return;
            }
            assertThat(p).as("no further packet expected").isNull();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until the connection has ended, without taking packets; false if it is still up after {@code bound}. */
    public boolean awaitClosed(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (closedBecause == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
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
}
