package dev.sioconf.suite.load;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Round-trip times in microseconds, counted in buckets so that millions of events take a fixed
 * few kilobytes. Values below {@value #EXACT} are kept exactly; above, each power of two is cut
 * into {@value #EXACT} buckets (less than 0.1 % error), and a value is reported as the lowest of
 * its bucket. Safe for concurrent recording.
 */
final class LatencyHistogram {

    static final int EXACT = 1024;
    private static final int SHIFT = 10; // log2(EXACT)
    private static final int MAX_POWER = 40; // about 12 days in microseconds; anything above is clamped

    private final AtomicLongArray counts = new AtomicLongArray(EXACT + (MAX_POWER - SHIFT + 1) * EXACT);
    private final AtomicLong total = new AtomicLong();
    private final AtomicLong max = new AtomicLong();

    void record(long micros) {
        long v = Math.max(0, micros);
        counts.incrementAndGet(index(v));
        total.incrementAndGet();
        max.accumulateAndGet(v, Math::max);
    }

    long count() {
        return total.get();
    }

    /** The buckets that hold anything, as {@code [index, count]} pairs: what a shard's JSON carries for a merge. */
    java.util.List<long[]> buckets() {
        java.util.List<long[]> out = new java.util.ArrayList<>();
        for (int i = 0; i < counts.length(); i++) {
            long n = counts.get(i);
            if (n > 0) {
                out.add(new long[] {i, n});
            }
        }
        return out;
    }

    /** Adds another histogram's buckets and maximum, as if its values had been recorded here. */
    void add(java.util.List<long[]> buckets, long otherMax) {
        for (long[] b : buckets) {
            if (b[0] < 0 || b[0] >= counts.length() || b[1] < 0) {
                throw new IllegalArgumentException("not a bucket of this histogram: [" + b[0] + ", " + b[1] + "]");
            }
            counts.addAndGet((int) b[0], b[1]);
            total.addAndGet(b[1]);
        }
        max.accumulateAndGet(otherMax, Math::max);
    }

    long max() {
        return max.get();
    }

    /**
     * The nearest-rank percentile: the smallest recorded value (to bucket precision) such that at
     * least {@code p} percent of all values are at or below it; 0 when nothing was recorded.
     */
    long percentile(double p) {
        long n = total.get();
        if (n == 0) {
            return 0;
        }
        long rank = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < counts.length(); i++) {
            seen += counts.get(i);
            if (seen >= rank) {
                return Math.min(lowest(i), max());
            }
        }
        return max();
    }

    static int index(long v) {
        if (v < EXACT) {
            return (int) v;
        }
        int power = 63 - Long.numberOfLeadingZeros(v); // >= SHIFT
        if (power > MAX_POWER) {
            power = MAX_POWER;
            v = (1L << (MAX_POWER + 1)) - 1;
        }
        int sub = (int) ((v >>> (power - SHIFT)) - EXACT); // 0 .. EXACT-1
        return EXACT + (power - SHIFT) * EXACT + sub;
    }

    static long lowest(int index) {
        if (index < EXACT) {
            return index;
        }
        int power = (index - EXACT) / EXACT + SHIFT;
        int sub = (index - EXACT) % EXACT;
        return ((long) (EXACT + sub)) << (power - SHIFT);
    }
}
