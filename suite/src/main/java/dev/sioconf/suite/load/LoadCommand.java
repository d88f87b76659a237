package dev.sioconf.suite.load;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code sioconf load}: N concurrent sessions each send M numbered echo events and check they
 * all come back once and in order. Exit 0 when none was lost, duplicated or reordered, 1 when
 * one was, 2 for bad usage or a target that cannot be reached.
 */
@Command(name = "load", mixinStandardHelpOptions = true, version = "sioconf 0.1.0", sortOptions = false,
        subcommands = LoadMergeCommand.class,
        description = "Load mode: opens N concurrent sessions against a server running the echo contract of spec/, "
                + "has each send M numbered echo events, and reports sessions held, events/s, round-trip latency, "
                + "errors and lost, duplicated or reordered events (any of which is a FAIL).")
public final class LoadCommand implements Callable<Integer> {

    @Option(names = "--target", paramLabel = "URL", description = "Base URL of the server, e.g. http://127.0.0.1:3000 (required for a run).")
    String target;

    @Option(names = "--profile", paramLabel = "PROFILE", description = "legacy, eio3 or eio4.")
    String profile;

    @Option(names = "--transport", paramLabel = "T", description = "eio3/eio4: websocket or polling; legacy: websocket or xhr-polling.")
    String transport;

    @Option(names = "--sessions", paramLabel = "N", description = "Concurrent sessions, 1 to 20000.")
    Integer sessions;

    @Option(names = "--events", paramLabel = "M", description = "Echo events per session, 1 to 100000.")
    Integer events;

    @Option(names = "--duration", paramLabel = "S", description = "Bound on the whole run in seconds, at most 600 (default: ${DEFAULT-VALUE}); events not back by then are lost.")
    int duration = 60;

    @Option(names = "--window", paramLabel = "W", description = "Events a session has in flight at most (default: ${DEFAULT-VALUE}).")
    int window = 4;

    @Option(names = "--rate", paramLabel = "R", description = "Events per second each session sends at most; 0 for no limit (default: ${DEFAULT-VALUE}).")
    double rate = 0;

    @Option(names = "--ramp-batch", paramLabel = "B", description = "Sessions opened together before the next batch (default: ${DEFAULT-VALUE}).")
    int rampBatch = 250;

    @Option(names = "--event-timeout", paramLabel = "S", description = "Seconds a session waits for an echo before giving up on those in flight (default: ${DEFAULT-VALUE}).")
    double eventTimeout = 10;

    @Option(names = "--allow-remote", description = "Allow a target that is not on loopback (127.0.0.0/8, ::1, localhost).")
    boolean allowRemote;

    @Option(names = "--json", paramLabel = "FILE", description = "Also write the summary as JSON to FILE.")
    Path json;

    @Option(names = "--shard", paramLabel = "I/N", description = "Run only shard I of N of the plan: the sessions whose number "
            + "leaves I when divided by N, so that N processes (on as many machines) run the plan between them; add their "
            + "--json files up with 'sioconf load merge' (default: 0/1, the whole plan).")
    String shard = "0/1";

    @Option(names = "--engine", paramLabel = "E", description = "netty (epoll where it loads, an event loop per core) or jdk "
            + "(the JDK's HttpClient and WebSocket, the first engine) (default: ${DEFAULT-VALUE}).")
    String engine = "netty";

    @Option(names = "--start-together", description = "Sessions send their first event only once every session has joined "
            + "(or failed): the run measures echoes alone, with no join competing with echo traffic.")
    boolean startTogether;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadPlan plan;
        LoadEngine chosen;
        try {
            plan = plan();
            chosen = LoadEngine.of(engine);
            checkLoopback(plan, err);
            checkReachable(plan);
        } catch (IllegalArgumentException e) {
            err.println("sioconf load: " + e.getMessage());
            err.flush();
            return 2;
        }
        LoadRun run = new LoadRun(plan, chosen, startTogether, out);
        out.printf("sioconf load · %s %s · %s · %d sessions x %d events, window %d, bound %d s%s · engine %s%n", plan.profile().wireName(),
                plan.transport(), plan.target(), plan.sessionsHere(), plan.events(), plan.window(), plan.duration().toSeconds(),
                plan.shard().equals(LoadShard.WHOLE) ? "" : " · shard " + plan.shard() + " of a plan of " + plan.sessions() + " sessions",
                run.describeEngine());
        out.flush();
        LoadReport report = run.run();
        report.print(out);
        return report.writeJson(json, out, err, "sioconf load") ? report.exitCode() : 2;
    }

    LoadPlan plan() {
        // required for a run, and checked here rather than by picocli, which would ask `load merge` for them too
        for (Object[] o : new Object[][] {{"--target", target}, {"--profile", profile}, {"--transport", transport},
                {"--sessions", sessions}, {"--events", events}}) {
            if (o[1] == null) {
                throw new IllegalArgumentException("missing " + o[0] + " (a run needs --target, --profile, --transport, --sessions "
                        + "and --events; see sioconf load --help)");
            }
        }
        URI uri;
        try {
            uri = URI.create(target);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--target is not a URL: '" + target + "'");
        }
        if (duration < 1 || duration > LoadPlan.MAX_DURATION.toSeconds()) {
            throw new IllegalArgumentException("--duration must be 1 to " + LoadPlan.MAX_DURATION.toSeconds() + " seconds, got " + duration);
        }
        return new LoadPlan(uri, LoadProfile.of(profile), transport, sessions, events, Duration.ofSeconds(duration), window,
                rampBatch, Duration.ofMillis((long) (eventTimeout * 1000)), rate, allowRemote, json, LoadShard.parse(shard));
    }

    /** Loopback only, unless --allow-remote says otherwise (and then a warning). */
    static void checkLoopback(LoadPlan plan, PrintWriter err) {
        String host = plan.target().getHost();
        boolean loopback;
        try {
            InetAddress[] all = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
            loopback = all.length > 0;
            for (InetAddress a : all) {
                loopback &= a.isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("cannot resolve host '" + host + "'");
        }
        if (!loopback && !plan.allowRemote()) {
            throw new IllegalArgumentException("target " + host + " is not a loopback address; a load run against another "
                    + "machine needs --allow-remote");
        }
        if (!loopback) {
            err.println("sioconf load: warning: loading remote target " + host + " (--allow-remote); "
                    + "make sure you are allowed to load it");
            err.flush();
        }
    }

    /** A target that does not answer HTTP at all ends the run at once with a clear reason. */
    static void checkReachable(LoadPlan plan) {
        Duration bound = Duration.ofSeconds(5);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(bound).build();
        String probe = switch (plan.profile()) {
            case LEGACY -> "/socket.io/1/?t=0";
            case EIO3 -> "/socket.io/?EIO=3&transport=polling&t=probe";
            case EIO4 -> "/socket.io/?EIO=4&transport=polling&t=probe";
        };
        try {
            client.send(HttpRequest.newBuilder(plan.http(probe)).timeout(bound).build(), HttpResponse.BodyHandlers.discarding());
        } catch (ConnectException e) {
            throw new IllegalArgumentException("cannot reach " + plan.target() + ": connection refused");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot reach " + plan.target() + ": " + LoadRun.describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalArgumentException("interrupted while reaching " + plan.target());
        }
    }
}
