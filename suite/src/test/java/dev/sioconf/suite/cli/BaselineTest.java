package dev.sioconf.suite.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline file: its lines, {@code A|B} alternatives, {@code target:} sections, and the diff a CI reads. */
class BaselineTest {

    static CaseResult result(String target, String requirement, String id, String transport, Verdict verdict, String message) {
        return new CaseResult(id, "eio4", requirement, "", target, transport, verdict, "", "", message, 1, List.of());
    }

    static CaseResult pass(String target, String requirement, String id, String transport) {
        return result(target, requirement, id, transport, Verdict.PASS, "");
    }

    @Test
    void linesAreInReportOrderWithTheFourFields() {
        List<CaseResult> results = List.of(
                pass("t", "EIO4-3.10", "HandshakeCases.b", "polling"),
                pass("t", "EIO4-3.9", "HandshakeCases.a", "websocket"),
                pass("t", "EIO4-3.9", "HandshakeCases.a", "polling"));

        assertThat(Baseline.lines(results)).containsExactly(
                "EIO4-3.9 HandshakeCases.a polling PASS",
                "EIO4-3.9 HandshakeCases.a websocket PASS",
                "EIO4-3.10 HandshakeCases.b polling PASS");
    }

    @Test
    void commentsAndBlankLinesAreSkippedAndLinesWithoutTargetBelongToNoName() {
        String text = """
                # sioconf eio4 suite against a server
                # One line per case and transport.

                EIO4-2.1 UrlCases.parametersAreReadInAnyOrder - PASS
                  EIO4-7.15 PollingCases.undecodablePostIsNotAnsweredOk polling  NON_STRICT
                """;

        assertThat(Baseline.parse(text, "b.txt")).containsExactly(Map.entry(Baseline.UNNAMED, List.of(
                "EIO4-2.1 UrlCases.parametersAreReadInAnyOrder - PASS",
                "EIO4-7.15 PollingCases.undecodablePostIsNotAnsweredOk polling NON_STRICT")));
    }

    @Test
    void targetLinesStartSectionsWhoseNamesMayHaveSpacesSlashesAndDots() {
        String text = """
                # two servers
                target: socket.io 4.8.1/defaults
                EIO4-2.1 UrlCases.a - PASS

                target: reference/eio4-all
                EIO4-2.1 UrlCases.a - PASS|FAIL
                EIO4-2.2 UrlCases.b - FAIL
                """;

        Map<String, List<String>> read = Baseline.parse(text, "b.txt");

        assertThat(read.keySet()).containsExactly("socket.io 4.8.1/defaults", "reference/eio4-all");
        assertThat(read.get("reference/eio4-all")).containsExactly("EIO4-2.1 UrlCases.a - PASS|FAIL", "EIO4-2.2 UrlCases.b - FAIL");
    }

    @Test
    void aMalformedLineIsRefusedWithItsFileAndLineNumber() {
        assertThatThrownBy(() -> Baseline.parse("# header\nEIO4-2.1 UrlCases.a PASS\n", "base.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base.txt:2: expected 4 fields (requirement, case, transport, verdict) but found 3: EIO4-2.1 UrlCases.a PASS");
        assertThatThrownBy(() -> Baseline.parse("\n\nEIO4-2.1 UrlCases.a - PASS|FIAL\n", "base.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("base.txt:3: unknown verdict 'FIAL' (known: PASS, NON_STRICT,");
        assertThatThrownBy(() -> Baseline.parse("EIO4-2.1 UrlCases.a - PASS\ntarget: x\n", "base.txt"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("base.txt:2: a target: line after result lines that belong to no target");
        assertThatThrownBy(() -> Baseline.parse("target: x\ntarget: x\n", "base.txt"))
                .hasMessage("base.txt:2: target 'x' a second time");
    }

    @Test
    void oneTargetIsWrittenWithoutATargetLineAndReadsBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.txt");
        List<CaseResult> results = List.of(pass("only", "EIO4-2.2", "UrlCases.b", "-"), pass("only", "EIO4-2.1", "UrlCases.a", "-"));

        Baseline.write(file, "# header\n# second line", Map.of("only", results));

        assertThat(Files.readString(file)).isEqualTo("""
                # header
                # second line
                EIO4-2.1 UrlCases.a - PASS
                EIO4-2.2 UrlCases.b - PASS
                """);
        assertThat(Baseline.diff(Baseline.read(file), Map.of("only", results))).isEmpty();
    }

    @Test
    void severalTargetsAreWrittenInTheirOrderEachAfterItsTargetLineAndReadBack(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("b.txt");
        Map<String, List<CaseResult>> run = new LinkedHashMap<>();
        run.put("socket.io 4.8.1/defaults", List.of(result("socket.io 4.8.1/defaults", "EIO4-2.1", "UrlCases.a", "-", Verdict.FAIL, "no")));
        run.put("reference", List.of(pass("reference", "EIO4-2.1", "UrlCases.a", "-")));

        Baseline.write(file, "# two\n", run);

        assertThat(Files.readString(file)).isEqualTo("""
                # two

                target: socket.io 4.8.1/defaults
                EIO4-2.1 UrlCases.a - FAIL

                target: reference
                EIO4-2.1 UrlCases.a - PASS
                """);
        assertThat(Baseline.read(file).keySet()).containsExactly("socket.io 4.8.1/defaults", "reference");
        assertThat(Baseline.diff(Baseline.read(file), run)).isEmpty();
    }

    @Test
    void aHeaderLineThatIsNotACommentIsRefused() {
        assertThatThrownBy(() -> Baseline.text("# fine\nnot a comment\n", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a comment");
    }

    @Test
    void diffListsBaselineOnlyLinesThenRunOnlyLinesWithTheMessageOfWhatDidNotPass() {
        List<String> expected = List.of(
                "EIO4-2.1 UrlCases.a - PASS",
                "EIO4-2.2 UrlCases.b - PASS",
                "EIO4-2.3 UrlCases.c - PASS");
        List<CaseResult> run = List.of(
                pass("t", "EIO4-2.1", "UrlCases.a", "-"),
                result("t", "EIO4-2.2", "UrlCases.b", "-", Verdict.FAIL, "Expected: 400\nActual: 200\n"),
                pass("t", "EIO4-2.4", "UrlCases.d", "-"));

        assertThat(Baseline.diff(expected, run)).isEqualTo("""
                - EIO4-2.2 UrlCases.b - PASS
                - EIO4-2.3 UrlCases.c - PASS
                + EIO4-2.2 UrlCases.b - FAIL
                      Expected: 400
                      Actual: 200
                + EIO4-2.4 UrlCases.d - PASS
                """);
    }

    @Test
    void aVerdictAmongABaselineLinesAlternativesMatchesIt() {
        List<String> expected = List.of("EIO4-2.1 UrlCases.a - PASS|FAIL", "EIO4-2.2 UrlCases.b - PASS|FAIL");
        List<CaseResult> run = List.of(
                result("t", "EIO4-2.1", "UrlCases.a", "-", Verdict.FAIL, "sometimes"),
                result("t", "EIO4-2.2", "UrlCases.b", "-", Verdict.NON_STRICT, "new"));

        assertThat(Baseline.diff(expected, run)).isEqualTo("""
                - EIO4-2.2 UrlCases.b - PASS|FAIL
                + EIO4-2.2 UrlCases.b - NON_STRICT
                      new
                """);
        assertThat(Baseline.withAlternatives(expected, Baseline.lines(run)))
                .containsExactly("EIO4-2.1 UrlCases.a - PASS|FAIL", "EIO4-2.2 UrlCases.b - NON_STRICT");
    }

    @Test
    void aBaselineWithoutTargetLinesIsTheOnlyTargetOfAOneTargetRun() {
        Map<String, List<String>> expected = Baseline.parse("EIO4-2.1 UrlCases.a - PASS\n", "b.txt");

        assertThat(Baseline.diff(expected, Map.of("any name", List.of(pass("any name", "EIO4-2.1", "UrlCases.a", "-"))))).isEmpty();
        assertThat(Baseline.diff(expected, Map.of("x", List.of()))).isEqualTo("- EIO4-2.1 UrlCases.a - PASS\n");
    }

    @Test
    void withSeveralTargetsTheDiffNamesEachTargetAndTheTargetsOnlyOnOneSide() {
        Map<String, List<String>> expected = Baseline.parse("""
                target: a
                EIO4-2.1 UrlCases.a - PASS
                target: b/1.0
                EIO4-2.1 UrlCases.a - PASS
                target: gone
                EIO4-2.1 UrlCases.a - PASS
                """, "b.txt");
        Map<String, List<CaseResult>> run = new LinkedHashMap<>();
        run.put("a", List.of(pass("a", "EIO4-2.1", "UrlCases.a", "-")));
        run.put("b/1.0", List.of(result("b/1.0", "EIO4-2.1", "UrlCases.a", "-", Verdict.FAIL, "broke")));
        run.put("new one", List.of(pass("new one", "EIO4-2.1", "UrlCases.a", "-")));

        assertThat(Baseline.diff(expected, run)).isEqualTo("""
                target: b/1.0
                - EIO4-2.1 UrlCases.a - PASS
                + EIO4-2.1 UrlCases.a - FAIL
                      broke
                + target: new one  (ran, with 1 results, but is not in the baseline)
                - target: gone  (in the baseline, with 1 lines, but did not run)
                """);
    }

    @Test
    void aBaselineWithoutTargetLinesCannotServeARunOfSeveralTargets() {
        Map<String, List<String>> expected = Baseline.parse("EIO4-2.1 UrlCases.a - PASS\n", "b.txt");
        Map<String, List<CaseResult>> run = new LinkedHashMap<>();
        run.put("a", List.of());
        run.put("b", List.of());

        assertThat(Baseline.diff(expected, run)).isEqualTo("! the baseline's 1 lines belong to no target, but this run has 2 targets"
                + " (a, b): put a 'target: NAME' line before each target's lines\n");
    }

    @Test
    void everyCommittedInteropBaselineStillReads() throws Exception {
        try (var files = Files.list(Path.of("..", "interop", "baselines"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".txt")).toList()) {
                Map<String, List<String>> read = Baseline.read(f);
                // one target's lines, or several targets' (the clients run side by side), each named
                assertThat(read).as(f.toString()).isNotEmpty();
                if (read.size() > 1) {
                    assertThat(read.keySet()).as(f.toString()).doesNotContain(Baseline.UNNAMED);
                }
                assertThat(read.values()).as(f.toString()).allSatisfy(lines -> assertThat(lines).isNotEmpty());
            }
        }
    }
}
