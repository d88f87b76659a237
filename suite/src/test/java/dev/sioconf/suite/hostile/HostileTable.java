package dev.sioconf.suite.hostile;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.suite.hostile.HostileTarget.Behaviour;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code spec/robustness/hostile-targets.md}: what the hostile runs found, with nothing in it that changes from run to run. */
final class HostileTable {

    private HostileTable() {
    }

    static String render(List<HostileTargetsTest.Run> runs, Duration caseBound, Duration runBound, Duration cliBound,
                         Map<String, String> select, Map<String, String> cliSelect) {
        StringBuilder md = new StringBuilder();
        md.append("# The suite against hostile targets\n\n");
        md.append("Written by `HostileTargetsTest` (suite module, part of `mvn test`), which fails when this file differs\n");
        md.append("from what it found; do not edit it by hand. After a change you have understood, rewrite it with\n\n");
        md.append("```sh\nmvn -B -o test -pl suite -am -Dtest=HostileTargetsTest -Dsurefire.failIfNoSpecifiedTests=false \\\n");
        md.append("    -D").append(HostileTargetsTest.UPDATE).append("=true\n```\n\n");
        md.append("Each target is a few lines of plain sockets on 127.0.0.1 (`HostileTarget`). For each profile the suite ran\n");
        md.append("the cases of `--select ").append(String.join("`, `", select.values()))
                .append("` (the handshake sections, on every transport) through `SuiteRunner`\n");
        md.append("with the configuration of `--target URL --profile P`, and the CLI ran `--select ")
                .append(String.join("`, `", cliSelect.values())).append("`.\n\n");
        md.append("Bounds, all held (the test fails otherwise): each case ended within ").append(caseBound.toSeconds())
                .append(" s, each run within ").append(runBound.toSeconds()).append(" s, each CLI run within ")
                .append(cliBound.toSeconds()).append(" s. A missed SHOULD grades NON_STRICT, as every miss does;\n");
        md.append("no case passed. In messages, `PORT` stands for the target's port and `t=N` for legacy's cache-buster.\n\n");
        md.append("| target | profile | results | verdicts | every message matches | example message | CLI exit | CLI says |\n");
        md.append("|---|---|---|---|---|---|---|---|\n");
        for (HostileTargetsTest.Run run : runs) {
            List<CaseResult> rs = run.results();
            String verdicts = rs.stream().map(r -> r.verdict().name()).collect(Collectors.toCollection(TreeSet::new))
                    .stream().collect(Collectors.joining(", "));
            CaseResult first = rs.stream().min(Comparator.comparing((CaseResult r) -> idOrder(r.requirement()))
                    .thenComparing(CaseResult::transport)).orElseThrow();
            md.append("| ").append(run.behaviour().name()).append(": ").append(run.behaviour().does)
                    .append(" | ").append(run.profile())
                    .append(" | ").append(rs.size())
                    .append(" | ").append(verdicts)
                    .append(" | `").append(cell(HostileTargetsTest.SAYS.get(run.behaviour()).pattern())).append('`')
                    .append(" | ").append(first.requirement()).append(" [").append(first.transport()).append("]: ")
                    .append(cell(normalize(summary(first.message()))))
                    .append(" | ").append(run.cliExit())
                    .append(" | ").append(run.cliErr().isEmpty() ? "(cases ran; see the report)" : cell(normalize(summary(run.cliErr()))))
                    .append(" |\n");
        }
        return md.toString();
    }

    /** {@code EIO4-3.10} after {@code EIO4-3.9}. */
    private static String idOrder(String id) {
        StringBuilder out = new StringBuilder();
        for (String part : id.split("[.-]")) {
            out.append(part.matches("\\d+") ? String.format("%05d", Integer.parseInt(part)) : part).append('.');
        }
        return out.toString();
    }

    static String normalize(String message) {
        return message.replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT").replaceAll("([?&]t=)\\d+", "$1N");
    }

    /** The first lines of a message on one line: an AssertJ message starts with its description alone. */
    private static String summary(String s) {
        String joined = s.lines().map(String::strip).filter(l -> !l.isEmpty()).limit(3).collect(Collectors.joining(" "));
        return joined.length() <= 200 ? joined : joined.substring(0, 199) + "\u2026";
    }

    /** Markdown table text: no pipes or backticks of its own, no control characters. */
    private static String cell(String s) {
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("`", "'").replaceAll("\\p{Cntrl}", "?");
    }

    /** The lines only in {@code before} ({@code -}) and only in {@code after} ({@code +}). */
    static String diff(String before, String after) {
        List<String> a = before.lines().toList();
        List<String> b = after.lines().toList();
        List<String> out = new ArrayList<>();
        a.stream().filter(l -> !b.contains(l)).forEach(l -> out.add("- " + l));
        b.stream().filter(l -> !a.contains(l)).forEach(l -> out.add("+ " + l));
        return String.join("\n", out);
    }
}
