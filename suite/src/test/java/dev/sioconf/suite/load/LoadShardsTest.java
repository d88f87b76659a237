package dev.sioconf.suite.load;

import static dev.sioconf.suite.cli.CliRun.sioconf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.cli.CliRun;
import dev.sioconf.suite.target.EmbeddedReference;


import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * {@code sioconf load --shard I/N} and {@code sioconf load merge}: the shards of one plan run
 * disjoint sessions that add up to the plan, and the merged summary counts every event once, with
 * percentiles from the merged histogram.
 */
@Isolated("three load processes' worth of sessions at once on two cores; beside the fault catalogues they would miss pings")
class LoadShardsTest {

    @TempDir
    Path tmp;

    @Test
    void shardsTakeDisjointSessionsThatMakeUpThePlan() {
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            LoadShard shard = new LoadShard(i, 3);
            assertThat(shard.sessionIds(10)).hasSize(shard.sessionsOf(10));
            all.addAll(shard.sessionIds(10));
        }
        assertThat(all).containsExactlyInAnyOrderElementsOf(IntStream.range(0, 10).boxed().toList());
        assertThat(LoadShard.parse("2/4")).isEqualTo(new LoadShard(2, 4));
        assertThatThrownBy(() -> LoadShard.parse("4/4")).hasMessageContaining("0 <= I < N");
        assertThatThrownBy(() -> LoadShard.parse("half")).hasMessageContaining("I/N");
    }

    @Test
    void mergedHistogramHasThePercentilesOfAllValuesNotTheAverageOfTheShards() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        LatencyHistogram both = new LatencyHistogram();
        for (int i = 1; i <= 900; i++) {
            fast.record(i);
            both.record(i);
        }
        for (int i = 1; i <= 100; i++) {
            slow.record(100_000 + i * 1000);
            both.record(100_000 + i * 1000);
        }
        LatencyHistogram merged = new LatencyHistogram();
        merged.add(fast.buckets(), fast.max());
        merged.add(slow.buckets(), slow.max());
        assertThat(merged.count()).isEqualTo(1000);
        for (double p : new double[] {50, 90, 91, 99, 100}) {
            assertThat(merged.percentile(p)).as("p%s", p).isEqualTo(both.percentile(p));
        }
        // averaging the shards' p99 would say about 100 ms; the plan's p99 is near 200 ms
        assertThat(merged.percentile(99)).isGreaterThan((fast.percentile(99) + slow.percentile(99)) / 2);
    }

    @Test
    void threeShardsOnLoopbackMergeIntoThePlan() throws Exception {
        try (ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), EmbeddedReference.eio4Quick())) {
            List<CompletableFuture<CliRun>> shards = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                String json = tmp.resolve("shard-" + i + ".json").toString();
                String shard = i + "/3";
                shards.add(CompletableFuture.supplyAsync(() -> sioconf("load", "--target", server.baseUri().toString(), "--profile",
                        "eio4", "--transport", "websocket", "--sessions", "31", "--events", "20", "--duration", "60", "--shard", shard,
                        "--json", json)));
            }
            for (CompletableFuture<CliRun> f : shards) {
                CliRun r = f.get();
                assertThat(r.exit()).as(r.out() + r.err()).isZero();
                assertThat(r.out()).contains("of a plan of 31 sessions");
            }
            Path merged = tmp.resolve("merged.json");
            CliRun m = sioconf("load", "merge", tmp.resolve("shard-2.json").toString(), tmp.resolve("shard-0.json").toString(),
                    tmp.resolve("shard-1.json").toString(), "--json", merged.toString());
            assertThat(m.exit()).as(m.out() + m.err()).isZero();
            assertThat(m.out()).contains("3/3 shards merged", "PASS");
            JsonNode n = new ObjectMapper().readTree(merged.toFile());
            assertThat(n.get("sessions").asInt()).isEqualTo(31);
            assertThat(n.get("completeSessions").asInt()).isEqualTo(31);
            assertThat(n.get("eventsEchoed").asLong()).isEqualTo(31 * 20);
            assertThat(n.get("lost").asLong() + n.get("duplicated").asLong() + n.get("reordered").asLong()).isZero();
            long bucketed = 0;
            for (JsonNode b : n.get("rttBuckets")) {
                bucketed += b.get(1).asLong();
            }
            assertThat(bucketed).as("every echo's round trip in the merged histogram").isEqualTo(31 * 20);
            List<Integer> perShard = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                perShard.add(new ObjectMapper().readTree(tmp.resolve("shard-" + i + ".json").toFile()).get("sessions").asInt());
            }
            assertThat(perShard).containsExactly(11, 10, 10);
        }
    }

    @Test
    void mergeRefusesFilesThatAreNotEachShardOfOnePlanOnce() throws Exception {
        Path a = write("a.json", "0/2", 10);
        Path twice = write("b.json", "0/2", 10);
        Path other = write("c.json", "1/2", 12);
        CliRun missing = sioconf("load", "merge", a.toString());
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.err()).contains("shards missing: 1/2");
        CliRun dup = sioconf("load", "merge", a.toString(), twice.toString());
        assertThat(dup.exit()).isEqualTo(2);
        assertThat(dup.err()).contains("shard 0/2 is given twice");
        CliRun mixed = sioconf("load", "merge", a.toString(), other.toString());
        assertThat(mixed.exit()).isEqualTo(2);
        assertThat(mixed.err()).contains("not shards of one plan: planSessions is 10 in one and 12 in another");
        CliRun noRun = sioconf("load", "--profile", "eio4");
        assertThat(noRun.exit()).isEqualTo(2);
        assertThat(noRun.err()).contains("missing --target");
    }

    private Path write(String name, String shard, int planSessions) throws Exception {
        LoadReport r = new LoadReport("http://127.0.0.1:1", "eio4", "websocket", 5, 2, 4, 60, 1.0, false, 5, 5, 5, 0, 10, 10, 10.0,
                100, 200, 300, 0, List.of(), 0, 0, 0, shard, planSessions, 1_000_000, 2_000_000, List.of(new long[] {100, 10}),
                "netty", 0.5);
        Path p = tmp.resolve(name);
        Files.writeString(p, r.json());
        return p;
    }
}
