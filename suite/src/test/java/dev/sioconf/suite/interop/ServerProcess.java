package dev.sioconf.suite.interop;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A third-party server of {@code interop/}, a script run by node or by Debian's python, or a runnable
 * jar run by java:
 * started with its settings in the environment, ready once it printed {@code listening <port>}
 * (within a bound), and stopped with its whole process tree, SIGTERM first. It also exits on its
 * own when this JVM dies, because its stdin (a pipe from here) ends then.
 */
final class ServerProcess implements AutoCloseable {

    /**
     * Held by every interop IT for its whole run: the timing cases of one run should not compete for
     * two cores with the node servers and cases of another.
     */
    static final String INTEROP_LOCK = "sioconf-interop-node";

    static final Duration START_LIMIT = Duration.ofSeconds(20);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private ServerProcess(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The {@code interop/} folder with its npm packages installed, or a failure that says how to install them. */
    static Path interopDir() {
        Path dir = Path.of(System.getProperty("sioconf.interop.dir", "../interop")).toAbsolutePath().normalize();
        Path socketIo = dir.resolve("node_modules/socket.io-4-newest/package.json"); // the last pinned package added
        if (!Files.isRegularFile(socketIo)) {
            throw new IllegalStateException("the pinned socket.io packages are not (all) installed in " + dir.resolve("node_modules")
                    + ": run `npm ci --prefix " + dir + "` first (.ci/run does)");
        }
        return dir;
    }

    /**
     * @param script  e.g. {@code legacy-server.js}, in {@code interop/}
     * @param env     the script's settings (PORT is 0 unless env sets it)
     * @param log     where the script's stderr goes
     */
    static ServerProcess start(String script, Map<String, String> env, Path log) throws IOException, InterruptedException {
        return start(List.of("node", script), script, env, log, "is Node.js 20 on the PATH?");
    }

    /** Debian's python, which sees the packages apt-get installs (a pyenv or venv python on the PATH may not). */
    static final String DEBIAN_PYTHON = "/usr/bin/python3";
    /** The Debian packages of the python servers, e.g. {@code plain/python-socketio-server.py}. */
    static final List<String> PYTHON_PACKAGES = List.of("python3-socketio", "python3-aiohttp");
    private static final Duration PYTHON_CHECK_LIMIT = Duration.ofSeconds(10);

    /**
     * A python script of {@code interop/} run by {@link #DEBIAN_PYTHON}, after checking that it can
     * import socketio and aiohttp (a failure says which Debian packages to install).
     *
     * @param script  e.g. {@code plain/python-socketio-server.py}, in {@code interop/}
     * @param env     the script's settings (PORT is 0 unless env sets it)
     * @param log     where the script's stderr goes
     */
    static ServerProcess startPython(String script, Map<String, String> env, Path log) throws IOException, InterruptedException {
        requireDebianPythonPackages();
        return start(List.of(DEBIAN_PYTHON, script), script, env, log, "is " + DEBIAN_PYTHON + " installed?");
    }

    private static void requireDebianPythonPackages() throws IOException, InterruptedException {
        String install = "`apt-get install " + String.join(" ", PYTHON_PACKAGES) + "` (.ci/run does)";
        if (!Files.isExecutable(Path.of(DEBIAN_PYTHON))) {
            throw new IllegalStateException(DEBIAN_PYTHON + " is not installed: run .ci/run, or " + install);
        }
        Process check = new ProcessBuilder(DEBIAN_PYTHON, "-c", "import socketio, engineio, aiohttp")
                .redirectErrorStream(true).start();
        check.getOutputStream().close();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                return "(unreadable: " + e.getMessage() + ")";
            }
        }, ServerProcess::daemon);
        if (!check.waitFor(PYTHON_CHECK_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            stop(check);
            throw new IllegalStateException(DEBIAN_PYTHON + " -c 'import socketio, engineio, aiohttp' did not end within "
                    + PYTHON_CHECK_LIMIT);
        }
        if (check.exitValue() != 0) {
            String said;
            try {
                said = output.get(PYTHON_CHECK_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                said = "(no output)";
            }
            String last = said.lines().reduce((a, b) -> b).orElse("(no output)");
            throw new IllegalStateException("the Debian packages of the python servers are missing (" + DEBIAN_PYTHON
                    + " says: " + last + "): run .ci/run, or " + install);
        }
    }

    /**
     * The runnable jar {@code interop/<module>/target/<jar>}, built by the reactor before this
     * module (netty-socketio), run by the java that runs this JVM.
     */
    static ServerProcess startJar(String jar, Map<String, String> env, Path log) throws IOException, InterruptedException {
        Path path = interopDir().resolve(jar);
        if (!Files.isRegularFile(path)) {
            throw new IllegalStateException(path + " is not built: run `mvn -B package` from the top (the reactor builds it before suite)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return start(List.of(java, "-Xmx256m", "-jar", path.toString()), jar, env, log, "is " + java + " there?");
    }

    private static ServerProcess start(List<String> command, String script, Map<String, String> env, Path log,
            String cannotRunHint) throws IOException, InterruptedException {
        Path dir = interopDir();
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectError(log.toFile());
        pb.environment().put("PORT", "0");
        pb.environment().putAll(env); // a script may want PORT otherwise: modern-server.js takes "" (not "0") for a free port
        pb.environment().put("EXIT_WITH_STDIN", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + command.get(0) + " (" + cannotRunHint + "): " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }, ServerProcess::daemon);
        String line;
        try {
            line = firstLine.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            line = null;
        }
        Matcher m = line == null ? null : LISTENING.matcher(line.trim());
        if (m == null || !m.matches()) {
            stop(process);
            throw new IllegalStateException(script + " did not print `listening <port>` within " + START_LIMIT
                    + " (first line: " + line + ", exit: " + (process.isAlive() ? "still running" : process.exitValue())
                    + "); stderr: " + tail(log));
        }
        // Drain anything else it prints, so that a full pipe can never block it.
        daemon(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing
                }
            } catch (IOException e) {
                // it ended
            }
        });
        return new ServerProcess(process, Integer.parseInt(m.group(1)), log);
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        stop(process);
    }

    /** SIGTERM to the process and its descendants, then SIGKILL to whatever is left after the grace period. */
    static void stop(Process process) {
        List<ProcessHandle> tree = new ArrayList<>();
        process.descendants().forEach(tree::add);
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        for (ProcessHandle h : tree) {
            try {
                h.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException | TimeoutException e) {
                // killed below
            }
        }
        tree.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.length() > 2000 ? "..." + s.substring(s.length() - 2000) : s;
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static void daemon(Runnable task) {
        Thread t = new Thread(task, "sioconf-node-out");
        t.setDaemon(true);
        t.start();
    }
}
