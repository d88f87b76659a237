package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.suite.load.LoadCommand;
import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.target.Discovery;
import dev.sioconf.suite.target.Targets;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * {@code java -jar suite/target/sioconf.jar [--target URL ...]}: runs the conformance suite and
 * writes results.json. Exit 0 when no MUST failed, 1 when one did, 2 for bad usage or a target
 * that cannot be reached.
 */
@Command(name = "sioconf", mixinStandardHelpOptions = true, version = "sioconf 0.1.0", sortOptions = false,
        subcommands = {LoadCommand.class, ClientCommand.class},
        description = "Checks a socket.io server against spec/. With no --target it starts the bundled "
                + "reference server in each scenario and checks that. With --target alone it reads the profile and "
                + "settings off the server's handshakes, and checks without the contract application if the server runs none.",
        footer = {"", "Exit status: 0 no MUST failed (with --baseline: every verdict as in the baseline); 1 a MUST failed "
                + "(with --baseline: a verdict changed); 2 bad usage, a target that cannot be reached, or no socket.io "
                + "endpoint at the target."})
public final class SioconfMain implements Callable<Integer> {

    /** How long a probe of the target's handshake may take before the run ends with "cannot reach". */
    public static final Duration REACH_BOUND = Discovery.BOUND;

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

    @Option(names = "--polling-duration", paramLabel = "SECONDS", description = "legacy: declared polling duration (default: 20, socket.io 0.9's; no handshake announces it).")
    String pollingDuration;

    @Option(names = "--heartbeat", paramLabel = "SECONDS|off", description = "legacy: declared heartbeat timeout, or off (default: what the handshake announces).")
    String heartbeat;

    @Option(names = "--close-timeout", paramLabel = "SECONDS", description = "legacy: declared close timeout (default: what the handshake announces).")
    String closeTimeout;

    @Option(names = "--origins", paramLabel = "LIST", description = "legacy: declared allowed origins (default: *:*).")
    String origins;

    @Option(names = "--contract", paramLabel = "declared|none",
            description = "With --target: whether the server runs the contract application of spec/ (legacy section 16, eio3 and eio4 "
                    + "section 23). none runs only the cases that need no application code and SKIPs the rest. Default: "
                    + "detected once per target (a sendMessage that gets no helloBack within 5 s means none).")
    String contract;

    @Option(names = "--targets", paramLabel = "FILE",
            description = "Several servers in one run, from a JSON file: {\"targets\": [{\"name\": ..., \"url\": ..., \"profile\": ..., "
                    + "\"contract\": ..., \"settings\": {\"ping-interval\": 1000, ...}}]}; one report with every target side by side.")
    Path targetsFile;

    @Option(names = "--parallel-targets", paramLabel = "N",
            description = "With --targets: check up to N targets at once (default: ${DEFAULT-VALUE}, one after the other), for "
                    + "targets whose cases mostly wait, such as front ends with long heartbeats. Targets at the same address are "
                    + "still checked one after the other: they share the server and whatever is in front of it.")
    int parallelTargets = 1;

    @Mixin
    RunOutput output = new RunOutput();

    @Option(names = "--robustness",
            description = "Also send the inputs of published engine.io, socket.io-parser and socket.io security advisories "
                    + "(oversized bodies, invalid frames, crafted packets) and check the server refuses them and still serves. "
                    + "They crashed servers of the past: use it only against loopback or a server you own.")
    boolean robustness;

    @Option(names = "--deployment",
            description = "Also check the front end the server is reached through (section 24 of spec/eio4.md and spec/eio3.md, "
                    + "section 17 of spec/legacy.md): whether it carries the WebSocket it announces, lets held polls last until the "
                    + "server answers them, keeps a session's requests on one node (eio4, eio3: and shares broadcasts between nodes; "
                    + "legacy: and passes the htmlfile stream as it comes). Point --target at the address clients use.")
    boolean deployment;

    @Option(names = "--reference-faults", paramLabel = "LIST", hidden = false,
            description = "Without --target: start the bundled reference server with these deliberate faults.")
    String referenceFaults;

    private PrintWriter out = new PrintWriter(System.out, true);
    private PrintWriter err = new PrintWriter(System.err, true);

    public static void main(String[] args) {
        System.exit(run(System.out, System.err, args));
    }

    /** Runs the CLI on byte streams, with everything it wrote flushed to them by the time it returns. */
    static int run(PrintStream out, PrintStream err, String... args) {
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        try {
            return run(o, e, args);
        } finally {
            // autoflush covers println only: a baseline diff written with print was lost at exit
            o.flush();
            e.flush();
        }
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
            err.println("sioconf: " + (e instanceof UsageError || e instanceof IllegalArgumentException || e instanceof Discovery.NotFound
                    ? TargetSpec.inOptionWords(e.getMessage()) : e.toString()));
            return 2;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws IOException {
        if (parallelTargets < 1 || parallelTargets > 32) {
            throw new UsageError("--parallel-targets must be 1 to 32, not " + parallelTargets);
        }
        Selection selection = output.selection();
        List<PreparedTarget> prepared = new ArrayList<>();
        List<Map<String, String>> configs = new ArrayList<>();
        Map<String, String> declared = new LinkedHashMap<>();
        List<String> profileList;
        if (target == null && targetsFile == null) {
            Map<String, String> config = referenceConfig();
            List<Target> targets = Targets.resolve(key -> Optional.ofNullable(config.get(key)));
            profileList = targets.stream().map(Target::profile).distinct().toList();
            refuseEmptySelection(selection, profileList);
            configs.add(config);
            targets.forEach(t -> declared.put(t.name(), t.base() + " " + t.describe()));
        } else {
            List<TargetSpec> specs = specs();
            profileList = specs.stream().map(TargetSpec::profile).anyMatch(java.util.Objects::isNull)
                    ? Targets.PROFILES : specs.stream().map(TargetSpec::profile).distinct().toList();
            refuseEmptySelection(selection, profileList);
            for (TargetSpec spec : specs) {
                PreparedTarget p = PreparedTarget.prepare(spec);
                prepared.add(p);
                configs.add(p.config());
            }
            profileList = prepared.stream().map(p -> p.target().profile()).distinct().toList();
        }
        String profiles = String.join(",", profileList);
        out.println("sioconf 0.1.0 · profile " + profiles + (selection.isAll() ? "" : " · " + selection.describe())
                + (robustness ? " · with the robustness cases" : "") + (deployment ? " · with the deployment findings" : ""));
        declared.forEach((n, d) -> out.println("  target " + n + ": " + d));
        for (PreparedTarget p : prepared) {
            out.println("  target " + p.target().name() + ": " + p.target().base());
            p.lines().forEach(l -> out.println("    " + l));
        }

        ProgressPrinter progress = output.progress(out);
        List<CaseResult> results = runTargets(configs, prepared, selection, progress);
        for (PreparedTarget p : prepared) {
            declared.put(p.target().name(), p.describe() + " · " + Coverage.of(p.target(), results).describe());
        }
        List<CaseResult> all = results;
        List<String> coverage = prepared.stream().map(p -> p.target().name() + ": " + Coverage.of(p.target(), all).describe()).toList();
        List<String> names = prepared.isEmpty() ? List.copyOf(declared.keySet()) : prepared.stream().map(p -> p.target().name()).toList();
        return output.finish(out, err, new RunOutput.Run(profiles, declared, names, coverage, selection), results, progress);
    }

    /**
     * Runs the cases against every target: one after the other, or with {@code --parallel-targets}
     * several address groups at once, each launch with a collector of its own that reports into
     * {@code progress}.
     */
    private List<CaseResult> runTargets(List<Map<String, String>> configs, List<PreparedTarget> prepared, Selection selection,
            ProgressPrinter progress) {
        SuiteRunner.OptIn optIn = new SuiteRunner.OptIn(robustness, deployment);
        if (parallelTargets <= 1 || configs.size() <= 1 || prepared.size() != configs.size()) {
            for (Map<String, String> config : configs) {
                SuiteRunner.run(config, selection, optIn, progress);
            }
            return progress.results();
        }
        Map<java.net.URI, List<Map<String, String>>> byAddress = new LinkedHashMap<>();
        for (int i = 0; i < prepared.size(); i++) {
            byAddress.computeIfAbsent(prepared.get(i).target().base(), k -> new ArrayList<>()).add(configs.get(i));
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(
                Math.min(parallelTargets, byAddress.size()), r -> {
                    Thread t = new Thread(r, "sioconf-targets");
                    t.setDaemon(true);
                    return t;
                });
        try {
            List<java.util.concurrent.Future<?>> runs = new ArrayList<>();
            for (List<Map<String, String>> group : byAddress.values()) {
                dev.sioconf.reports.ResultsCollector collector = progress.another();
                runs.add(pool.submit(() -> group.forEach(config -> SuiteRunner.run(config, selection, optIn, collector))));
            }
            for (java.util.concurrent.Future<?> run : runs) {
                run.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the targets ran", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return progress.results();
    }

    /** Refuses a selection that matches no case of the profiles before any server is started or probed. */
    private static void refuseEmptySelection(Selection selection, List<String> profiles) {
        if (!selection.isAll() && SuiteRunner.requirementsMatching(selection, profiles, new SuiteRunner.OptIn(true, true)).isEmpty()) {
            throw new UsageError("no case of profile " + String.join(", ", profiles) + " matches " + selection.describe());
        }
    }

    /** The servers the user named: one from the options, or those of the targets file. */
    private List<TargetSpec> specs() {
        Map<String, String> settings = declaredSettings();
        if (targetsFile != null) {
            if (target != null || name != null || profile != null || contract != null || !settings.isEmpty()) {
                throw new UsageError("--targets FILE names every target and its settings; --target, --name, --profile, --contract "
                        + "and the settings go in the file");
            }
            return TargetsFile.read(targetsFile);
        }
        if (referenceFaults != null) {
            throw new UsageError("--reference-faults applies to the bundled reference server, not to --target");
        }
        if (profile != null && !Targets.PROFILES.contains(profile)) {
            throw new UsageError("unknown profile '" + profile + "'; known: " + String.join(", ", Targets.PROFILES));
        }
        if (profile != null) {
            List<String> foreign = new TargetSpec(target, name, profile, settings, contract).optionsForeignTo(profile);
            if (!foreign.isEmpty()) {
                boolean engine = !profile.equals("legacy");
                throw new UsageError(foreign.get(0) + " is a setting of profile " + (engine ? "legacy" : "eio3 and eio4") + ", not of " + profile);
            }
        }
        Targets.parseBase(target);
        Targets.checkValues(settings, profile);
        if (contract != null && !contract.equals("declared") && !contract.equals("none")) {
            throw new UsageError("--contract must be declared or none, not '" + contract + "'");
        }
        return List.of(new TargetSpec(target, name, profile, settings, contract));
    }

    /** The settings given as options, as {@code sioconf.*} keys. */
    private Map<String, String> declaredSettings() {
        Map<String, String> s = new LinkedHashMap<>();
        put(s, Targets.TRANSPORTS, transports);
        put(s, Targets.POLLING_DURATION, pollingDuration);
        put(s, Targets.HEARTBEAT_TIMEOUT, heartbeat);
        put(s, Targets.CLOSE_TIMEOUT, closeTimeout);
        put(s, Targets.ORIGINS, origins);
        put(s, Targets.PATH, path);
        put(s, Targets.PING_INTERVAL, pingInterval);
        put(s, Targets.PING_TIMEOUT, pingTimeout);
        put(s, Targets.MAX_PAYLOAD, maxPayload);
        put(s, Targets.UPGRADE_TIMEOUT, upgradeTimeout);
        put(s, Targets.CONNECT_TIMEOUT, connectTimeout);
        put(s, Targets.ALLOW_UPGRADES, allowUpgrades);
        put(s, Targets.JSONP, jsonp);
        put(s, Targets.CORS, cors);
        put(s, Targets.CORS_CREDENTIALS, corsCredentials);
        put(s, Targets.ECHO_PATH, echoPath);
        return s;
    }

    /** Without --target: the bundled reference server in its scenarios, of one profile or all. */
    Map<String, String> referenceConfig() {
        if (profile != null && !Targets.PROFILES.contains(profile)) {
            throw new UsageError("unknown profile '" + profile + "'; known: " + String.join(", ", Targets.PROFILES));
        }
        if (name != null || contract != null || !declaredSettings().isEmpty()) {
            throw new UsageError("declared settings need --target; without it the bundled reference server declares its own");
        }
        Map<String, String> config = new LinkedHashMap<>();
        put(config, Targets.PROFILE, profile);
        put(config, Targets.REFERENCE_FAULTS, referenceFaults);
        return config;
    }

    private static void put(Map<String, String> config, String key, String value) {
        if (value != null) {
            config.put(key, value);
        }
    }

    /** Bad input or an unreachable target: exit 2 with one line. */
    static final class UsageError extends RuntimeException {
        UsageError(String message) {
            super(message);
        }
    }
}
