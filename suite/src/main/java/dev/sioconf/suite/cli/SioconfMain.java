package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
import dev.sioconf.suite.load.LoadCommand;
import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.target.Targets;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code java -jar suite/target/sioconf.jar [--target URL ...]}: runs the conformance suite and
 * writes results.json. Exit 0 when no MUST failed, 1 when one did, 2 for bad usage or a target
 * that cannot be reached.
 */
@Command(name = "sioconf", mixinStandardHelpOptions = true, version = "sioconf 0.1.0", sortOptions = false,
        subcommands = LoadCommand.class,
        description = "Checks a socket.io server against spec/. With no --target it starts the bundled "
                + "reference server in each scenario and checks that.")
public final class SioconfMain implements Callable<Integer> {

    public static final Duration REACH_BOUND = Duration.ofSeconds(5);

    @Option(names = "--target", paramLabel = "URL", description = "Base URL of the server under test, e.g. http://127.0.0.1:3000.")
    String target;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the target in the report (default: host:port).")
    String name;

    @Option(names = "--profile", paramLabel = "PROFILE",
            description = "Protocol profile: legacy, eio3 or eio4 (default: legacy with --target; without it, every profile of the bundled reference server).")
    String profile;

    @Option(names = "--transports", paramLabel = "LIST", description = "Declared transports: legacy in the server's order (default: websocket,htmlfile,xhr-polling,jsonp-polling); eio3/eio4 among polling,websocket (default: both).")
    String transports;

    @Option(names = "--path", paramLabel = "PATH", description = "eio3/eio4: declared protocol path (default: /socket.io/).")
    String path;

    @Option(names = "--ping-interval", paramLabel = "MS", description = "eio3/eio4: declared pingInterval in milliseconds (default: 25000).")
    String pingInterval;

    @Option(names = "--ping-timeout", paramLabel = "MS", description = "eio3/eio4: declared pingTimeout in milliseconds (default: 20000).")
    String pingTimeout;

    @Option(names = "--max-payload", paramLabel = "BYTES", description = "eio3/eio4: declared maxPayload in bytes (default: 1000000).")
    String maxPayload;

    @Option(names = "--upgrade-timeout", paramLabel = "MS", description = "eio3/eio4: declared upgradeTimeout in milliseconds (default: 10000).")
    String upgradeTimeout;

    @Option(names = "--connect-timeout", paramLabel = "MS", description = "eio4: declared connectTimeout in milliseconds (default: 45000).")
    String connectTimeout;

    @Option(names = "--allow-upgrades", paramLabel = "on|off", description = "eio3/eio4: whether polling sessions may upgrade (default: on).")
    String allowUpgrades;

    @Option(names = "--jsonp", paramLabel = "on|off", description = "eio3/eio4: whether JSONP polling is served (default: on).")
    String jsonp;

    @Option(names = "--cors", paramLabel = "none|*|LIST", description = "eio3/eio4: declared CORS origins (default: none).")
    String cors;

    @Option(names = "--cors-credentials", paramLabel = "on|off", description = "eio3/eio4: whether CORS answers allow credentials (default: off).")
    String corsCredentials;

    @Option(names = "--echo-path", paramLabel = "PATH|none", description = "eio3/eio4: path of the Engine.IO echo endpoint (default: none; its cases are then UNIMPLEMENTED).")
    String echoPath;

    @Option(names = "--polling-duration", paramLabel = "SECONDS", description = "Declared polling duration (default: 20).")
    String pollingDuration;

    @Option(names = "--heartbeat", paramLabel = "SECONDS|off", description = "Declared heartbeat timeout, or off (default: 60).")
    String heartbeat;

    @Option(names = "--close-timeout", paramLabel = "SECONDS", description = "Declared close timeout (default: 60).")
    String closeTimeout;

    @Option(names = "--origins", paramLabel = "LIST", description = "Declared allowed origins (default: *:*).")
    String origins;

    @Option(names = "--report", paramLabel = "DIR", description = "Where the report goes: index.html, a page per case, results.json, junit.xml (default: ${DEFAULT-VALUE}).")
    Path report = Path.of("target", "sioconf-report");

    @Option(names = "--select", paramLabel = "ID-PREFIX", description = "Only cases whose requirement id starts so, e.g. LEG-9 or LEG-9.1.")
    String select = "";

    @Option(names = "--robustness",
            description = "Also send the inputs of published engine.io, socket.io-parser and socket.io security advisories "
                    + "(oversized bodies, invalid frames, crafted packets) and check the server refuses them and still serves. "
                    + "They crashed servers of the past: use it only against loopback or a server you own.")
    boolean robustness;

    @Option(names = "--reference-faults", paramLabel = "LIST", hidden = false,
            description = "Without --target: start the bundled reference server with these deliberate faults.")
    String referenceFaults;

    private PrintWriter out = new PrintWriter(System.out, true);
    private PrintWriter err = new PrintWriter(System.err, true);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI (the suite, or {@code load}) and returns its exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        SioconfMain main = new SioconfMain();
        main.out = out;
        main.err = err;
        CommandLine cli = new CommandLine(main);
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("sioconf: " + e.getMessage() + " (see --help)");
            return 2;
        });
        cli.setExecutionExceptionHandler((e, c, p) -> {
            err.println("sioconf: " + (e instanceof UsageError ? e.getMessage() : e.toString()));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        Map<String, String> config = config();
        List<Target> targets;
        try {
            targets = Targets.resolve(key -> Optional.ofNullable(config.get(key)));
        } catch (IllegalArgumentException e) {
            throw new UsageError(e.getMessage());
        }
        if (target != null) {
            checkReachable(targets.get(0));
        }
        Map<String, String> declared = new LinkedHashMap<>();
        targets.forEach(t -> declared.put(t.name(), t.base() + " " + t.describe()));
        String profiles = String.join(",", targets.stream().map(Target::profile).distinct().toList());
        out.println("sioconf 0.1.0 · profile " + profiles + (select.isEmpty() ? "" : " · cases " + select + "*")
                + (robustness ? " · with the robustness cases" : ""));
        declared.forEach((n, d) -> out.println("  target " + n + ": " + d));

        ProgressPrinter progress = new ProgressPrinter(out);
        List<CaseResult> results = SuiteRunner.run(config, select, robustness, progress);
        Path index = ReportWriter.write(report, profiles, declared, results);

        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        results.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        out.println();
        out.println(results.size() + " results: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        progress.spans().forEach(span -> out.println("  " + span.describe()));
        out.println("report:  " + index.toAbsolutePath());
        out.println("results: " + index.resolveSibling(ResultsJson.FILE_NAME).toAbsolutePath());
        if (results.isEmpty()) {
            err.println("sioconf: no case matched" + (select.isEmpty() ? "" : " --select " + select));
            return 2;
        }
        return results.stream().anyMatch(r -> r.verdict().breaksConformance()) ? 1 : 0;
    }

    Map<String, String> config() {
        if (profile == null && target != null) {
            profile = "legacy";
        }
        if (profile != null && !Targets.PROFILES.contains(profile)) {
            throw new UsageError("unknown profile '" + profile + "'; known: " + String.join(", ", Targets.PROFILES));
        }
        Map<String, String> legacyOnly = new LinkedHashMap<>();
        put(legacyOnly, "--polling-duration", pollingDuration);
        put(legacyOnly, "--heartbeat", heartbeat);
        put(legacyOnly, "--close-timeout", closeTimeout);
        put(legacyOnly, "--origins", origins);
        Map<String, String> engineOnly = new LinkedHashMap<>();
        put(engineOnly, "--path", path);
        put(engineOnly, "--ping-interval", pingInterval);
        put(engineOnly, "--ping-timeout", pingTimeout);
        put(engineOnly, "--max-payload", maxPayload);
        put(engineOnly, "--upgrade-timeout", upgradeTimeout);
        put(engineOnly, "--connect-timeout", connectTimeout);
        put(engineOnly, "--allow-upgrades", allowUpgrades);
        put(engineOnly, "--jsonp", jsonp);
        put(engineOnly, "--cors", cors);
        put(engineOnly, "--cors-credentials", corsCredentials);
        put(engineOnly, "--echo-path", echoPath);
        boolean engine = "eio3".equals(profile) || "eio4".equals(profile);
        Map<String, String> foreign = engine ? legacyOnly : engineOnly;
        if (profile != null && !foreign.isEmpty()) {
            throw new UsageError(foreign.keySet().iterator().next() + " is a setting of profile "
                    + (engine ? "legacy" : "eio3 and eio4") + ", not of " + profile);
        }
        if (target == null && (transports != null || pollingDuration != null || heartbeat != null
                || closeTimeout != null || origins != null || name != null || !engineOnly.isEmpty())) {
            throw new UsageError("declared settings need --target; without it the bundled reference server declares its own");
        }
        if (target != null && referenceFaults != null) {
            throw new UsageError("--reference-faults applies to the bundled reference server, not to --target");
        }
        Map<String, String> config = new LinkedHashMap<>();
        put(config, Targets.TARGET, target);
        put(config, Targets.NAME, name);
        put(config, Targets.PROFILE, profile);
        put(config, Targets.TRANSPORTS, transports);
        put(config, Targets.POLLING_DURATION, pollingDuration);
        put(config, Targets.HEARTBEAT_TIMEOUT, heartbeat);
        put(config, Targets.CLOSE_TIMEOUT, closeTimeout);
        put(config, Targets.ORIGINS, origins);
        put(config, Targets.REFERENCE_FAULTS, referenceFaults);
        put(config, Targets.PATH, path);
        put(config, Targets.PING_INTERVAL, pingInterval);
        put(config, Targets.PING_TIMEOUT, pingTimeout);
        put(config, Targets.MAX_PAYLOAD, maxPayload);
        put(config, Targets.UPGRADE_TIMEOUT, upgradeTimeout);
        put(config, Targets.CONNECT_TIMEOUT, connectTimeout);
        put(config, Targets.ALLOW_UPGRADES, allowUpgrades);
        put(config, Targets.JSONP, jsonp);
        put(config, Targets.CORS, cors);
        put(config, Targets.CORS_CREDENTIALS, corsCredentials);
        put(config, Targets.ECHO_PATH, echoPath);
        return config;
    }

    private static void put(Map<String, String> config, String key, String value) {
        if (value != null) {
            config.put(key, value);
        }
    }

    /** A target that does not answer HTTP at all ends the run at once with a clear reason. */
    static void checkReachable(Target t) {
        // HTTP/1.1 only (LEG-1.3): the default h2c upgrade offer is taken by socket.io 0.9 for a WebSocket
        // upgrade and the connection is dropped, so the probe would call a working server unreachable.
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(REACH_BOUND).build();
        String probePath = t.engine() != null ? t.engine().path() : "/socket.io/1/?t=0";
        HttpRequest probe = HttpRequest.newBuilder(t.resolve(probePath)).timeout(REACH_BOUND).build();
        // Only the head is needed: the client's timeout ends with the head, and a body read to its end
        // could be endless, so the body is closed unread.
        java.util.concurrent.CompletableFuture<HttpResponse<java.io.InputStream>> answer =
                client.sendAsync(probe, HttpResponse.BodyHandlers.ofInputStream());
        try {
            answer.get(REACH_BOUND.plusSeconds(1).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS).body().close();
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new UsageError("cannot reach " + t.base() + ": no answer within " + REACH_BOUND.toSeconds() + " s");
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof java.net.http.HttpTimeoutException) {
                throw new UsageError("cannot reach " + t.base() + ": no answer within " + REACH_BOUND.toSeconds() + " s");
            }
            throw new UsageError("cannot reach " + t.base() + ": " + dev.sioconf.suite.wire.Http.why(cause));
        } catch (ConnectException e) {
            throw new UsageError("cannot reach " + t.base() + ": connection refused");
        } catch (IOException e) {
            throw new UsageError("cannot reach " + t.base() + ": " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageError("interrupted while reaching " + t.base());
        }
    }

    /** Bad input or an unreachable target: exit 2 with one line. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
