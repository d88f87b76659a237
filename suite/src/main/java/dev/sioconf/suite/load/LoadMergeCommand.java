package dev.sioconf.suite.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code sioconf load merge}: adds up the {@code --json} summaries of the shards of one load plan
 * ({@code --shard I/N}, one process each, on as many machines) into the summary of the whole plan.
 * Counts are summed, the latency histograms are added bucket by bucket and the percentiles read
 * from the sum (never averaged), and the rate is the echoes over the wall-clock span from the first
 * send of any shard to the last echo of any. Exit 0 when the whole plan lost, duplicated and
 * reordered nothing, 1 when it did, 2 when the files are not the shards of one plan.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, version = "sioconf 0.1.0", sortOptions = false,
        description = "Adds up the --json summaries of the shards of one load plan (sioconf load --shard I/N) into the summary "
                + "of the whole plan: counts summed, latency histograms merged, the rate over the shards' common span.")
public final class LoadMergeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", arity = "1..*", description = "The shards' --json files, every shard of the plan once.")
    List<Path> files;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the merged summary as JSON to FILE.")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadReport merged;
        try {
            merged = merge(read(files));
        } catch (IllegalArgumentException e) {
            err.println("sioconf load merge: " + e.getMessage());
            err.flush();
            return 2;
        }
        merged.print(out);
        return merged.writeJson(json, out, err, "sioconf load merge") ? merged.exitCode() : 2;
    }

    static List<JsonNode> read(List<Path> files) {
        ObjectMapper mapper = new ObjectMapper();
        List<JsonNode> shards = new ArrayList<>();
        for (Path f : files) {
            try {
                JsonNode n = mapper.readTree(f.toFile());
                if (n == null || !n.has("shard") || !n.has("rttBuckets")) {
                    throw new IllegalArgumentException(f + " is not the --json summary of a sioconf load run with shards");
                }
                if (n.get("shard").asText().startsWith("merged ")) {
                    throw new IllegalArgumentException(f + " is already a merged summary; merge the shards' own files");
                }
                shards.add(n);
            } catch (IOException e) {
                throw new IllegalArgumentException("cannot read " + f + ": " + e.getMessage());
            }
        }
        return shards;
    }

    /** The whole plan's summary from its shards', each shard of the same plan exactly once. */
    static LoadReport merge(List<JsonNode> shards) {
        JsonNode first = shards.get(0);
        LoadShard firstShard = LoadShard.parse(first.get("shard").asText());
        boolean[] seen = new boolean[firstShard.count()];
        for (JsonNode s : shards) {
            for (String key : List.of("target", "profile", "transport", "planSessions", "events", "window", "durationLimitSeconds")) {
                if (!s.get(key).equals(first.get(key))) {
                    throw new IllegalArgumentException("the files are not shards of one plan: " + key + " is " + first.get(key)
                            + " in one and " + s.get(key) + " in another");
                }
            }
            LoadShard shard = LoadShard.parse(s.get("shard").asText());
            if (shard.count() != firstShard.count()) {
                throw new IllegalArgumentException("the files are not shards of one plan: shard " + firstShard + " and shard " + shard);
            }
            if (seen[shard.index()]) {
                throw new IllegalArgumentException("shard " + shard + " is given twice");
            }
            seen[shard.index()] = true;
        }
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < seen.length; i++) {
            if (!seen[i]) {
                missing.add(i + "/" + seen.length);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("shards missing: " + String.join(", ", missing) + " (the plan has " + seen.length
                    + "; merge needs each once)");
        }
        LatencyHistogram rtt = new LatencyHistogram();
        List<String> samples = new ArrayList<>();
        long firstSend = Long.MAX_VALUE;
        long lastEcho = 0;
        double elapsed = 0;
        boolean cutShort = false;
        double clientCpu = 0;
        String[] summed = {"sessions", "peakSessions", "joinedSessions", "completeSessions", "failedSessions", "eventsSent",
                "eventsEchoed", "errors", "lost", "duplicated", "reordered"};
        long[] sums = new long[summed.length];
        for (JsonNode s : shards) {
            for (int i = 0; i < summed.length; i++) {
                sums[i] += s.get(summed[i]).asLong();
            }
            List<long[]> buckets = new ArrayList<>();
            s.get("rttBuckets").forEach(b -> buckets.add(new long[] {b.get(0).asLong(), b.get(1).asLong()}));
            rtt.add(buckets, s.get("rttMaxMicros").asLong());
            s.get("errorSamples").forEach(e -> {
                if (samples.size() < 5 && !samples.contains(e.asText())) {
                    samples.add(e.asText());
                }
            });
            if (s.get("firstSendEpochMicros").asLong() > 0) {
                firstSend = Math.min(firstSend, s.get("firstSendEpochMicros").asLong());
            }
            lastEcho = Math.max(lastEcho, s.get("lastEchoEpochMicros").asLong());
            elapsed = Math.max(elapsed, s.get("elapsedSeconds").asDouble());
            cutShort |= s.get("cutShort").asBoolean();
            clientCpu += s.path("clientCpuSeconds").asDouble(0);
        }
        double span = firstSend != Long.MAX_VALUE && lastEcho > firstSend ? (lastEcho - firstSend) / 1e6 : elapsed;
        long echoed = sums[6];
        return new LoadReport(first.get("target").asText(), first.get("profile").asText(), first.get("transport").asText(),
                (int) sums[0], first.get("events").asInt(), first.get("window").asInt(), first.get("durationLimitSeconds").asLong(),
                elapsed, cutShort, (int) sums[1], (int) sums[2], (int) sums[3], (int) sums[4], sums[5], echoed,
                span > 0 ? echoed / span : 0, rtt.percentile(50), rtt.percentile(99), rtt.max(), sums[7], List.copyOf(samples),
                sums[8], sums[9], sums[10], "merged " + shards.size() + "/" + firstShard.count(), first.get("planSessions").asInt(),
                firstSend == Long.MAX_VALUE ? 0 : firstSend, lastEcho, rtt.buckets(), first.path("engine").asText("jdk"), clientCpu);
    }
}
