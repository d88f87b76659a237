package dev.sioconf.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A passing case's wire log is short in the report, every whole log is in wire-logs.jsonl.gz, and a run stays small. */
class WireLogsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void aPassingCasesLogKeepsItsHeadAndTailAndSaysWhatWasLeftOut() {
        CaseResult pass = result("a", Verdict.PASS, wire(200, 10));
        List<WireEntry> shown = WireLogs.forReport(pass).wire();
        assertThat(shown).hasSize(WireLogs.HEAD + 1 + WireLogs.TAIL);
        assertThat(shown.subList(0, WireLogs.HEAD)).isEqualTo(pass.wire().subList(0, WireLogs.HEAD));
        assertThat(shown.get(WireLogs.HEAD).text())
                .isEqualTo((200 - WireLogs.HEAD - WireLogs.TAIL) + " entries left out here: the case passed, and wire-logs.jsonl.gz beside this report has its whole log");
        assertThat(shown.subList(WireLogs.HEAD + 1, shown.size())).isEqualTo(pass.wire().subList(200 - WireLogs.TAIL, 200));
    }

    @Test
    void aPassingCasesLongEntryIsCutAndAFailingCaseKeepsEverything() {
        List<WireEntry> big = List.of(new WireEntry(0, "<", "http", "x".repeat(WireLogs.TEXT + 5)));
        assertThat(WireLogs.forReport(result("a", Verdict.PASS, big)).wire().get(0).text())
                .isEqualTo("x".repeat(WireLogs.TEXT) + "... (5 more characters in wire-logs.jsonl.gz)");
        for (Verdict kept : List.of(Verdict.FAIL, Verdict.NON_STRICT, Verdict.ERROR)) {
            CaseResult r = result("b", kept, wire(200, WireLogs.TEXT + 5));
            assertThat(WireLogs.forReport(r)).isSameAs(r);
        }
        CaseResult shortPass = result("c", Verdict.PASS, wire(3, 10));
        assertThat(WireLogs.forReport(shortPass)).isSameAs(shortPass);
    }

    @Test
    void theCompressedFileHoldsEveryWholeLogAndThePagesTheShortOnes() throws IOException {
        CaseResult pass = result("a", Verdict.PASS, wire(200, 10));
        CaseResult fail = result("b", Verdict.FAIL, wire(120, 10));
        ReportWriter.write(dir, "eio4", Map.of("ref", ""), List.of(pass, fail));

        List<JsonNode> lines = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(dir.resolve(WireLogs.FILE_NAME))), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                lines.add(JSON.readTree(line));
            }
        }
        assertThat(lines).extracting(l -> l.get("id").asText()).containsExactly("X.a", "X.b");
        assertThat(lines.get(0).get("wire")).hasSize(200);
        assertThat(lines.get(0).get("wire").get(199).get("text").asText()).isEqualTo(pass.wire().get(199).text());
        assertThat(lines.get(1).get("wire")).hasSize(120);

        JsonNode cases = JSON.readTree(dir.resolve(ResultsJson.FILE_NAME).toFile()).get("cases");
        // results.json: a passing case's log only in the compressed file, a failing one's whole
        assertThat(cases.get(0).has("wire")).isFalse();
        assertThat(cases.get(1).get("wire")).hasSize(120);
        assertThat(Files.readString(dir.resolve("index.html"))).contains("href=\"" + WireLogs.FILE_NAME + "\"");
    }

    @Test
    void aRunShapedLikeTheDefaultOneStaysUnderSixteenMegabytes() throws IOException {
        // the default run's shape, measured: 2,000 results, a median of 10 wire entries (p90 21) of
        // about 100 characters (p90 200), and a few cases that send a whole maxPayload
        List<CaseResult> results = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            results.add(result("case" + i, i % 200 == 0 ? Verdict.FAIL : Verdict.PASS, wire(i % 10 == 0 ? 30 : 10, 150)));
            if (i % 400 == 0) {
                results.add(result("payload" + i, Verdict.PASS, wire(6, 130_000)));
            }
        }
        ReportWriter.write(dir, "eio4", Map.of("ref", ""), results);
        long bytes;
        try (Stream<Path> files = Files.walk(dir)) {
            bytes = files.filter(Files::isRegularFile).mapToLong(f -> f.toFile().length()).sum();
        }
        // about 10.5 MB; whole logs of the payload cases (three copies of 4 MB) or the stylesheet
        // inline in every page again (13 MB) would each break the bound
        assertThat(bytes).as("report size in bytes").isLessThan(16L << 20);
    }

    private static CaseResult result(String method, Verdict v, List<WireEntry> wire) {
        return new CaseResult("X." + method, "eio4", "EIO4-1.1", "", "ref", "-", v, "", "", "", 1, wire);
    }

    private static List<WireEntry> wire(int entries, int textLength) {
        List<WireEntry> wire = new ArrayList<>();
        for (int i = 0; i < entries; i++) {
            String head = "entry " + i + " ";
            wire.add(new WireEntry(i, i % 2 == 0 ? ">" : "<", "http", head + "y".repeat(Math.max(0, textLength - head.length()))));
        }
        return wire;
    }
}
