package dev.sioconf.server.interop;

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
 * A server script of {@code interop/} (here {@code modern-server.js}, the real socket.io 4.8.1)
 * run by node on 127.0.0.1 and a free port: ready once it printed {@code listening <port>}
 * (within a bound), stopped with SIGTERM and, after a grace period, SIGKILL. It exits by itself
 * when this JVM dies, since its stdin (a pipe from here) ends then.
 */
final class NodeServer implements ServerUnderTest {

    static final Duration START_LIMIT = Duration.ofSeconds(20);
    static final Duration STOP_GRACE = Duration.ofSeconds(5);
    private static final Pattern LISTENING = Pattern.compile("listening (\\d+)");

    private final Process process;
    private final int port;
    private final Path log;

    private NodeServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static NodeServer start(String script) throws IOException, InterruptedException {
        return start(script, Map.of());
    }

    /** Starts {@code script} with {@code env} added to its environment (PORT is always left unset, for a free port). */
    static NodeServer start(String script, Map<String, String> env) throws IOException, InterruptedException {
        Path dir = NodeScript.interopDir();
        Path log = Files.createTempFile("sioconf-" + script, ".log");
        ProcessBuilder pb = new ProcessBuilder(List.of("node", script)).directory(dir.toFile())
                .redirectError(log.toFile());
        pb.environment().putAll(env);
        // no PORT: the script then takes a free one (modern-server.js refuses PORT=0, despite its header)
        pb.environment().remove("PORT");
        pb.environment().put("EXIT_WITH_STDIN", "1");
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot run node (is Node.js 20 on the PATH?): " + e.getMessage(), e);
        }
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> firstLine = CompletableFuture.supplyAsync(() -> {
            try {
                return out.readLine();
            } catch (IOException e) {
                return null;
            }
        }, NodeServer::daemon);
        String line;
        try {
            line = firstLine.get(START_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            line = null;
        }
        Matcher m = line == null ? null : LISTENING.matcher(line.trim());
        if (m == null || !m.matches()) {
            stop(process);
            throw new IllegalStateException("node " + script + " did not print `listening <port>` within " + START_LIMIT
                    + " (first line: " + line + "); stderr: " + tail(log));
        }
        // Drain whatever else it prints, so that a full pipe never blocks it.
        daemon(() -> {
            try {
                while (out.readLine() != null) {
                    // nothing
                }
            } catch (IOException e) {
                // it ended
            }
        });
        return new NodeServer(process, Integer.parseInt(m.group(1)), log);
    }

    @Override
    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    @Override
    public String diagnostics() {
        return "server stderr: " + tail(log);
    }

    @Override
    public void close() {
        stop(process);
        try {
            Files.deleteIfExists(log);
        } catch (IOException e) {
            // a temp file left behind
        }
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

    static String tail(Path file) {
        try {
            String s = Files.readString(file);
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
