package dev.sioconf.suite.hostile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.ResultsCollector;
import dev.sioconf.suite.cli.SuiteRunner;
import dev.sioconf.suite.target.Targets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A target whose answers carry markup in bodies, header values and event payloads: the report
 * written from its results shows that markup as text, and nothing of it as elements.
 */
class ReportInjectionTest {

    @TempDir
    Path report;

    @Test
    void markupFromTheTargetShowsAsTextAndNeverAsElementsOfTheReport() throws Exception {
        List<CaseResult> results = new ArrayList<>();
        Map<String, String> declared = new LinkedHashMap<>();
        try (HostileTarget target = HostileTarget.injecting()) {
            CompletableFuture<List<CaseResult>> legacy = CompletableFuture.supplyAsync(() -> SuiteRunner.run(
                    config(target, "legacy", Targets.TRANSPORTS, "xhr-polling", Targets.POLLING_DURATION, "1"), "LEG-16", new ResultsCollector()));
            CompletableFuture<List<CaseResult>> eio4 = CompletableFuture.supplyAsync(() -> SuiteRunner.run(
                    config(target, "eio4", Targets.TRANSPORTS, "polling", Targets.PING_INTERVAL, "1000"), "EIO4-19", new ResultsCollector()));
            results.addAll(legacy.get());
            results.addAll(eio4.get());
            declared.put("hostile-legacy", target.base() + " " + HostileTarget.MARKUP.get(0));
            declared.put("hostile-eio4", target.base() + " " + HostileTarget.MARKUP.get(1));
        }
        assertThat(results).isNotEmpty();
        assertThat(results.stream().map(CaseResult::toString)).anyMatch(r -> r.contains(HostileTarget.MARKUP.get(0)));

        ReportWriter.write(report, "legacy,eio4", declared, results);

        List<Path> pages;
        try (Stream<Path> files = Files.walk(report)) {
            pages = files.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(pages).hasSizeGreaterThan(results.size() / 2);
        StringBuilder allText = new StringBuilder();
        for (Path page : pages) {
            Document doc = Jsoup.parse(page.toFile(), "UTF-8");
            assertNoActiveContent(page, doc);
            allText.append(doc.text()).append('\n');
        }
        for (String markup : HostileTarget.MARKUP) {
            assertThat(allText.toString()).as("the report shows %s as text", markup).contains(markup);
        }
        JsonNode json = new ObjectMapper().readTree(report.resolve("results.json").toFile());
        assertThat(json.toString()).contains(HostileTarget.MARKUP.get(3).replace("\"", "\\\""));
        DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(report.resolve("junit.xml").toFile());
    }

    /** The report has no script of its own and links nowhere outside: so none of any kind may show up. */
    private static void assertNoActiveContent(Path page, Document doc) throws IOException {
        assertThat(doc.select("script, iframe, object, embed, img, a[href^=javascript], form, base"))
                .as("active elements in %s", page).isEmpty();
        // the report's own policy, in its head, and no other
        assertThat(doc.select("meta[http-equiv]").stream().map(m -> m.parent().tagName() + " " + m.attr("content")).toList())
                .as("http-equiv metas in %s", page).containsExactly("head default-src 'none'; style-src 'self'; img-src data:");
        assertThat(doc.select("svg").stream().map(e -> e.className()).toList())
                .as("svg elements in %s (only the wire timeline)", page).allMatch("timeline"::equals);
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).as("attribute of <%s> in %s", e.tagName(), page).doesNotStartWith("on");
                // a title is inert text (a matrix cell's tooltip quotes what the server sent); every other attribute is checked
                if (!a.getKey().equals("title")) {
                    assertThat(a.getValue().toLowerCase()).as("attribute %s in %s", a.getKey(), page).doesNotContain("javascript:");
                }
            }
        }
    }

    private static Map<String, String> config(HostileTarget target, String profile, String... keysAndValues) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put(Targets.TARGET, target.base().toString());
        config.put(Targets.PROFILE, profile);
        for (int i = 0; i < keysAndValues.length; i += 2) {
            config.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return config;
    }
}
