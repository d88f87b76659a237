package dev.sioconf.reports.html;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.Verdict;
import dev.sioconf.reports.WireEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentSectionTest {

    static final String FINDING = "Finding: the front end does not carry WebSocket: offer polling only, as the web-role setup does";

    @TempDir
    Path dir;

    @Test
    void eachFindingIsListedWithWhatWasFoundWhatToChangeAndWhatWasSeen() throws IOException {
        CaseResult carried = result("nginx/no-upgrade-headers", Verdict.FAIL, FINDING, "HTTP/1.1 101 Switching Protocols",
                "HTTP/1.1 400 Bad Request {\"code\":3,\"message\":\"Bad request\"}");
        CaseResult fine = result("nginx/websocket-proxy", Verdict.PASS, "", "", "");
        Document doc = write(List.of(carried, fine));

        Element table = doc.selectFirst("table.findings");
        assertThat(table).isNotNull();
        assertThat(table.select("tbody tr")).hasSize(1);
        assertThat(table.select("tbody td").eachText()).containsExactly("nginx/no-upgrade-headers", "EIO4-24.1",
                "the front end does not carry WebSocket", "offer polling only, as the web-role setup does",
                "Expected: HTTP/1.1 101 Switching Protocols Actual: HTTP/1.1 400 Bad Request {\"code\":3,\"message\":\"Bad request\"}");
        String href = table.selectFirst("tbody a").attr("href");
        assertThat(dir.resolve(href)).isRegularFile();
    }

    @Test
    void aRunWithoutFindingsHasNoDeploymentSection() throws IOException {
        Document doc = write(List.of(result("nginx/websocket-proxy", Verdict.PASS, "", "", ""),
                result("plain", Verdict.FAIL, "expected 101", "101", "400")));
        assertThat(doc.select("table.findings")).isEmpty();
        assertThat(doc.text()).doesNotContain("Deployment findings");
    }

    private Document write(List<CaseResult> results) throws IOException {
        Map<String, String> targets = new java.util.LinkedHashMap<>();
        results.forEach(r -> targets.put(r.target(), ""));
        Path index = ReportWriter.write(dir, "eio4", targets, results, SampleRun.DATE, "0.0.0-test");
        return Jsoup.parse(index.toFile());
    }

    private static CaseResult result(String target, Verdict v, String message, String expected, String actual) {
        return new CaseResult("DeploymentCases.websocketAnnouncedIsCarriedThroughTheFrontEnd", "eio4", "EIO4-24.1",
                "opens a WebSocket naming the session", target, "-", v, expected, actual, message, 40,
                List.of(new WireEntry(0, ">", "http", "GET /socket.io/?EIO=4&transport=websocket&sid=x HTTP/1.1")));
    }
}
