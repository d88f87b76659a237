package dev.sioconf.server.soak;

import dev.sioconf.server.ReferenceServer;
import java.lang.management.ManagementFactory;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** What the JVM and the server hold at one moment: live threads, used heap after GC, open sessions. */
record ResourceUse(int threads, Set<String> threadNames, long heapBytes, int legacySessions, int eio3Sessions,
        int eio4Sessions) {

    static final long MIB = 1024 * 1024;

    int sessions() {
        return legacySessions + eio3Sessions + eio4Sessions;
    }

    static ResourceUse measure(ReferenceServer server) throws InterruptedException {
        long heap = heapAfterGc();
        Set<String> names = Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(Thread::getName).collect(Collectors.toCollection(TreeSet::new));
        return new ResourceUse(ManagementFactory.getThreadMXBean().getThreadCount(), names, heap,
                server.legacySessionCount(), server.eio3SessionCount(), server.eio4SessionCount());
    }

    /** Used heap after a few full collections: the smallest reading, since a collection frees what it can. */
    static long heapAfterGc() throws InterruptedException {
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
            least = Math.min(least, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return least;
    }

    String describe() {
        return String.format("threads %d, heap after GC %.1f MiB, open sessions %d (legacy %d, eio3 %d, eio4 %d)",
                threads, heapBytes / (double) MIB, sessions(), legacySessions, eio3Sessions, eio4Sessions);
    }
}
