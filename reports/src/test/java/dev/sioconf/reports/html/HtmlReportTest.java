package dev.sioconf.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.Verdict;
import dev.sioconf.spec.RequirementCatalogue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.NodeList;

class HtmlReportTest {

    @TempDir
    static Path dir;
    static Path index;

    @BeforeAll
    static void render() throws IOException {
        index = SampleRun.write(dir);
    }

    @Test
    void theFacadeWritesEveryFileAndReturnsTheIndex() {
        assertThat(index).isEqualTo(dir.resolve("index.html"));
        assertThat(dir.resolve("results.json")).isRegularFile();
        assertThat(dir.resolve("junit.xml")).isRegularFile();
        assertThat(dir.resolve("compare.html")).isRegularFile();
        assertThat(dir.resolve("cases")).isDirectoryContaining("glob:**.html");
    }

    @Test
    void theMatrixHasOneRowPerCaseAndOneColumnPerTargetAndTransport() throws IOException {
        Document doc = parse(index);
        Element matrix = doc.selectFirst("table.matrix");
        assertThat(matrix).isNotNull();

        Elements caseRows = matrix.select("tbody tr:not(.section)");
        long distinctCases = SampleRun.results().stream().map(CaseResult::id).distinct().count();
        assertThat(caseRows).hasSize((int) distinctCases);
        assertThat(caseRows.select("th.case").eachText()).doesNotHaveDuplicates();

        Elements targets = matrix.select("thead tr.targets th.target");
        assertThat(targets.eachText()).containsExactly(SampleRun.ALPHA, SampleRun.BETA);
        assertThat(targets.get(0).attr("colspan")).isEqualTo("4"); // -, websocket, xhr-polling, jsonp-polling
        assertThat(targets.get(1).attr("colspan")).isEqualTo("3"); // -, websocket, xhr-polling
        assertThat(matrix.select("thead tr.transports th").eachText())
                .containsExactly("\u2014", "websocket", "xhr-polling", "jsonp-polling", "\u2014", "websocket", "xhr-polling");
        for (Element row : caseRows) {
            assertThat(row.select("td.cell")).as(row.text()).hasSize(7);
        }
    }

    @Test
    void rowsAreGroupedBySpecSectionAndShowRequirementAndLevel() throws IOException {
        Document doc = parse(index);
        assertThat(doc.select("table.matrix tr.section").eachText()).containsExactly(
                "3. Handshake", "6. Session lifecycle", "7. Heartbeats", "9. Polling transports in common",
                "11. jsonp-polling", "13. flashsocket", "Other");
        Element row = rowOf(doc, "HandshakeCases.sessionIdIsUrlSafe");
        assertThat(row.selectFirst("th.req").text()).isEqualTo("LEG-3.8 SHOULD");
        assertThat(row.select("td.cell").first().hasClass("v-non-strict")).isTrue();
    }

    @Test
    void theFailingCellIsRedAndLinksToAnExistingCasePage() throws IOException {
        Document doc = parse(index);
        Element row = rowOf(doc, SampleRun.FAILING_CASE);
        Elements cells = row.select("td.cell");
        // beta's xhr-polling column is the last
        Element failing = cells.last();
        assertThat(failing.hasClass("v-fail")).isTrue();
        assertThat(doc.select("td.v-fail")).hasSize(1);
        String href = failing.selectFirst("a").attr("href");
        assertThat(href).matches("cases/[a-z0-9-]+-[0-9a-f]{10}\\.html");
        assertThat(dir.resolve(href)).isRegularFile();
        assertThat(cells.get(0).hasClass("empty")).isTrue();
        assertThat(cells.get(0).select("a")).isEmpty();
    }

    @Test
    void theCasePageShowsTheRequirementFromSpecAndExpectedAgainstActual() throws IOException {
        Document page = failingCasePage();
        String text = RequirementCatalogue.load("legacy").get("LEG-6.3").text();
        assertThat(page.selectFirst("div.spec").text()).isEqualTo(text.replace("`", ""));
        assertThat(page.text()).contains("LEG-6.3", "MUST", "6. Session lifecycle", "1234 ms (1.2 s)");
        assertThat(page.selectFirst(".expected h3").text()).isEqualTo("Expected");
        assertThat(page.selectFirst(".expected pre").wholeText()).isEqualTo(SampleRun.FAILING_EXPECTED);
        assertThat(page.selectFirst(".actual h3").text()).isEqualTo("Actual");
        assertThat(page.selectFirst(".actual pre").wholeText()).isEqualTo(SampleRun.FAILING_ACTUAL);
        assertThat(page.selectFirst(".verdict-line .badge").hasClass("v-fail")).isTrue();
        assertThat(page.select("table.wire tbody tr")).hasSize(3);
        assertThat(page.select("table.wire td.dir").eachText()).containsExactly(">", "<", "!");
        assertThat(page.select("svg.timeline circle")).hasSize(3);
    }

    @Test
    void aLongWireLogIsDrawnOnATimeAxisWithTheHeldPollAsABar() throws IOException {
        Document doc = parse(index);
        Element row = rowOf(doc, "PollingCases.emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop");
        Document page = parse(dir.resolve(row.select("td.cell a").last().attr("href")));
        Element svg = page.selectFirst("svg.timeline");
        assertThat(svg).isNotNull();
        assertThat(svg.select("circle")).hasSize(4);
        assertThat(svg.select("rect title").eachText()).anyMatch(t -> t.startsWith("held 2004 ms"));
        assertThat(svg.select("text").eachText()).contains("1 s", "2 s");
        // the same case passing: its wire log, no timeline (a passing page stays small)
        Document passing = parse(dir.resolve(row.selectFirst("td.cell a").attr("href")));
        assertThat(passing.select("svg")).isEmpty();
        assertThat(passing.select("table.wire tbody tr")).hasSize(4);
    }

    @Test
    void whatTheServerSentStaysText() throws IOException {
        List<Path> pages;
        try (Stream<Path> files = Files.walk(dir)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(pages).hasSizeGreaterThan(3);
        for (Path p : pages) {
            Document doc = parse(p);
            assertThat(doc.select("script")).as(p.toString()).isEmpty();
            assertThat(doc.select("img")).as(p.toString()).isEmpty();
            for (Element e : doc.getAllElements()) {
                for (Attribute a : e.attributes()) {
                    assertThat(a.getKey()).as(p + ": " + e.tagName()).doesNotStartWith("on");
                }
            }
        }
        Document page = failingCasePage();
        assertThat(page.select("table.wire pre").eachText())
                .anyMatch(t -> t.contains(SampleRun.SCRIPT))
                .anyMatch(t -> t.contains(SampleRun.IMG));
        assertThat(page.text()).contains("beta\"><img src=x onerror=alert(1)>");
        assertThat(parse(index).select("table.matrix th.target").eachText()).contains(SampleRun.BETA);
        assertThat(parse(index).select("table.summary td.declared").eachText()).anyMatch(t -> t.contains(SampleRun.SCRIPT));
    }

    @Test
    void everyPageForbidsScriptsAndLoadsNothingFromTheNetwork() throws IOException {
        Document doc = parse(index);
        assertThat(doc.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content")).contains("default-src 'none'");
        assertThat(doc.select("[src], style")).isEmpty();
        // the one thing a page loads: the report's own stylesheet, beside index.html
        assertThat(doc.select("link").eachAttr("href")).containsExactly("report.css");
        assertThat(dir.resolve("report.css")).content().contains(".v-fail");
        Document casePage = failingCasePage();
        assertThat(casePage.select("[src], style")).isEmpty();
        assertThat(casePage.select("link").eachAttr("href")).containsExactly("../report.css");
    }

    @Test
    void caseFileNamesAreSlugsWithAHash() throws IOException {
        try (Stream<Path> files = Files.list(dir.resolve("cases"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).toList();
            assertThat(names).hasSize(SampleRun.results().size());
            assertThat(names).allMatch(n -> n.matches("[a-z0-9-]+-[0-9a-f]{10}\\.html"), "safe name");
        }
    }

    @Test
    void theSummaryCountsEveryVerdictPerTarget() throws IOException {
        Document doc = parse(index);
        Element alpha = doc.select("table.summary tbody tr").get(0);
        assertThat(alpha.child(0).text()).isEqualTo(SampleRun.ALPHA);
        // PASS, N-STRICT, INFO, UNIMPL, FAIL, ERROR, SKIP, total
        assertThat(alpha.select("td.count").eachText()).containsExactly("4", "1", "1", "1", "0", "1", "1", "9");
        assertThat(doc.select(".sub").text()).contains("legacy", "2025-03-01 12:00:00 UTC", "0.0.0-test");
        assertThat(doc.select("ul.legend li")).hasSize(Verdict.values().length);
    }

    @Test
    void compareShowsEachTargetsWorstVerdict() throws IOException {
        Document doc = parse(dir.resolve("compare.html"));
        assertThat(doc.select("thead th.target").eachText()).containsExactly(SampleRun.ALPHA, SampleRun.BETA);
        Element row = rowOf(doc, SampleRun.FAILING_CASE);
        Elements cells = row.select("td.cell");
        assertThat(cells.get(0).hasClass("v-pass")).isTrue();
        assertThat(cells.get(1).hasClass("v-fail")).isTrue();
        assertThat(dir.resolve(cells.get(1).selectFirst("a").attr("href"))).isRegularFile();
    }

    @Test
    void oneTargetMakesNoComparePage(@TempDir Path single) throws IOException {
        List<CaseResult> alphaOnly = SampleRun.results().stream().filter(r -> r.target().equals(SampleRun.ALPHA)).toList();
        Path idx = ReportWriter.write(single, "legacy", Map.of(SampleRun.ALPHA, ""), alphaOnly);
        assertThat(single.resolve("compare.html")).doesNotExist();
        assertThat(parse(idx).select("a[href=compare.html]")).isEmpty();
        assertThat(parse(idx).select("td.declared").text()).isEqualTo("not known here");
    }

    @Test
    void junitXmlHasASuitePerTargetAndTheFailure() throws Exception {
        var xml = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(dir.resolve("junit.xml").toFile());
        NodeList suites = xml.getElementsByTagName("testsuite");
        assertThat(suites.getLength()).isEqualTo(2);
        var beta = (org.w3c.dom.Element) suites.item(1);
        assertThat(beta.getAttribute("name")).isEqualTo(SampleRun.BETA);
        assertThat(beta.getAttribute("failures")).isEqualTo("1");
        NodeList failures = xml.getElementsByTagName("failure");
        assertThat(failures.getLength()).isEqualTo(2); // beta's FAIL and alpha's ERROR
        org.w3c.dom.Element fail = null;
        for (int i = 0; i < failures.getLength(); i++) {
            var f = (org.w3c.dom.Element) failures.item(i);
            if (f.getAttribute("type").equals("FAIL")) {
                fail = f;
            }
        }
        assertThat(fail).isNotNull();
        var testcase = (org.w3c.dom.Element) fail.getParentNode();
        assertThat(testcase.getAttribute("name")).isEqualTo("LEG-6.3 " + SampleRun.FAILING_CASE + " [xhr-polling]");
        assertThat(fail.getAttribute("message")).contains(SampleRun.FAILING_EXPECTED, SampleRun.FAILING_ACTUAL);
        assertThat(xml.getElementsByTagName("skipped").getLength()).isEqualTo(3); // two UNIMPLEMENTED, one SKIPPED
        assertThat(xml.getElementsByTagName("testcase").getLength()).isEqualTo(SampleRun.results().size());
    }

    @Test
    void aRunOfTwoProfilesHasOneMatrixPerProfileWithOnlyItsColumns(@TempDir Path mixed) throws IOException {
        List<CaseResult> results = new ArrayList<>(SampleRun.results());
        results.add(new CaseResult("HandshakeCases.sidIsNonEmptyAndUrlSafe", "eio4", "EIO4-3.7",
                "handshakes", "gamma", "polling", Verdict.PASS, "", "", "", 7, List.of()));
        Path page = ReportWriter.write(mixed, "legacy,eio4", SampleRun.targets(), results);
        Document doc = parse(page);
        assertThat(doc.select("h2").eachText()).contains("Profile legacy: results by case, target and transport",
                "Profile eio4: results by case, target and transport");
        Elements matrices = doc.select("table.matrix");
        assertThat(matrices).hasSize(2);
        assertThat(matrices.get(0).select("th.target").eachText()).containsExactly(SampleRun.ALPHA, SampleRun.BETA);
        assertThat(matrices.get(1).select("th.target").eachText()).containsExactly("gamma");
        assertThat(matrices.get(1).select("tr.transports th").eachText()).containsExactly("polling");
        assertThat(matrices.get(1).select("tr.section").eachText()).containsExactly("3. Handshake and the open packet");
        // compare.html keeps every profile in one table, so there the sections say their profile
        assertThat(parse(mixed.resolve("compare.html")).select("tr.section").eachText())
                .contains("eio4 \u00b7 3. Handshake and the open packet");
    }

    @Test
    void aCellsTooltipGivesTheReasonOfWhatDidNotPass() throws IOException {
        Element failing = rowOf(parse(index), SampleRun.FAILING_CASE).select("td.cell").last().selectFirst("a");
        assertThat(failing.attr("title")).endsWith("\nExpected: " + SampleRun.FAILING_EXPECTED + " / Actual: " + SampleRun.FAILING_ACTUAL);
        Element passing = rowOf(parse(index), "HandshakeCases.handshakeAnswersSidHeartbeatCloseAndTransports")
                .select("td.cell").first().selectFirst("a");
        assertThat(passing.attr("title")).doesNotContain("\n");
        Element error = rowOf(parse(index), "HeartbeatCases.heartbeatArrivesBeforeTheAnnouncedTimeout")
                .select("td.cell a").first();
        assertThat(error.attr("title")).endsWith("\nerror");
    }

    @Test
    void aMessageThatComparesIsNotCalledAStopBeforeComparing(@TempDir Path one) throws IOException {
        CaseResult r = new CaseResult("PingCases.pingComesInTime", "eio4", "EIO4-4.2", "waits", "alpha", "polling",
                Verdict.FAIL, "", "", "[the first packet]\nExpected: \"2\"\nActual: null", 5, List.of());
        ReportWriter.write(one, "eio4", Map.of("alpha", ""), List.of(r));
        Path page;
        try (Stream<Path> files = Files.list(one.resolve("cases"))) {
            page = files.findFirst().orElseThrow();
        }
        String text = parse(page).text();
        assertThat(text).doesNotContain("stopped before comparing").contains("The values compared are in the message.");
    }

    @Test
    void caseFileNamesSplitACapitalThatStandsForAWord() {
        CaseResult r = new CaseResult("NamespaceCases.aBurstOnACustomNamespace", "eio4", "SIO5-1.1", "", "ref", "websocket",
                Verdict.PASS, "", "", "", 1, List.of());
        assertThat(PageNames.slug(r)).isEqualTo("a-burst-on-a-custom-namespace-websocket-ref");
    }

    private static Element rowOf(Document doc, String caseId) {
        for (Element row : doc.select("table.matrix tbody tr:not(.section)")) {
            if (row.selectFirst("th.case").text().equals(caseId)) {
                return row;
            }
        }
        throw new AssertionError("no row for " + caseId);
    }

    private static Document failingCasePage() throws IOException {
        Element cell = rowOf(parse(index), SampleRun.FAILING_CASE).select("td.cell").last();
        return parse(dir.resolve(cell.selectFirst("a").attr("href")));
    }

    static Document parse(Path file) throws IOException {
        return Jsoup.parse(file.toFile(), "UTF-8");
    }
}
