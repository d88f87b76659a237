package dev.sioconf.server.soak;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.soak.SoakLoad.Outcome;
import dev.sioconf.server.soak.SoakTable.Check;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * Opens and closes 10,000 sessions on one reference server, over every transport of the three
 * profiles, then checks that the server gives back what they took: no open session, the threads
 * and the heap of before. The result is the committed table {@code spec/robustness/soak.md};
 * {@code -Dsioconf.robustness.update=true} rewrites it.
 */
@Isolated("it measures the threads and heap of the whole JVM")
class SoakTest {

    static final String UPDATE = "sioconf.robustness.update";
    static final int PER_TRANSPORT = 1_250;
    /** Enough for the event loops, the JIT and netty's per-thread caches to be in place before the baseline. */
    static final int WARM_UP_PER_TRANSPORT = 40;
    /** Twice the event loops of a 2-core machine: the server stays busy while a client thread reads. */
    static final int CONCURRENCY = 8;
    /** Far above a loaded 2-core machine's run (a few seconds); hit only when something hangs. */
    static final Duration LOAD_BUDGET = Duration.ofSeconds(90);
    /** How long the server gets to give back what the sessions took (nothing of it waits on a timer). */
    static final Duration SETTLE_BOUND = Duration.ofSeconds(10);
    /**
     * Threads that may come and go on their own between two readings: netty's GlobalEventExecutor
     * thread (started on demand, gone after a second idle) and one the JVM starts on demand (e.g.
     * an attach listener). A leak of one thread per session, connection or event loop would be
     * hundreds at least.
     */
    static final int THREAD_TOLERANCE = 2;
    /**
     * The heap may keep a little more after the soak than before: caches that are bounded but not
     * yet full after the warm-up (netty's recyclers, method handles the JIT spins) and collector
     * noise; measured, that was 0.05 MiB. 2 MiB is about 210 bytes a session over 10,000 sessions,
     * well under one ended session kept alive (each eio4 session kept by its connect timeout until
     * it fired added 3.5 MiB over this soak; see EngineSession's pending timers).
     */
    static final long HEAP_TOLERANCE_MIB = 2;

    @Test
    void ten_thousand_sessions_over_every_transport_leave_no_session_thread_or_heap_behind() throws Exception {
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), Eio4Settings.defaults(), Set.of())) {
            Outcome warmUp = SoakLoad.run(server, WARM_UP_PER_TRANSPORT, CONCURRENCY, LOAD_BUDGET, 0);
            assertThat(warmUp.failures()).as("warm-up sessions that failed (%d)", warmUp.failed()).isEmpty();
            ResourceUse before = settle(server, Integer.MAX_VALUE, Long.MAX_VALUE);

            Outcome soak = SoakLoad.run(server, PER_TRANSPORT, CONCURRENCY, LOAD_BUDGET, warmUp.total());
            long threadBound = before.threads() + THREAD_TOLERANCE;
            long heapBound = before.heapBytes() + HEAP_TOLERANCE_MIB * ResourceUse.MIB;
            long settleStart = System.nanoTime();
            ResourceUse after = settle(server, threadBound, heapBound);
            Duration settled = Duration.ofNanos(System.nanoTime() - settleStart);

            report(soak, before, after, settled);
            int total = PER_TRANSPORT * SoakTransport.values().length;
            List<Check> checks = List.of(
                    new Check("sessions opened and closed", String.format("at least %,d", total), soak.total() >= total),
                    new Check("failed sessions (a missing or wrong answer, a timeout)", "0", soak.failed() == 0),
                    new Check("open sessions (legacy, eio3, eio4)", "0", after.sessions() == 0),
                    new Check("live threads", "baseline + " + THREAD_TOLERANCE, after.threads() <= threadBound),
                    new Check("used heap after GC", "baseline + " + HEAP_TOLERANCE_MIB + " MiB", after.heapBytes() <= heapBound));
            String table = SoakTable.render(PER_TRANSPORT, CONCURRENCY, soak.completed(), checks);
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(tableFile().getParent());
                Files.writeString(tableFile(), table, StandardCharsets.UTF_8);
                System.out.println("soak: wrote " + tableFile());
            }

            assertThat(soak.failures()).as("%d of %,d sessions failed; the first of them", soak.failed(), total).isEmpty();
            String waited = SETTLE_BOUND.toSeconds() + " s";
            assertThat(after.sessions()).as("sessions still open %s after the soak: %s", waited, after.describe())
                    .isZero();
            assertThat(after.threads()).as("live threads %s after the soak (baseline %d); new thread names: %s",
                    waited, before.threads(), newNames(before, after)).isLessThanOrEqualTo((int) threadBound);
            assertThat(after.heapBytes()).as("used heap after GC %s after the soak: %.1f MiB, baseline %.1f MiB",
                    waited, after.heapBytes() / (double) ResourceUse.MIB, before.heapBytes() / (double) ResourceUse.MIB)
                    .isLessThanOrEqualTo(heapBound);
            compareWithCommitted(table);
        }
    }

    /** Waits, within {@link #SETTLE_BOUND}, until no session is open and threads and heap are within bounds. */
    private static ResourceUse settle(ReferenceServer server, long threadBound, long heapBound) throws InterruptedException {
        long deadline = System.nanoTime() + SETTLE_BOUND.toNanos();
        while (true) {
            ResourceUse now = ResourceUse.measure(server);
            boolean settled = now.sessions() == 0 && now.threads() <= threadBound && now.heapBytes() <= heapBound;
            if (settled || System.nanoTime() > deadline) {
                return now;
            }
            Thread.sleep(100);
        }
    }

    private static void report(Outcome soak, ResourceUse before, ResourceUse after, Duration settled) {
        System.out.printf("soak: %,d sessions in %.1f s (%.0f sessions/s), %d at a time%n", soak.total(),
                soak.took().toMillis() / 1000.0, soak.total() * 1000.0 / Math.max(1, soak.took().toMillis()), CONCURRENCY);
        soak.completed().forEach((t, n) -> System.out.printf("soak:   %-6s %-13s %,d%n", t.profile, t.transport, n));
        System.out.println("soak: failed sessions " + soak.failed());
        System.out.println("soak: before " + before.describe());
        System.out.println("soak: after  " + after.describe() + String.format(" (settled in %.1f s)", settled.toMillis() / 1000.0));
        System.out.printf("soak: difference threads %+d, heap %+.2f MiB%n", after.threads() - before.threads(),
                (after.heapBytes() - before.heapBytes()) / (double) ResourceUse.MIB);
    }

    private static Set<String> newNames(ResourceUse before, ResourceUse after) {
        Set<String> names = new TreeSet<>(after.threadNames());
        names.removeAll(before.threadNames());
        return names;
    }

    static Path tableFile() {
        return Path.of(System.getProperty("sioconf.spec.dir", "../spec")).toAbsolutePath().normalize()
                .resolve("robustness").resolve("soak.md");
    }

    private static void compareWithCommitted(String table) throws IOException {
        Path file = tableFile();
        assertThat(file).as("the committed soak table; write it with -D%s=true", UPDATE).isRegularFile();
        String committed = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(lineDiff(committed, table))
                .as("%s differs from this run (- committed, + this run); if the change is meant, rerun with -D%s=true",
                        file, UPDATE)
                .isEmpty();
    }

    /** The lines that differ, position by position: the table's layout is fixed, only cells change. */
    static String lineDiff(String committed, String actual) {
        List<String> a = committed.lines().toList();
        List<String> b = actual.lines().toList();
        StringBuilder diff = new StringBuilder();
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            String x = i < a.size() ? a.get(i) : null;
            String y = i < b.size() ? b.get(i) : null;
            if (x == null || !x.equals(y)) {
                diff.append(x == null ? "" : "- " + x + "\n").append(y == null ? "" : "+ " + y + "\n");
            }
        }
        return diff.toString();
    }
}
