package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar suite/target/sioconf.jar [--target URL ...]}: runs the conformance suite and
 * writes results.json. Exit 0 when no MUST failed, 1 when one did, 2 for bad usage or a target
 * that cannot be reached.
 */
@Command(name = "sioconf", mixinStandardHelpOptions = true, version = "sioconf 0.1.0", sortOptions = false,
        description = "Checks a socket.io server against spec/. With no --target it starts the bundled "
                + "reference server in each scenario and checks that.")
public final class SioconfMain implements Callable<Integer> {

    static final Duration REACH_BOUND = Duration.ofSeconds(5);

    @Option(names = "--target", paramLabel = "URL", description = "Base URL of the server under test, e.g. http://127.0.0.1:3000.")
    String target;

    @Option(names = "--name", paramLabel = "NAME", description = "Name of the target in the report (default: host:port).")
    String name;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "Protocol profile (default: ${DEFAULT-VALUE}).")
    String profile = "legacy";

    @Option(names = "--transports", paramLabel = "LIST", description = "Declared transports in the server's order (default: websocket,htmlfile,xhr-polling,jsonp-polling).")
    String transports;

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

    @Option(names = "--reference-faults", paramLabel = "LIST", hidden = false,
            description = "Without --target: start the bundled reference server with these deliberate faults.")
    String referenceFaults;

    private PrintWriter out = new PrintWriter(System.out, true);
    private PrintWriter err = new PrintWriter(System.err, true);

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    static int run(PrintWriter out, PrintWriter err, String... args) {
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
        targets.forEach(t -> declared.put(t.name(), t.base() + " " + t.declared().describe()));
        out.println("sioconf 0.1.0 · profile " + profile + (select.isEmpty() ? "" : " · cases " + select + "*"));
        declared.forEach((n, d) -> out.println("  target " + n + ": " + d));

        List<CaseResult> results = SuiteRunner.run(config, select, new ProgressPrinter(out));
        Path index = ReportWriter.write(report, profile, declared, results);

        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        results.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        out.println();
        out.println(results.size() + " results: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        out.println("report:  " + index.toAbsolutePath());
        out.println("results: " + index.resolveSibling(ResultsJson.FILE_NAME).toAbsolutePath());
        if (results.isEmpty()) {
            err.println("sioconf: no case matched" + (select.isEmpty() ? "" : " --select " + select));
            return 2;
        }
        return results.stream().anyMatch(r -> r.verdict().breaksConformance()) ? 1 : 0;
    }

    Map<String, String> config() {
        if (!profile.equals("legacy")) {
            throw new UsageError("profile '" + profile + "' is not available yet; known: legacy");
        }
        if (target == null && (transports != null || pollingDuration != null || heartbeat != null
                || closeTimeout != null || origins != null || name != null)) {
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
        HttpRequest probe = HttpRequest.newBuilder(t.resolve("/socket.io/1/?t=0")).timeout(REACH_BOUND).build();
        try {
            client.send(probe, HttpResponse.BodyHandlers.discarding());
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
