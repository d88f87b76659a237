package dev.sioconf.server.soak;

import dev.sioconf.server.ReferenceServer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs whole sessions against a server, the transports interleaved, at most {@code concurrency}
 * at a time on client threads that are gone when {@link #run} returns.
 */
final class SoakLoad {

    /** At most this many failure messages are kept; all are counted. */
    static final int KEPT_FAILURES = 10;

    record Outcome(Map<SoakTransport, Integer> completed, int failed, List<String> failures, Duration took) {
        int total() {
            return completed.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    private SoakLoad() {
    }

    static Outcome run(ReferenceServer server, int perTransport, int concurrency, Duration budget, int firstNumber)
            throws InterruptedException {
        Map<SoakTransport, AtomicInteger> completed = new EnumMap<>(SoakTransport.class);
        for (SoakTransport t : SoakTransport.values()) {
            completed.put(t, new AtomicInteger());
        }
        AtomicInteger failed = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        AtomicInteger threadNumber = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(concurrency,
                r -> new Thread(r, "soak-client-" + threadNumber.incrementAndGet()));
        long start = System.nanoTime();
        int n = firstNumber;
        for (int i = 0; i < perTransport; i++) {
            for (SoakTransport t : SoakTransport.values()) {
                int number = n++;
                clients.execute(() -> {
                    try {
                        t.script.run(server, number);
                        completed.get(t).incrementAndGet();
                    } catch (Exception | AssertionError e) {
                        if (failed.incrementAndGet() <= KEPT_FAILURES) {
                            failures.add(t.profile + " " + t.transport + " session " + number + ": " + e);
                        }
                    }
                });
            }
        }
        clients.shutdown();
        if (!clients.awaitTermination(budget.toMillis(), TimeUnit.MILLISECONDS)) {
            clients.shutdownNow();
            failures.add("the sessions did not finish within " + budget);
            failed.incrementAndGet();
            clients.awaitTermination(WireConnection.READ_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Map<SoakTransport, Integer> counts = new EnumMap<>(SoakTransport.class);
        completed.forEach((t, c) -> counts.put(t, c.get()));
        return new Outcome(counts, failed.get(), List.copyOf(failures), took);
    }
}
