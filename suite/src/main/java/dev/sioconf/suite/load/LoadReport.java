package dev.sioconf.suite.load;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/**
 * The figures of a finished load run. A lost, duplicated or reordered event is a FAIL (exit 1);
 * errors alone are reported but do not fail the run (a broken session loses its events anyway).
 *
 * @param rttP50Micros round-trip time percentiles and maximum, microseconds
 * @param cutShort     the duration ended the run before every session was done
 * @param clientCpuSeconds the CPU the load client itself used during the run (of every shard, when merged)
 */
public record LoadReport(String target, String profile, String transport, int sessions, int events, int window,
        long durationLimitSeconds, double elapsedSeconds, boolean cutShort,
        int peakSessions, int joinedSessions, int completeSessions, int failedSessions,
        long sent, long echoed, double eventsPerSecond, long rttP50Micros, long rttP99Micros, long rttMaxMicros,
        long errors, List<String> errorSamples, long lost, long duplicated, long reordered,
        String shard, int planSessions, long firstSendEpochMicros, long lastEchoEpochMicros, List<long[]> rttBuckets,
        String engine, double clientCpuSeconds) {

    static LoadReport of(LoadPlan plan, LoadStats stats, List<LoadSession> started, long elapsedNanos, boolean cutShort,
            long startEpochMicros, long startNanos, String engine, double clientCpuSeconds) {
        long lost = (long) (plan.sessionsHere() - started.size()) * plan.events(); // never started
        int complete = 0;
        for (LoadSession s : started) {
            synchronized (s) {
                lost += s.check.lost();
                complete += s.check.complete() ? 1 : 0;
            }
        }
        long echoed = stats.echoed.get();
        long first = stats.firstSendNanos.get();
        long last = stats.lastEchoNanos.get();
        double span = first != Long.MAX_VALUE && last > first ? (last - first) / 1e9 : elapsedNanos / 1e9;
        long firstEpoch = first == Long.MAX_VALUE ? 0 : startEpochMicros + (first - startNanos) / 1000;
        long lastEpoch = last == 0 ? 0 : startEpochMicros + (last - startNanos) / 1000;
        return new LoadReport(plan.target().toString(), plan.profile().wireName(), plan.transport(), plan.sessionsHere(),
                plan.events(), plan.window(), plan.duration().toSeconds(), elapsedNanos / 1e9, cutShort,
                stats.peak.get(), stats.joined.get(), complete, stats.failedSessions.get(),
                stats.sent.get(), echoed, span > 0 ? echoed / span : 0,
                stats.rtt.percentile(50), stats.rtt.percentile(99), stats.rtt.max(),
                stats.errors.get(), stats.errorSamples(), lost, stats.duplicated.get(), stats.reordered.get(),
                plan.shard().toString(), plan.sessions(), firstEpoch, lastEpoch, stats.rtt.buckets(), engine, clientCpuSeconds);
    }

    /** The load client's CPU per 1000 echoed events, in milliseconds. */
    public double clientCpuMsPer1000() {
        return echoed == 0 ? 0 : clientCpuSeconds * 1e6 / echoed;
    }

    public boolean passed() {
        return lost == 0 && duplicated == 0 && reordered == 0;
    }

    public int exitCode() {
        return passed() ? 0 : 1;
    }

    void print(PrintWriter out) {
        out.println();
        out.printf(Locale.ROOT, "load %s %s · %s · %d sessions x %d events (window %d)%s%n", profile, transport, target,
                sessions, events, window, shardNote());
        out.printf(Locale.ROOT, "  sessions held:  peak %d concurrently; %d joined, %d got every event back, %d failed%n",
                peakSessions, joinedSessions, completeSessions, failedSessions);
        out.printf(Locale.ROOT, "  events:         %d sent, %d echoed, %.0f events/s%n", sent, echoed, eventsPerSecond);
        out.printf(Locale.ROOT, "  round trip:     p50 %s, p99 %s, max %s%n", ms(rttP50Micros), ms(rttP99Micros), ms(rttMaxMicros));
        out.printf(Locale.ROOT, "  errors:         %d%s%n", errors, errorSamples.isEmpty() ? "" : " (e.g. " + String.join("; ", errorSamples) + ")");
        out.printf(Locale.ROOT, "  lost %d, duplicated %d, reordered %d%n", lost, duplicated, reordered);
        out.printf(Locale.ROOT, "  load client:    engine %s, %.2f s of CPU%s%n", engine, clientCpuSeconds,
                echoed > 0 ? String.format(Locale.ROOT, ", %.1f ms per 1000 echoes", clientCpuMsPer1000()) : "");
        out.printf(Locale.ROOT, "  elapsed %.1f s%s%n", elapsedSeconds,
                cutShort ? " (stopped by --duration " + durationLimitSeconds + " s; unfinished events count as lost)" : "");
        out.println(passed() ? "PASS" : "FAIL: " + (lost + duplicated + reordered) + " events lost, duplicated or reordered");
        out.flush();
    }

    /** Nothing for a whole plan; which shard, or that shards were merged, otherwise. */
    private String shardNote() {
        if (shard.startsWith("merged ")) {
            return " · " + shard.substring("merged ".length()) + " shards merged (peak: the sum of theirs)";
        }
        return shard.equals(LoadShard.WHOLE.toString()) ? "" : " · shard " + shard + " of a plan of " + planSessions + " sessions";
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.3f ms", micros / 1000.0);
    }

    /**
     * Writes {@link #json()} to {@code file} when one is given and says where; false, with the
     * reason on {@code err} under the command's name, when it cannot be written.
     */
    boolean writeJson(java.nio.file.Path file, PrintWriter out, PrintWriter err, String command) {
        if (file != null) {
            try {
                java.nio.file.Path parent = file.toAbsolutePath().getParent();
                if (parent != null) {
                    java.nio.file.Files.createDirectories(parent);
                }
                java.nio.file.Files.writeString(file, json());
                out.println("summary: " + file.toAbsolutePath());
            } catch (java.io.IOException e) {
                err.println(command + ": cannot write " + file + ": " + e.getMessage());
                err.flush();
                return false;
            }
        }
        out.flush();
        return true;
    }

    /** The summary as one JSON object, for the benchmark harness and for merging shards. */
    public String json() {
        StringBuilder b = new StringBuilder("{\n");
        field(b, "verdict", passed() ? "PASS" : "FAIL");
        field(b, "target", target);
        field(b, "profile", profile);
        field(b, "transport", transport);
        num(b, "sessions", sessions);
        num(b, "events", events);
        num(b, "window", window);
        num(b, "durationLimitSeconds", durationLimitSeconds);
        b.append("  \"elapsedSeconds\": ").append(String.format(Locale.ROOT, "%.3f", elapsedSeconds)).append(",\n");
        b.append("  \"cutShort\": ").append(cutShort).append(",\n");
        num(b, "peakSessions", peakSessions);
        num(b, "joinedSessions", joinedSessions);
        num(b, "completeSessions", completeSessions);
        num(b, "failedSessions", failedSessions);
        num(b, "eventsSent", sent);
        num(b, "eventsEchoed", echoed);
        b.append("  \"eventsPerSecond\": ").append(String.format(Locale.ROOT, "%.1f", eventsPerSecond)).append(",\n");
        num(b, "rttP50Micros", rttP50Micros);
        num(b, "rttP99Micros", rttP99Micros);
        num(b, "rttMaxMicros", rttMaxMicros);
        num(b, "errors", errors);
        b.append("  \"errorSamples\": [");
        for (int i = 0; i < errorSamples.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(quote(errorSamples.get(i)));
        }
        b.append("],\n");
        num(b, "lost", lost);
        num(b, "duplicated", duplicated);
        num(b, "reordered", reordered);
        field(b, "engine", engine);
        b.append("  \"clientCpuSeconds\": ").append(String.format(Locale.ROOT, "%.3f", clientCpuSeconds)).append(",\n");
        b.append("  \"clientCpuMsPer1000Events\": ").append(String.format(Locale.ROOT, "%.2f", clientCpuMsPer1000())).append(",\n");
        // what `sioconf load merge` needs to add shards up: the plan, the wall-clock span, the whole histogram
        field(b, "shard", shard);
        num(b, "planSessions", planSessions);
        num(b, "firstSendEpochMicros", firstSendEpochMicros);
        num(b, "lastEchoEpochMicros", lastEchoEpochMicros);
        b.append("  \"rttBuckets\": [");
        for (int i = 0; i < rttBuckets.size(); i++) {
            b.append(i == 0 ? "" : ",").append(i % 16 == 0 ? "\n    " : " ").append('[').append(rttBuckets.get(i)[0]).append(", ")
                    .append(rttBuckets.get(i)[1]).append(']');
        }
        b.append(rttBuckets.isEmpty() ? "" : "\n  ").append("]\n}\n");
        return b.toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        b.append("  \"").append(name).append("\": ").append(quote(value)).append(",\n");
    }

    private static void num(StringBuilder b, String name, long value) {
        b.append("  \"").append(name).append("\": ").append(value).append(",\n");
    }

    static String quote(String s) {
        StringBuilder q = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\r' -> q.append("\\r");
                case '\t' -> q.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        q.append(String.format("\\u%04x", (int) c));
                    } else {
                        q.append(c);
                    }
                }
            }
        }
        return q.append('"').toString();
    }
}
