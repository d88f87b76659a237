package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsJson;
import dev.sioconf.reports.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A committed record of a run's verdicts, one line per result: {@code REQUIREMENT Class.method
 * TRANSPORT VERDICT}, in {@link ResultsJson#ORDER}. Lines starting with {@code #} and blank lines
 * are comments. A baseline's verdict may list several, {@code PASS|FAIL}, for a server whose
 * behaviour varies from run to run. A line {@code target: NAME} starts the lines of target NAME;
 * lines before any such line belong to the only target of a one-target run, so a one-target
 * baseline has no {@code target:} line at all.
 */
public final class Baseline {

    /** The key, in a read baseline, of the lines that come before any {@code target:} line. */
    public static final String UNNAMED = "";
    static final String TARGET = "target:";

    private Baseline() {
    }

    /** {@code LEG-9.1 PollingCases.emptyPoll xhr-polling PASS}. */
    public static String line(CaseResult r) {
        return r.requirement() + " " + r.id() + " " + r.transport() + " " + r.verdict();
    }

    /** The results' lines in report order. */
    public static List<String> lines(List<CaseResult> results) {
        return results.stream().sorted(ResultsJson.ORDER).map(Baseline::line).toList();
    }

    // ---- reading --------------------------------------------------------------------------------

    /** The file's lines per target, in file order; see {@link #parse}. */
    public static Map<String, List<String>> read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /**
     * The lines of each target, in the text's order; the lines before any {@code target:} line are
     * under {@link #UNNAMED}, present only when there are some.
     *
     * @param source names the text in error messages, e.g. its file
     * @throws IllegalArgumentException naming {@code source} and the line number of a malformed line
     */
    public static Map<String, List<String>> parse(String text, String source) {
        Map<String, List<String>> targets = new LinkedHashMap<>();
        String current = UNNAMED;
        int number = 0;
        for (String raw : text.split("\r?\n", -1)) {
            number++;
            String l = raw.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            if (l.startsWith(TARGET)) {
                current = l.substring(TARGET.length()).strip();
                String problem = current.isEmpty() ? "a target: line without a name"
                        : targets.containsKey(current) ? "target '" + current + "' a second time"
                        : targets.containsKey(UNNAMED) ? "a target: line after result lines that belong to no target" : null;
                if (problem != null) {
                    throw malformed(source, number, problem);
                }
                targets.put(current, new ArrayList<>());
                continue;
            }
            targets.computeIfAbsent(current, k -> new ArrayList<>()).add(checked(l, source, number));
        }
        targets.replaceAll((k, v) -> List.copyOf(v));
        return targets;
    }

    /** The line with its fields one space apart, when it has four and a known verdict (or several, {@code A|B}). */
    private static String checked(String line, String source, int number) {
        String[] fields = line.split("\\s+");
        if (fields.length != 4) {
            throw malformed(source, number, "expected 4 fields (requirement, case, transport, verdict) but found "
                    + fields.length + ": " + line);
        }
        for (String verdict : fields[3].split("\\|", -1)) {
            if (Arrays.stream(Verdict.values()).noneMatch(v -> v.name().equals(verdict))) {
                throw malformed(source, number, "unknown verdict '" + verdict + "' (known: "
                        + Arrays.stream(Verdict.values()).map(Verdict::name).collect(Collectors.joining(", ")) + "): " + line);
            }
        }
        return String.join(" ", fields);
    }

    private static IllegalArgumentException malformed(String source, int number, String problem) {
        return new IllegalArgumentException(source + ":" + number + ": " + problem);
    }

    // ---- writing --------------------------------------------------------------------------------

    /** Writes {@link #text} of the results' lines, each target's sorted in report order. */
    public static void write(Path file, String header, Map<String, List<CaseResult>> resultsByTarget) throws IOException {
        Map<String, List<String>> lines = new LinkedHashMap<>();
        resultsByTarget.forEach((target, results) -> lines.put(target, lines(results)));
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        Files.writeString(file, text(header, lines), StandardCharsets.UTF_8);
    }

    /**
     * The header, then the lines; with several targets each target's lines come after a blank line
     * and {@code target: NAME}, in the map's order, and with one target there is no {@code target:} line.
     *
     * @param header {@code #} lines (or blank ones), with or without a last newline
     */
    public static String text(String header, Map<String, List<String>> linesByTarget) {
        StringBuilder out = new StringBuilder();
        for (String h : header.lines().toList()) {
            if (!h.isBlank() && !h.startsWith("#")) {
                throw new IllegalArgumentException("a baseline header line must start with #: " + h);
            }
            out.append(h).append('\n');
        }
        boolean named = linesByTarget.size() > 1;
        linesByTarget.forEach((target, lines) -> {
            if (named) {
                if (target.isBlank() || target.contains("\n")) {
                    throw new IllegalArgumentException("a target of a baseline needs a one-line name: '" + target + "'");
                }
                out.append(out.length() > 0 ? "\n" : "").append(TARGET).append(' ').append(target).append('\n');
            }
            lines.forEach(l -> out.append(l).append('\n'));
        });
        return out.toString();
    }

    // ---- comparing ------------------------------------------------------------------------------

    /**
     * The differences between a read baseline and a run, empty when they agree. A baseline without
     * {@code target:} lines is compared with a run of one target; otherwise targets are matched by
     * name, each target's differences under {@code target: NAME}, and a target only in the run
     * ({@code + target: NAME}) or only in the baseline ({@code - target: NAME}) takes one line.
     */
    public static String diff(Map<String, List<String>> expected, Map<String, List<CaseResult>> resultsByTarget) {
        if (resultsByTarget.size() == 1 && expected.keySet().stream().allMatch(UNNAMED::equals)) {
            return diff(expected.getOrDefault(UNNAMED, List.of()), resultsByTarget.values().iterator().next());
        }
        if (expected.containsKey(UNNAMED)) {
            return "! the baseline's " + expected.get(UNNAMED).size() + " lines belong to no target, but this run has "
                    + resultsByTarget.size() + " targets (" + String.join(", ", resultsByTarget.keySet())
                    + "): put a 'target: NAME' line before each target's lines\n";
        }
        StringBuilder out = new StringBuilder();
        resultsByTarget.forEach((target, results) -> {
            List<String> lines = expected.get(target);
            if (lines == null) {
                out.append("+ ").append(TARGET).append(' ').append(target)
                        .append("  (ran, with ").append(results.size()).append(" results, but is not in the baseline)\n");
                return;
            }
            String d = diff(lines, results);
            if (!d.isEmpty()) {
                out.append(TARGET).append(' ').append(target).append('\n').append(d);
            }
        });
        expected.forEach((target, lines) -> {
            if (!resultsByTarget.containsKey(target)) {
                out.append("- ").append(TARGET).append(' ').append(target)
                        .append("  (in the baseline, with ").append(lines.size()).append(" lines, but did not run)\n");
            }
        });
        return out.toString();
    }

    /**
     * One target's differences: each line only in the baseline as {@code - line}, each line only in
     * this run as {@code + line} followed by the case's message, indented, when it did not pass. A
     * line of this run whose verdict is one of a baseline line's {@code A|B} counts as that line.
     */
    public static String diff(List<String> expected, List<CaseResult> results) {
        List<String> actual = withAlternatives(expected, lines(results));
        Map<String, Long> left = count(expected);
        Map<String, Long> right = count(actual);
        Map<String, CaseResult> byLine = new HashMap<>();
        results.forEach(r -> byLine.putIfAbsent(line(r), r));
        StringBuilder out = new StringBuilder();
        left.forEach((l, n) -> {
            for (long i = right.getOrDefault(l, 0L); i < n; i++) {
                out.append("- ").append(l).append('\n');
            }
        });
        right.forEach((l, n) -> {
            for (long i = left.getOrDefault(l, 0L); i < n; i++) {
                out.append("+ ").append(l).append('\n');
                CaseResult r = byLine.get(l);
                if (r != null && r.verdict() != Verdict.PASS && !r.message().isBlank()) {
                    out.append("      ").append(shorten(r.message().strip()).replace("\n", "\n      ")).append('\n');
                }
            }
        });
        return out.toString();
    }

    /**
     * This run's lines, each written as the baseline line that allows its verdict among several
     * ({@code ... PASS|FAIL}) where there is one; other lines unchanged. Writing these keeps a
     * baseline's alternatives that the run still fits.
     */
    public static List<String> withAlternatives(List<String> baseline, List<String> actual) {
        Map<String, String> alternatives = new HashMap<>();
        for (String l : baseline) {
            if (verdictOf(l).contains("|")) {
                alternatives.put(withoutVerdict(l), l);
            }
        }
        return actual.stream().map(l -> {
            String allowed = alternatives.get(withoutVerdict(l));
            boolean fits = allowed != null && List.of(verdictOf(allowed).split("\\|")).contains(verdictOf(l));
            return fits ? allowed : l;
        }).toList();
    }

    private static String verdictOf(String line) {
        return line.substring(line.lastIndexOf(' ') + 1);
    }

    private static String withoutVerdict(String line) {
        return line.substring(0, Math.max(0, line.lastIndexOf(' ')));
    }

    /** A failure message cut to a few lines; the whole of it is in results.json. */
    private static String shorten(String message) {
        List<String> lines = message.lines().toList();
        String head = String.join("\n", lines.subList(0, Math.min(6, lines.size())));
        if (head.length() > 600) {
            head = head.substring(0, 600);
        }
        return head.length() < message.length() ? head + " [...]" : head;
    }

    private static Map<String, Long> count(List<String> lines) {
        return lines.stream().collect(Collectors.groupingBy(l -> l, LinkedHashMap::new, Collectors.counting()));
    }
}
