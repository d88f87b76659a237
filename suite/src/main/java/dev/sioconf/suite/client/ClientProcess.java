package dev.sioconf.suite.client;

import dev.sioconf.suite.wire.WireLog;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client under test, run as its command with {@code SIOCONF_URL} set to the tester's base URL.
 * What it prints goes into the case's wire log as notes (the first lines of it), and it is
 * stopped, with its children, when the case ends.
 */
public final class ClientProcess implements AutoCloseable {

    public static final String URL_VARIABLE = "SIOCONF_URL";
    private static final int MAX_OUTPUT_LINES = 200;

    private final Process process;

    private ClientProcess(Process process) {
        this.process = process;
    }

    public static ClientProcess start(ClientTarget client, URI base, WireLog log) {
        ProcessBuilder builder = new ProcessBuilder(client.command()).redirectErrorStream(true);
        builder.environment().put(URL_VARIABLE, base.toString());
        log.note("client started: " + String.join(" ", client.command()) + " with " + URL_VARIABLE + "=" + base);
        Process p;
        try {
            p = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the client " + String.join(" ", client.command()) + ": " + e.getMessage(), e);
        }
        Thread reader = new Thread(() -> copyOutput(p, log), "sioconf-client-out");
        reader.setDaemon(true);
        reader.start();
        return new ClientProcess(p);
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** The exit status if the client has ended, for a note when it ended before the case did. */
    public String state() {
        return process.isAlive() ? "running" : "exited with status " + process.exitValue();
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        try {
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void copyOutput(Process p, WireLog log) {
        AtomicInteger lines = new AtomicInteger();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (lines.incrementAndGet() <= MAX_OUTPUT_LINES) {
                    log.note("client: " + line);
                }
            }
        } catch (IOException ignored) {
            // the process went away
        }
    }
}
