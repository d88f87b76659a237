package dev.sioconf.suite.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** One run of the sioconf CLI in this JVM: its exit status and all it wrote. */
public record CliRun(int exit, String out, String err) {

    /** On byte streams, as main runs it: what a run writes must all reach them (the baseline diff once did not). */
    public static CliRun sioconf(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = SioconfMain.run(new PrintStream(out, false, StandardCharsets.UTF_8), new PrintStream(err, false, StandardCharsets.UTF_8),
                args);
        return new CliRun(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
