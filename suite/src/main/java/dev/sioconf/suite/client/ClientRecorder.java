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
    public Optional<ClientEvent> poll(Predicate<ClientEvent> match, Duration bound) {
        return first(match, bound, true);
    }

    /** Whether an event that matches came, taken or not, within the window (the whole window when none did). */
    public Optional<ClientEvent> anyWithin(Predicate<ClientEvent> match, Duration window) {
        return first(match, window, false);
    }

    private synchronized Optional<ClientEvent> first(Predicate<ClientEvent> match, Duration bound, boolean take) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (true) {
            for (int i = 0; i < events.size(); i++) {
                if ((!take || !taken.get(i)) && match.test(events.get(i))) {
                    if (take) {
                        taken.set(i, true);
                    }
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

    public synchronized List<ClientEvent> all() {
        return List.copyOf(events);
    }
}
