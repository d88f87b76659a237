package dev.sioconf.reports.html;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Debian's headless Chromium, started once per call with a fresh profile and a bounded wait. */
final class Chromium {

    static final Duration BOUND = Duration.ofSeconds(90);
    private static final List<String> NAMES = List.of("chromium", "chromium-browser");

    private final Path binary;

    private Chromium(Path binary) {
        this.binary = binary;
    }

    /**
     * The browser on PATH. Without one the test is skipped on a developer's machine, but fails
     * under CI (CI=true), where the build installs it and a silent skip would hide a broken install.
     */
    static Chromium required() {
        Optional<Path> found = find();
        if (found.isEmpty()) {
            String why = "no chromium on PATH (Debian: apt-get install -y chromium)";
            if ("true".equals(System.getenv("CI"))) {
                fail(why);
            }
            assumeTrue(false, why);
        }
        return new Chromium(found.get());
    }

    static Optional<Path> find() {
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        for (String dir : path.split(File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(dir, name);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    void screenshot(Path page, Path png, Path work) throws IOException, InterruptedException {
        run(work, "screenshot", "--screenshot=" + png, "--window-size=1400,1000", page.toUri().toString());
    }

    /** The DOM after parsing, as Chromium prints it. */
    String dumpDom(Path page, Path work) throws IOException, InterruptedException {
        Path out = run(work, "dom", "--dump-dom", page.toUri().toString());
        return Files.readString(out);
    }

    /** Runs Chromium; returns the file its standard output went to. */
    private Path run(Path work, String label, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createTempDirectory(work, "profile-" + label)));
        command.addAll(List.of(args));
        Path stdout = work.resolve(label + ".out");
        Path stderr = work.resolve(label + ".err");
        // to files, not pipes: a full pipe would stall the browser and the wait below would time out
        Process p = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null"))).start();
        if (!p.waitFor(BOUND.toSeconds(), TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
            fail("chromium " + label + " did not finish within " + BOUND.toSeconds() + " s; stderr:\n" + tail(stderr));
        }
        if (p.exitValue() != 0) {
            fail("chromium " + label + " exited " + p.exitValue() + "; stderr:\n" + tail(stderr));
        }
        return stdout;
    }

    private static String tail(Path file) throws IOException {
        String s = Files.exists(file) ? Files.readString(file) : "";
        return s.length() <= 4000 ? s : s.substring(s.length() - 4000);
    }
}
