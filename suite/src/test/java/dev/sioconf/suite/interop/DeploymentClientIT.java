package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.server.ReferenceServer;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.legacy.LegacySettings;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * What EIO4-24.1's finding means for a real client: the official socket.io-client 4.8.1 (node,
 * {@code interop/deploy/time-to-hello.js}) connects through nginx set up right and through nginx
 * that drops the upgrade headers, with the transports an application might choose, five times
 * each, and the time from {@code io()} to the first {@code helloBack} is printed as a table. The
 * test asserts which set-ups connect at all; the times are figures to read, not bounds.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class DeploymentClientIT {

    static final int RUNS = 5;
    static final Duration RUN_BOUND = Duration.ofSeconds(5);

    /** A client set-up: its transports in order and whether it tries the next one when the first fails. */
    record Client(String name, String transports, boolean tryAll) {

        List<String> args() {
            List<String> args = new ArrayList<>(List.of("--transports", transports));
            if (tryAll) {
                args.add("--try-all-transports");
            }
            return args;
        }
    }

    static final List<Client> CLIENTS = List.of(
            new Client("default (polling, then the upgrade)", "polling,websocket", false),
            new Client("polling only", "polling", false),
            new Client("websocket first", "websocket,polling", false),
            new Client("websocket first, tryAllTransports", "websocket,polling", true));

    @TempDir
    Path scratch;

    @Test
    void throughAFrontEndThatDropsWebSocketOnlyAClientThatStartsOnPollingOrFallsBackConnects() throws Exception {
        List<AutoCloseable> running = new ArrayList<>();
        Map<String, Map<String, JsonNode>> byFrontEnd = new java.util.LinkedHashMap<>();
        try {
            ReferenceServer server = ReferenceServer.start(LegacySettings.defaults(), Eio4Settings.defaults());
            running.add(server);
            for (String config : List.of("websocket-proxy", "no-upgrade-headers")) {
                FrontEnd nginx = FrontEnd.start(FrontEnd.Proxy.NGINX, config, List.of(server.baseUri()), scratch.resolve(config));
                running.add(nginx);
                // one set-up after the other, so that no run's time includes another's
                Map<String, JsonNode> results = new java.util.LinkedHashMap<>();
                for (Client c : CLIENTS) {
                    results.put(c.name(), timeToHello(nginx.base(), c, scratch.resolve(config + "-" + CLIENTS.indexOf(c) + ".log")));
                }
                byFrontEnd.put(config, results);
            }
        } finally {
            for (int i = running.size() - 1; i >= 0; i--) {
                running.get(i).close();
            }
        }
        StringBuilder table = new StringBuilder("deployment client | front end | client | connected | median ms | transport\n");
        byFrontEnd.forEach((config, results) -> results.forEach((client, r) -> table.append("deployment client | ").append(config)
                .append(" | ").append(client).append(" | ").append(r.get("connected").asInt()).append(" of ").append(RUNS)
                .append(" | ").append(r.get("medianMs").isNull() ? "-" : r.get("medianMs").asText()).append(" | ")
                .append(r.get("runs").get(0).has("transport") ? r.get("runs").get(0).get("transport").asText()
                        : r.get("runs").get(0).get("error").asText()).append('\n')));
        System.out.print(table);

        for (Client c : CLIENTS) {
            assertThat(byFrontEnd.get("websocket-proxy").get(c.name()).get("connected").asInt())
                    .as("%s through websocket-proxy\n%s", c.name(), table).isEqualTo(RUNS);
            int expected = c.transports().startsWith("websocket") && !c.tryAll() ? 0 : RUNS;
            assertThat(byFrontEnd.get("no-upgrade-headers").get(c.name()).get("connected").asInt())
                    .as("%s through no-upgrade-headers\n%s", c.name(), table).isEqualTo(expected);
        }
    }

    /** Runs the node probe for one client set-up, bounded by RUNS x RUN_BOUND and a margin; its stderr goes to {@code log}. */
    private static JsonNode timeToHello(URI base, Client c, Path log) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", "deploy/time-to-hello.js", base.toString(), "--runs",
                String.valueOf(RUNS), "--timeout-ms", String.valueOf(RUN_BOUND.toMillis())));
        command.addAll(c.args());
        Path out = log.resolveSibling(log.getFileName() + ".out");
        Process p = new ProcessBuilder(command).directory(ServerProcess.interopDir().toFile())
                .redirectOutput(out.toFile()).redirectError(log.toFile()).start();
        long bound = RUN_BOUND.multipliedBy(RUNS).plusSeconds(20).toMillis();
        if (!p.waitFor(bound, TimeUnit.MILLISECONDS)) {
            ServerProcess.stop(p);
            throw new IllegalStateException("time-to-hello.js (" + c.name() + ") still running after " + bound + " ms; stderr: "
                    + ServerProcess.tail(log));
        }
        String line = Files.readString(out).strip();
        assertThat(p.exitValue()).as("time-to-hello.js exit (%s), stdout %s, stderr %s", c.name(), line, ServerProcess.tail(log)).isZero();
        return new ObjectMapper().readTree(line);
    }
}
