package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.suite.cli.SioconfMain;
import dev.sioconf.suite.deployment.Findings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The deployment findings of section 24 of spec/eio4.md and spec/eio3.md and section 17 of spec/legacy.md through real
 * front ends: Debian's nginx and HAProxy, with each configuration of {@code interop/deploy/nginx/}
 * and {@code interop/deploy/haproxy/}, in front of one or two reference servers. The CLI checks all
 * ten, each for eio4, eio3 and legacy, in one run ({@code --targets}, {@code --deployment}), as a user
 * would check a deployment; the configurations set up right pass, and each broken one yields its
 * finding. The report goes to {@code target/interop-report/deployment/}. A second run checks a
 * socket.io cluster with and without its adapter.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class DeploymentIT {

    /** Longer than short-read-timeout.conf's 3 s, so that a held poll outlives that front end's patience. */
    static final Duration PING_INTERVAL = Duration.ofMillis(6000);
    static final Duration PING_TIMEOUT = Duration.ofMillis(5000);


    /** A front end: the proxy and its configuration, how many nodes stand behind it, and the finding each requirement must give. */
    record Scenario(FrontEnd.Proxy proxy, String config, int nodes, Map<String, String> findings) {

        String name() {
            return proxy.name + "/" + config;
        }
    }

    /** HAProxy in HTTP mode always carries the upgrade, so it has no counterpart of no-upgrade-headers. */
    static final List<Scenario> SCENARIOS = List.of(
            new Scenario(FrontEnd.Proxy.NGINX, "websocket-proxy", 1, Map.of()),
            new Scenario(FrontEnd.Proxy.NGINX, "no-upgrade-headers", 1,
                    Map.of("EIO4-24.1", Findings.NO_WEBSOCKET, "EIO3-24.1", Findings.NO_WEBSOCKET, "LEG-17.1", Findings.NO_WEBSOCKET)),
            new Scenario(FrontEnd.Proxy.NGINX, "short-read-timeout", 1,
                    Map.of("EIO4-24.2", Findings.POLL_CUT, "EIO3-24.2", Findings.POLL_CUT, "LEG-17.2", Findings.POLL_CUT_LEGACY)),
            new Scenario(FrontEnd.Proxy.NGINX, "gzip-buffered", 1, Map.of("LEG-17.3", Findings.STREAM_HELD)),
            new Scenario(FrontEnd.Proxy.NGINX, "round-robin", 2,
                    Map.of("EIO4-24.3", Findings.NOT_STICKY, "EIO3-24.3", Findings.NOT_STICKY, "LEG-17.4", Findings.NOT_STICKY)),
            new Scenario(FrontEnd.Proxy.NGINX, "sticky", 2, Map.of()),
            new Scenario(FrontEnd.Proxy.HAPROXY, "websocket-proxy", 1, Map.of()),
            new Scenario(FrontEnd.Proxy.HAPROXY, "short-server-timeout", 1,
                    Map.of("EIO4-24.2", Findings.POLL_CUT, "EIO3-24.2", Findings.POLL_CUT, "LEG-17.2", Findings.POLL_CUT_LEGACY)),
            new Scenario(FrontEnd.Proxy.HAPROXY, "round-robin", 2,
                    Map.of("EIO4-24.3", Findings.NOT_STICKY, "EIO3-24.3", Findings.NOT_STICKY, "LEG-17.4", Findings.NOT_STICKY)),
            new Scenario(FrontEnd.Proxy.HAPROXY, "sticky", 2, Map.of()));

    /** Each front end is checked three times: for eio4 and eio3 (section 24 of their specs) and for socket.io 0.9 (spec/legacy.md section 17). */
    static final Map<String, List<String>> REQUIREMENTS = Map.of(
            "eio4", List.of("EIO4-24.1", "EIO4-24.2", "EIO4-24.3", "EIO4-24.4"),
            "eio3", List.of("EIO3-24.1", "EIO3-24.2", "EIO3-24.3", "EIO3-24.4"),
            "legacy", List.of("LEG-17.1", "LEG-17.2", "LEG-17.3", "LEG-17.4"));

    /** As long as pingInterval, so that a held legacy poll also outlives the short timeouts' 3 s. */
    static final Duration POLLING_DURATION = Duration.ofSeconds(6);

    @TempDir
    Path scratch;

    /** How many socket.io nodes stand behind HAProxy's round robin in the cluster scenarios. */
    static final int CLUSTER_NODES = 2;

    /**
     * EIO4-24.4 through a cluster of socket.io 4.8.1 nodes ({@code interop/modern-server.js}) behind
     * HAProxy's round robin: without an adapter a broadcast stays on its node, with
     * {@code @socket.io/redis-adapter} and Debian's redis-server it reaches every node. Only that case
     * runs, so that nothing else moves the round robin between the sessions it opens, which then
     * alternate between the nodes. The report goes to {@code target/interop-report/deployment-cluster/}.
     */
    @Test
    void aClusterSharesABroadcastOnlyThroughItsAdapter() throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        Path report = Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve("deployment-cluster");
        Map<String, String> expected = new LinkedHashMap<>();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            Redis redis = Redis.start(scratch.resolve("redis"));
            running.add(redis);
            StringJoiner targets = new StringJoiner(",\n", "{\"targets\": [\n", "\n]}\n");
            for (String adapter : List.of("no-adapter", "redis-adapter")) {
                String name = "cluster/socket.io-4.8.1-x" + CLUSTER_NODES + "-" + adapter;
                List<URI> nodes = new ArrayList<>();
                for (int i = 1; i <= CLUSTER_NODES; i++) {
                    Map<String, String> env = new LinkedHashMap<>(Map.of("PING_INTERVAL", String.valueOf(PING_INTERVAL.toMillis()),
                            "PING_TIMEOUT", String.valueOf(PING_TIMEOUT.toMillis())));
                    if (adapter.equals("redis-adapter")) {
                        env.put("REDIS_URL", redis.url());
                    }
                    ServerProcess node = ServerProcess.start("modern-server.js", env, scratch.resolve(adapter + "-node" + i + ".log"));
                    running.add(node);
                    nodes.add(node.baseUri());
                }
                FrontEnd frontEnd = FrontEnd.start(FrontEnd.Proxy.HAPROXY, "round-robin", nodes, scratch.resolve("haproxy-" + adapter));
                running.add(frontEnd);
                targets.add("  {\"name\": \"" + name + "\", \"url\": \"" + frontEnd.base() + "\", \"contract\": \"declared\"}");
                expected.put(name, adapter.equals("redis-adapter") ? "PASS" : "FAIL");
            }
            Path file = scratch.resolve("cluster-targets.json");
            Files.writeString(file, targets.toString());
            try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
                status = SioconfMain.run(o, e, "--targets", file.toString(), "--parallel-targets", "2", "--deployment", "--select", "EIO4-24.4",
                        "--quiet", "--report", report.toString());
            }
        } finally {
            stopInReverse(running);
        }
        String said = "sioconf said:\n" + out + err;
        printSummary("cluster", out);
        assertThat(status).as(said).isEqualTo(1);
        Map<String, String> seen = new LinkedHashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(report.resolve("results.json").toFile()).get("cases")) {
            assertThat(c.get("requirement").asText()).isEqualTo("EIO4-24.4");
            String verdict = c.get("verdict").asText();
            assertThat(verdict.equals("PASS") || c.get("message").asText().contains(Findings.NOT_SHARED))
                    .as("%s: %s", c.get("target").asText(), c.get("message").asText()).isTrue();
            seen.put(c.get("target").asText(), verdict);
        }
        assertThat(seen).as(said).isEqualTo(expected);
    }

    @Test
    void eachBrokenFrontEndYieldsItsFindingAndTheRightOnesPass() throws Exception {
        Eio4Settings eio4 = Eio4Settings.defaults().withPing(PING_INTERVAL, PING_TIMEOUT);
        List<AutoCloseable> running = new ArrayList<>();
        Path report = Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve("deployment");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status;
        try {
            StringJoiner targets = new StringJoiner(",\n", "{\"targets\": [\n", "\n]}\n");
            for (Scenario s : SCENARIOS) {
                List<URI> nodes = new ArrayList<>();
                for (int i = 0; i < s.nodes(); i++) {
                    ReferenceServer node = ReferenceServer.start(LegacySettings.defaults().withPollingDuration(POLLING_DURATION), eio4);
                    running.add(node);
                    nodes.add(node.baseUri());
                }
                FrontEnd frontEnd = FrontEnd.start(s.proxy(), s.config(), nodes, scratch.resolve(s.proxy().name + "-" + s.config()));
                running.add(frontEnd);
                targets.add("  {\"name\": \"" + s.name() + "\", \"url\": \"" + frontEnd.base() + "\", \"contract\": \"declared\"}");
                targets.add("  {\"name\": \"" + s.name() + " eio3\", \"url\": \"" + frontEnd.base() + "\", \"profile\": \"eio3\", "
                        + "\"contract\": \"declared\"}");
                targets.add("  {\"name\": \"" + s.name() + " legacy\", \"url\": \"" + frontEnd.base() + "\", \"profile\": \"legacy\", "
                        + "\"contract\": \"declared\", \"settings\": {\"polling-duration\": " + POLLING_DURATION.toSeconds() + "}}");
            }
            Path file = scratch.resolve("targets.json");
            Files.writeString(file, targets.toString());
            try (PrintWriter o = new PrintWriter(out, true); PrintWriter e = new PrintWriter(err, true)) {
                status = SioconfMain.run(o, e, "--targets", file.toString(), "--parallel-targets", "5", "--deployment", "--select", "EIO4-24",
                        "--select", "EIO3-24", "--select", "LEG-17", "--quiet", "--report", report.toString());
            }
        } finally {
            stopInReverse(running);
        }
        String said = "sioconf said:\n" + out + err;
        printSummary("deployment", out);
        assertThat(status).as(said).isEqualTo(1);
        // the report's deployment section says each finding and what to change
        assertThat(Files.readString(report.resolve("index.html"))).contains("Deployment findings", "offer polling only, as the web-role setup does",
                "the nodes behind the front end need sticky sessions", "its read timeout must be longer than pingInterval",
                "turn compression and buffering off for the socket.io path");

        Map<String, List<JsonNode>> byTarget = new LinkedHashMap<>();
        for (JsonNode c : new ObjectMapper().readTree(report.resolve("results.json").toFile()).get("cases")) {
            byTarget.computeIfAbsent(c.get("target").asText(), k -> new ArrayList<>()).add(c);
        }
        for (Scenario s : SCENARIOS) {
            for (Map.Entry<String, List<String>> profile : REQUIREMENTS.entrySet()) {
                String target = s.name() + (profile.getKey().equals("eio4") ? "" : " " + profile.getKey());
                List<JsonNode> cases = byTarget.getOrDefault(target, List.of());
                assertThat(cases).as("%s: one result per deployment requirement; %s", target, said)
                        .extracting(c -> c.get("requirement").asText()).containsExactlyInAnyOrderElementsOf(profile.getValue());
                for (JsonNode c : cases) {
                    String requirement = c.get("requirement").asText();
                    String verdict = c.get("verdict").asText();
                    String message = c.get("message").asText();
                    String finding = s.findings().get(requirement);
                    if (finding != null) {
                        assertThat(verdict + " " + message).as("%s %s", target, requirement).startsWith("FAIL").contains(finding);
                    } else if (s.config().equals("round-robin")) {
                        // the handshake and the one request after it may or may not land on the same node; the other
                        // cases' requests, run meanwhile, may put every session of the room on one node
                        assertThat(verdict.equals("PASS") || message.contains(Findings.NOT_STICKY) || message.contains(Findings.NOT_SHARED))
                                .as("%s %s: %s %s", target, requirement, verdict, message).isTrue();
                    } else {
                        assertThat(verdict).as("%s %s: %s", target, requirement, message).isEqualTo("PASS");
                    }
                }
            }
        }
    }

    /** The front ends first, then what stands behind them. */
    static void stopInReverse(List<AutoCloseable> running) throws Exception {
        for (int i = running.size() - 1; i >= 0; i--) {
            running.get(i).close();
        }
    }

    /** The CLI's summary in the build log: each target's wall time, the misses with their findings, the report. */
    static void printSummary(String prefix, StringWriter out) {
        System.out.println(out.toString().lines().filter(l -> !l.startsWith("  ... ")).map(l -> prefix + " | " + l)
                .collect(Collectors.joining("\n")));
    }
}
