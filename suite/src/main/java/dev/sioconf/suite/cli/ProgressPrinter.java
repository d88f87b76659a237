package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.Verdict;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicInteger;

/** One line per finished case as the run goes, with Expected/Actual under anything that is not a pass. */
final class ProgressPrinter extends ResultsCollector {

    private final PrintWriter out;
    private final AtomicInteger done = new AtomicInteger();

    ProgressPrinter(PrintWriter out) {
        this.out = out;
    }

    @Override
    protected void onResult(CaseResult r) {
        StringBuilder line = new StringBuilder();
        line.append(String.format("[%4d] %-13s %-9s %s  %s · %s (%d ms)", done.incrementAndGet(), r.verdict(),
                r.requirement(), r.id(), r.target(), r.transport(), r.durationMillis()));
        if (r.verdict() != Verdict.PASS) {
            if (!r.expected().isEmpty() || !r.actual().isEmpty()) {
                line.append("\n         Expected: ").append(oneLine(r.expected()))
                        .append("\n         Actual:   ").append(oneLine(r.actual()));
            } else if (!r.message().isEmpty()) {
                line.append("\n         ").append(oneLine(r.message()));
            }
        }
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }

    static String oneLine(String s) {
        String flat = s.replace("\r", "\\r").replace("\n", "\\n").replace("\ufffd", "\\ufffd");
        return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
    }
}
