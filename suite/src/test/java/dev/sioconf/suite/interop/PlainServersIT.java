package dev.sioconf.suite.interop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Servers nobody prepared for sioconf ({@code interop/plain/}): python-socketio from Debian and the
 * newest socket.io 4.x from npm, each with its default settings and without the server contract of
 * spec/eio4.md section 23 (no echo, no {@code /custom}, no auth event). Each is started and then
 * checked exactly as a user would check it, through the CLI with only its URL and a name: the
 * profile and the settings are discovered, not declared. The CLI compares the verdicts with the
 * committed baseline {@code interop/baselines/<server>-plain.txt} and exits 0 only when they are
 * equal.
 *
 * <p>{@code -Dsioconf.interop.updateBaseline=true} has the CLI write the baseline instead.
 */
@Execution(ExecutionMode.SAME_THREAD)
@ResourceLock(ServerProcess.INTEROP_LOCK)
class PlainServersIT {

    /** The socket.io of npm alias {@code socket.io-4-newest} in interop/package.json. */
    static final String NEWEST_SOCKET_IO = "4.8.4";
    /** Debian bookworm's python3-socketio (on python3-engineio 4.3.4 and python3-aiohttp 3.8.4). */
    static final String DEBIAN_PYTHON_SOCKETIO = "5.7.2";

    /**
     * One run took about 155 s: three ping cycles of the default 25 s + 20 s bound its longest case.
     * Twice that, and some, before the run counts as hung.
     */
    static final Duration CLI_LIMIT = Duration.ofMinutes(6);

    enum Launcher { NODE, PYTHON }

    /** A plain server: its script in interop/ and the name its report and baseline go by. */
    record Plain(String name, String script, Launcher launcher) {

        ServerProcess start(Path log) throws IOException, InterruptedException {
            // PORT 0 (ServerProcess's default): both scripts then take a free port.
            return switch (launcher) {
                case NODE -> ServerProcess.start(script, Map.of(), log);
                case PYTHON -> ServerProcess.startPython(script, Map.of(), log);
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Plain> SERVERS = List.of(
            new Plain("python-socketio-" + DEBIAN_PYTHON_SOCKETIO, "plain/python-socketio-server.py", Launcher.PYTHON),
            new Plain("socket.io-" + NEWEST_SOCKET_IO, "plain/socket.io-server.js", Launcher.NODE));

    /**
     * Both servers are checked at once (issue 18, part 3): each run is bound by one case that
     * watches three ping cycles of the default 25 s + 20 s and waits most of its time, so the two
     * runs share the two cores; one after the other they took 297 s, about 150 s each. One test
     * with a thread per server keeps them together, whatever JUnit's parallel settings.
     */
    @Test
    void theCliRunsTheSuiteAgainstEachPlainServer() throws Exception {
        List<CompletableFuture<Void>> runs = SERVERS.stream().map(plain -> CompletableFuture.runAsync(() -> {
            try {
                check(plain);
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        }, runner(plain))).toList();
        List<Throwable> failures = new ArrayList<>();
        for (CompletableFuture<Void> run : runs) {
            try {
                run.join();
            } catch (CompletionException e) {
                failures.add(e.getCause());
            }
        }
        if (!failures.isEmpty()) {
            AssertionError all = new AssertionError(failures.size() + " of " + SERVERS.size() + " plain servers differ: "
                    + failures.stream().map(Throwable::getMessage).reduce((a, b) -> a + "\n\n" + b).orElse(""));
            failures.forEach(all::addSuppressed);
            throw all;
        }
    }

    private static java.util.concurrent.Executor runner(Plain plain) {
        return task -> {
            Thread t = new Thread(task, "plain-" + plain.name());
            t.setDaemon(true);
            t.start();
        };
    }

    private void check(Plain plain) throws Exception {
        if (plain.launcher() == Launcher.NODE) {
            assertThat(installedSocketIoNewest()).as("socket.io-4-newest in interop/node_modules; PlainServersIT names its"
                    + " baseline after %s: update NEWEST_SOCKET_IO with the alias", NEWEST_SOCKET_IO).isEqualTo(NEWEST_SOCKET_IO);
        }
        Path report = reportDir(plain);
        Path log = report.resolveSibling(report.getFileName() + "-server.log");
        Path baseline = baselineFile(plain);
        boolean update = Boolean.getBoolean(SocketIo0919InteropIT.UPDATE);
        if (update) {
            Files.createDirectories(baseline.getParent());
        }
        Path out = report.resolveSibling(report.getFileName() + "-cli.out");
        Path err = report.resolveSibling(report.getFileName() + "-cli.err");
        int status;
        try (ServerProcess server = plain.start(log)) {
            List<String> args = new ArrayList<>(List.of(
                    "--target", server.baseUri().toString(),
                    "--name", plain.name() + "/plain",
                    "--report", report.toString()));
            args.add(update ? "--write-baseline" : "--baseline");
            args.add(baseline.toString());
            status = runCli(args, out, err);
        }
        String said = "sioconf said on stdout:\n" + Files.readString(out) + "\nand on stderr:\n" + Files.readString(err)
                + "\nreport in " + report + "; server log " + log + ":\n" + ServerProcess.tail(log);
        System.out.println(plain.name() + " (plain): exit " + status + "; report " + report);
        if (update) {
            // A server that fails a MUST exits 1 while its baseline is written; only bad usage or no endpoint is 2.
            assertThat(status).as("writing %s; %s", baseline, said).isIn(0, 1);
            assertThat(baseline).as("written by --write-baseline; %s", said).isRegularFile();
            System.out.println("wrote " + baseline);
            return;
        }
        // The CLI judges the baseline (a missing one included); this only adds what to do about it.
        String hint = Files.isRegularFile(baseline)
                ? "a difference from the baseline: find out why and document it in interop/baselines/README.md, then rerun with -D"
                        + SocketIo0919InteropIT.UPDATE + "=true"
                : "there is no baseline yet: write it with -D" + SocketIo0919InteropIT.UPDATE + "=true and review it";
        assertThat(status).as("sioconf's exit status against %s, unprepared, with --baseline %s (%s); %s",
                plain, baseline, hint, said).isZero();
    }

    /**
     * The CLI as a user runs it, {@code java -jar suite/target/sioconf.jar}, in a JVM of its own:
     * its exit status and output are exactly what a user gets, and its two suites do not share this
     * JVM's heap with the reference servers the other ITs run here.
     */
    private static int runCli(List<String> args, Path out, Path err) throws IOException, InterruptedException {
        Path jar = Path.of(System.getProperty("sioconf.cli.jar", "target/sioconf.jar")).toAbsolutePath();
        assertThat(jar).as("the CLI is built by `mvn package` before the ITs run").isRegularFile();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        command.addAll(args);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Process cli = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
        try {
            if (!cli.waitFor(CLI_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new AssertionError("the CLI did not end within " + CLI_LIMIT + ": " + String.join(" ", command)
                        + "\nits stdout so far:\n" + ServerProcess.tail(out));
            }
            return cli.exitValue();
        } finally {
            ServerProcess.stop(cli);
        }
    }

    private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

    static String installedSocketIoNewest() throws IOException {
        String json = Files.readString(ServerProcess.interopDir().resolve("node_modules/socket.io-4-newest/package.json"),
                StandardCharsets.UTF_8);
        Matcher m = VERSION.matcher(json);
        return m.find() ? m.group(1) : "(no version in its package.json)";
    }

    static Path baselineFile(Plain plain) {
        return ServerProcess.interopDir().resolve("baselines").resolve(plain.name() + "-plain.txt");
    }

    static Path reportDir(Plain plain) {
        return Path.of(System.getProperty("sioconf.interop.report", "target/interop-report")).resolve("plain-" + plain.name());
    }
}
