package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import picocli.CommandLine.Option;

/**
 * What a run does with its results, for servers and clients alike: the options that say which
 * cases run and where the report, the baseline and the console's summary go, and the summary
 * itself with the exit status.
 */
public final class RunOutput {

    /** How many of the slowest cases a run names at its end (not with --quiet). */
    static final int SLOWEST = 10;

    /**
     * What the run was: its profiles, each target's declared settings in one line, the targets in
     * the order they were named, a line per target on how much of the catalogue it was checked on.
     */
    record Run(String profiles, Map<String, String> declared, List<String> targetNames, List<String> coverage, Selection selection) {
    }

    @Option(names = "--report", paramLabel = "DIR", description = "Where the report goes: index.html, a page per case, results.json, junit.xml, every case's whole wire log "
            + "in wire-logs.jsonl.gz (default: ${DEFAULT-VALUE}).")
    Path report = Path.of("target", "sioconf-report");

    @Option(names = "--select", paramLabel = "ID-PREFIX",
            description = "Only cases whose requirement id starts so, e.g. EIO4 (a catalogue), LEG-9 (a section) or LEG-9.1; repeatable.")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", paramLabel = "ID-PREFIX", description = "Leave out cases whose requirement id starts so; repeatable.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--baseline", paramLabel = "FILE",
            description = "Compare the verdicts with a baseline (the format of interop/baselines/): exit 0 when every line is unchanged, "
                    + "1 with the diff when one changed, whatever the verdicts are.")
    Path baseline;

    @Option(names = "--write-baseline", paramLabel = "FILE", description = "Write this run's verdicts as a baseline for --baseline.")
    Path writeBaseline;

    @Option(names = "--quiet", description = "No line per case: only what did not pass, in case order, and the summary.")
    boolean quiet;

    Selection selection() {
        return Selection.checked(select, exclude);
    }

    ProgressPrinter progress(PrintWriter out) {
        return new ProgressPrinter(out, quiet);
    }

    /** Writes the report, prints the summary, writes or compares the baseline, and returns the exit status. */
    int finish(PrintWriter out, PrintWriter err, Run run, List<CaseResult> results, ProgressPrinter progress) throws IOException {
        Map<String, String> declared = run.declared();
        Path index = ReportWriter.write(report, run.profiles(), declared, results);

        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        results.forEach(r -> counts.merge(r.verdict(), 1L, Long::sum));
        ProgressPrinter.misses(out, results);
        out.println();
        out.println(results.size() + " results: " + counts.entrySet().stream()
                .map(e -> e.getValue() + " " + e.getKey()).collect(Collectors.joining(", ")));
        progress.spans().forEach(span -> out.println("  " + span.describe()));
        run.coverage().forEach(line -> out.println("  " + line));
        if (!quiet && results.size() > SLOWEST) {
            out.println("The " + SLOWEST + " slowest cases:");
            progress.slowest(SLOWEST).forEach(r -> out.println("  " + ResultsCollector.describeTime(r)));
        }
        out.println("report:  " + index.toAbsolutePath());
        out.println("results: " + index.resolveSibling(ResultsJson.FILE_NAME).toAbsolutePath());
        out.println("junit:   " + index.resolveSibling(dev.sioconf.reports.JunitXml.FILE_NAME).toAbsolutePath());
        if (!results.isEmpty()) {
            out.println(verdict(results));
        }
        if (results.isEmpty()) {
            err.println("sioconf: no case matched " + run.selection().describe());
            return 2;
        }
        Map<String, List<CaseResult>> byTarget = byTarget(results, run.targetNames());
        if (writeBaseline != null) {
            Baseline.write(writeBaseline, baselineHeader(declared), byTarget);
            out.println("baseline written: " + writeBaseline.toAbsolutePath());
        }
        if (baseline != null) {
            String diff = Baseline.diff(Baseline.read(baseline), byTarget);
            if (!diff.isEmpty()) {
                out.println("verdicts differ from the baseline " + baseline + " (- in the baseline only, + in this run only):");
                out.print(diff.endsWith("\n") ? diff : diff + "\n");
                return 1;
            }
            out.println("verdicts equal the baseline " + baseline);
            return 0;
        }
        return results.stream().anyMatch(r -> r.verdict().breaksConformance()) ? 1 : 0;
    }

    /** The run in one sentence: how many MUSTs failed, and whether the harness broke. */
    public static String verdict(List<CaseResult> results) {
        long musts = results.stream().filter(r -> r.verdict() == Verdict.FAIL).map(r -> r.target() + " " + r.requirement()).distinct().count();
        long errors = results.stream().filter(r -> r.verdict() == Verdict.ERROR).count();
        long shoulds = results.stream().filter(r -> r.verdict() == Verdict.NON_STRICT).map(r -> r.target() + " " + r.requirement())
                .distinct().count();
        String s = musts == 0 ? "No MUST failed" : musts + (musts == 1 ? " MUST failed" : " MUSTs failed");
        s += shoulds == 0 ? "" : "; " + shoulds + (shoulds == 1 ? " SHOULD was" : " SHOULDs were") + " missed";
        s += errors == 0 ? "." : "; the harness failed on " + errors + (errors == 1 ? " case" : " cases") + " (ERROR).";
        return s;
    }

    /** The results of each target, in the order the targets were named. */
    private static Map<String, List<CaseResult>> byTarget(List<CaseResult> results, List<String> names) {
        Map<String, List<CaseResult>> by = new LinkedHashMap<>();
        names.forEach(n -> by.put(n, new ArrayList<>()));
        results.forEach(r -> by.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r));
        by.values().removeIf(List::isEmpty);
        return by;
    }

    private static String baselineHeader(Map<String, String> declared) {
        StringBuilder h = new StringBuilder("# sioconf verdicts, written by --write-baseline; compare a later run with --baseline.\n"
                + "# One line per case and transport: requirement, case, transport (- when not per transport), verdict;\n"
                + "# A|B allows either verdict for a line that varies from run to run.\n");
        // without the URL, whose port changes from run to run
        declared.forEach((n, d) -> h.append("# ").append(n).append(": ").append(d.replaceFirst("^https?://\\S+ ", "")).append('\n'));
        return h.toString();
    }

}
