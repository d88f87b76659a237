package dev.sioconf.server.interop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a client script of {@code interop/} with node, bounded in time, and reads the JSON line it prints last. */
final class NodeScript {

    private NodeScript() {
    }

    /** The {@code interop/} folder with the socket.io 4.8.1 packages installed, or a failure saying how to get them. */
    static Path interopDir() {
        Path dir = Path.of(System.getProperty("sioconf.interop.dir", "../interop")).toAbsolutePath().normalize();
        for (String pkg : List.of("socket.io-4", "socket.io-client-4")) {
            if (!Files.isRegularFile(dir.resolve("node_modules").resolve(pkg).resolve("package.json"))) {
                throw new IllegalStateException(pkg + " is not installed in " + dir.resolve("node_modules")
                        + ": run `npm ci` in " + dir);
            }
        }
        return dir;
    }

    /** A finished run: the exit code and the JSON line. */
    record Result(int exitCode, JsonNode json) {
    }

    /** Runs {@code node script args...}; fails with its output when it does not end within {@code limit} or prints no JSON. */
    static Result run(Duration limit, String script, List<String> args) throws IOException, InterruptedException {
        Path dir = interopDir();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(args);
        Path out = Files.createTempFile("sioconf-node-out", ".log");
        Path err = Files.createTempFile("sioconf-node-err", ".log");
        try {
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            process.getOutputStream().close();
            try {
                if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new AssertionError(String.join(" ", command) + " did not end within " + limit
                            + "; stderr: " + NodeServer.tail(err));
                }
            } finally {
                process.destroyForcibly();
            }
            String stdout = Files.readString(out, StandardCharsets.UTF_8).trim();
            String last = stdout.isEmpty() ? "" : stdout.substring(stdout.lastIndexOf('\n') + 1);
            if (!last.startsWith("{")) {
                throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue()
                        + " without a JSON result; stdout: " + stdout + "; stderr: " + NodeServer.tail(err));
            }
            return new Result(process.exitValue(), new ObjectMapper().readTree(last));
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }
}
