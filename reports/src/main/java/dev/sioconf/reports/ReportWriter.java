package dev.sioconf.reports;

import dev.sioconf.reports.html.HtmlReport;
import dev.sioconf.reports.html.ReportRun;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Writes a whole report into a directory: results.json for machines, junit.xml for CI, the
 * HTML report (index.html, compare.html with two or more targets, one page per result), and every
 * whole wire log in wire-logs.jsonl.gz (the others cut a passing case's log short).
 */
public final class ReportWriter {

    private ReportWriter() {
    }

    /**
     * @param targets each target's name with its declared settings (empty when not known)
     * @return the path of index.html
     */
    public static Path write(Path dir, String profile, Map<String, String> targets, List<CaseResult> results)
            throws IOException {
        return write(dir, profile, targets, results, Instant.now(), SioconfVersion.get());
    }

    /** As {@link #write(Path, String, Map, List)}, with the run's date and the writing version given. */
    public static Path write(Path dir, String profile, Map<String, String> targets, List<CaseResult> results,
                             Instant date, String version) throws IOException {
        WireLogs.write(dir, results);
        List<CaseResult> shown = results.stream().map(WireLogs::forReport).toList();
        ResultsJson.write(dir, profile, targets, shown);
        JunitXml.write(dir, profile, targets, shown, date);
        ReportRun run = new ReportRun(profile, targets, date, version, shown);
        return HtmlReport.write(dir, run, List.of(ResultsJson.FILE_NAME, JunitXml.FILE_NAME, WireLogs.FILE_NAME));
    }
}
