package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
import dev.sioconf.suite.junit.ProgressLines;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One line per finished case as the run goes (cases run side by side, so in the order they end),
 * with what was checked and Expected/Actual under anything that is not a pass; quiet, only a count
 * now and then. {@link #misses} lists what did not pass again at the end, in case order.
 */
final class ProgressPrinter extends ResultsCollector {

    /** AssertJ puts the description given with {@code as(...)} in brackets before its message. */
    private static final Pattern DESCRIBED = Pattern.compile("^\\[([^\\]]*)\\]\\s*(.*)$", Pattern.DOTALL);
    private static final int QUIET_EVERY = 100;

    private final PrintWriter out;
    private final boolean quiet;
    private final AtomicInteger done = new AtomicInteger();

    ProgressPrinter(PrintWriter out, boolean quiet) {
        this.out = out;
        this.quiet = quiet;
    }

    @Override
    protected void onResult(CaseResult r) {
        int n = done.incrementAndGet();
        if (quiet) {
            if (n % QUIET_EVERY == 0) {
                synchronized (out) {
                    out.println("  ... " + n + " cases done");
                }
            }
            return;
        }
        synchronized (out) {
            out.println(String.format("[%4d] ", n) + line(r));
            out.flush();
        }
    }

    /** The results that did not pass, in case order, each with its reason: the end of a run's output. */
    static void misses(PrintWriter out, List<CaseResult> results) {
        List<CaseResult> misses = results.stream()
                .filter(r -> r.verdict() != Verdict.PASS && r.verdict() != Verdict.SKIPPED && r.verdict() != Verdict.UNIMPLEMENTED)
                .sorted(ResultsJson.ORDER).toList();
        if (misses.isEmpty()) {
            return;
        }
        out.println();
        out.println("Not passed, in case order (" + misses.size() + "):");
        misses.forEach(r -> out.println(line(r)));
    }

    static String line(CaseResult r) {
        StringBuilder line = new StringBuilder(String.format("%-13s %-9s %s  %s · %s (%d ms)", r.verdict(),
                r.requirement(), r.id(), r.target(), r.transport(), r.durationMillis()));
        if (r.verdict() == Verdict.PASS) {
            return line.toString();
        }
        Matcher m = DESCRIBED.matcher(r.message());
        String what = m.matches() ? m.group(1) : "";
        if (!r.expected().isEmpty() || !r.actual().isEmpty()) {
            if (!what.isEmpty()) {
                line.append("\n         Checked:  ").append(oneLine(what));
            }
            if (r.message().startsWith(ProgressLines.FINDING)) {
                line.append("\n         ").append(oneLine(r.message().lines().findFirst().orElse("")));
            }
            line.append("\n         Expected: ").append(oneLine(r.expected()))
                    .append("\n         Actual:   ").append(oneLine(r.actual()));
            r.message().lines().filter(l -> l.startsWith(ProgressLines.MISMATCH)).forEach(l -> line.append("\n         ").append(l));
        } else if (!r.message().isEmpty()) {
            String text = m.matches() ? what + ": " + m.group(2) : r.message();
            text.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).limit(6)
                    .forEach(l -> line.append("\n         ").append(oneLine(l)));
        }
        return line.toString();
    }

    /** One line of a value; control characters written as escapes so that the line stays one. */
    static String oneLine(String s) {
        String flat = s.replace("\r", "\\r").replace("\n", "\\n").replace("\ufffd", "\\ufffd");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
