package dev.sioconf.suite.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Everything the client did at the tester, for the case to wait on. A wait takes the first event
 * it has not handed out yet that matches, so two waits for the same kind of packet get two
 * packets; every wait is bounded.
 */
public final class ClientRecorder {

    private final List<ClientEvent> events = new ArrayList<>();
    private final List<Boolean> taken = new ArrayList<>();

    synchronized void add(ClientEvent event) {
        events.add(event);
        taken.add(false);
        notifyAll();
    }

    /** The first untaken event that matches, within the bound, or empty. */
    public synchronized Optional<ClientEvent> poll(Predicate<ClientEvent> match, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            for (int i = 0; i < events.size(); i++) {
                if (!taken.get(i) && match.test(events.get(i))) {
                    taken.set(i, true);
                    return Optional.of(events.get(i));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    /** Whether an event that matches came, taken or not, within the window (the whole window when none did). */
    public synchronized Optional<ClientEvent> anyWithin(Predicate<ClientEvent> match, Duration window) {
        long deadline = System.nanoTime() + window.toNanos();
        int seen = 0;
        while (true) {
            for (; seen < events.size(); seen++) {
                if (match.test(events.get(seen))) {
                    return Optional.of(events.get(seen));
                }
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            try {
                wait(Math.max(1, left / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }

    public synchronized List<ClientEvent> all() {
        return List.copyOf(events);
    }
}
