package dev.sioconf.suite.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** The counters every session adds to while a run goes, read by the progress line and the report. */
final class LoadStats {

    final AtomicInteger open = new AtomicInteger();
    final AtomicInteger peak = new AtomicInteger();
    final AtomicInteger joined = new AtomicInteger();
    final AtomicInteger failedSessions = new AtomicInteger();
    final AtomicLong sent = new AtomicLong();
    final AtomicLong echoed = new AtomicLong();
    final AtomicLong errors = new AtomicLong();
    final AtomicLong duplicated = new AtomicLong();
    final AtomicLong reordered = new AtomicLong();
    final AtomicLong firstSendNanos = new AtomicLong(Long.MAX_VALUE);
    final AtomicLong lastEchoNanos = new AtomicLong();
    final LatencyHistogram rtt = new LatencyHistogram();
    private final List<String> errorSamples = new ArrayList<>();

    void opened() {
        joined.incrementAndGet();
        peak.accumulateAndGet(open.incrementAndGet(), Math::max);
    }

    void closed() {
        open.decrementAndGet();
    }

    void error(String what) {
        errors.incrementAndGet();
        synchronized (errorSamples) {
            if (errorSamples.size() < 5 && !errorSamples.contains(what)) {
                errorSamples.add(what);
            }
        }
    }

    List<String> errorSamples() {
        synchronized (errorSamples) {
            return List.copyOf(errorSamples);
        }
    }
}
