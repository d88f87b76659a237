package dev.sioconf.server.legacy.interop;

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

/** Runs a script of {@code interop/} with node, bounded in time, and reads the JSON line it prints last. */
final class NodeClient {

    private NodeClient() {
    }

    static Path interopDir() {
        Path dir = Path.of(System.getProperty("sioconf.interop.dir", "../interop")).toAbsolutePath().normalize();
        if (!Files.isDirectory(dir.resolve("node_modules"))) {
            throw new IllegalStateException("the npm clients are not installed: run `npm ci` in " + dir);
        }
        return dir;
    }

    /** The script's last stdout line as JSON; fails with its output when it does not end in time. */
    static JsonNode run(Duration limit, String script, String... args) throws IOException, InterruptedException {
        Path dir = interopDir();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(List.of(args));
        Path log = Files.createTempFile("sioconf-node", ".log");
        Process process = new ProcessBuilder(command).directory(dir.toFile())
                .redirectErrorStream(false).redirectError(log.toFile()).start();
        byte[] out;
        try {
            if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError(String.join(" ", command) + " did not end within " + limit
                        + "; stderr: " + Files.readString(log));
            }
            out = process.getInputStream().readAllBytes();
        } finally {
            process.destroyForcibly();
        }
        String stdout = new String(out, StandardCharsets.UTF_8).trim();
        String last = stdout.isEmpty() ? "" : stdout.substring(stdout.lastIndexOf('\n') + 1);
        if (!last.startsWith("{")) {
            throw new AssertionError(String.join(" ", command) + " exited " + process.exitValue()
                    + " without a JSON result; stdout: " + stdout + "; stderr: " + Files.readString(log));
        }
        Files.deleteIfExists(log);
        return new ObjectMapper().readTree(last);
    }
}
