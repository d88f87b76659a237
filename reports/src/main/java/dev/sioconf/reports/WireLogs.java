package dev.sioconf.reports;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The wire logs of a report. Every result's whole log goes into one compressed file,
 * {@code wire-logs.jsonl.gz}; the pages, results.json and junit.xml keep whole logs only for the
 * results a reader has to study (FAIL, NON_STRICT, ERROR, INFORMATIONAL). For the others (PASS,
 * and the SKIPPED and UNIMPLEMENTED that sent little) a case page shows
 * the first {@value #HEAD} and last {@value #TAIL} entries, at most {@value #TEXT} characters of
 * each, and draws no timeline, and results.json leaves its log out, so that a run of two thousand
 * cases stays a report of a few megabytes.
 */
public final class WireLogs {

    public static final String FILE_NAME = "wire-logs.jsonl.gz";

    static final int HEAD = 8;
    static final int TAIL = 2;
    static final int TEXT = 300;

    /** What did not pass, and INFORMATIONAL, which exists to record behaviour for the reader. */
    private static final Set<Verdict> KEPT_WHOLE = Set.of(Verdict.FAIL, Verdict.NON_STRICT, Verdict.ERROR, Verdict.INFORMATIONAL);
    private static final ObjectMapper JSON = new ObjectMapper();

    private WireLogs() {
    }

    /** One JSON object a line, in {@link ResultsJson#ORDER}: the result's keys and its whole {@code wire}. */
    public static Path write(Path dir, List<CaseResult> results) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        try (OutputStream gz = new FastGzip(Files.newOutputStream(file));
                Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8)) {
            for (CaseResult r : results.stream().sorted(ResultsJson.ORDER).toList()) {
                ObjectNode line = JSON.createObjectNode().put("target", r.target()).put("profile", r.profile()).put("id", r.id())
                        .put("requirement", r.requirement()).put("transport", r.transport())
                        .put("verdict", r.verdict().name());
                line.set("wire", JSON.valueToTree(r.wire()));
                w.write(JSON.writeValueAsString(line));
                w.write('\n');
            }
        }
        return file;
    }

    /** Whether the report keeps a result's whole log: it did not pass, and the reader will want every step. */
    public static boolean keptWhole(Verdict v) {
        return KEPT_WHOLE.contains(v);
    }

    /** The result as the report shows it: whole when it did not pass, else with its log cut short. */
    public static CaseResult forReport(CaseResult r) {
        if (keptWhole(r.verdict()) || !isLong(r.wire())) {
            return r;
        }
        List<WireEntry> wire = r.wire();
        List<WireEntry> shown = new ArrayList<>();
        // a note in place of a single entry would save nothing
        int cut = wire.size() > HEAD + TAIL + 1 ? wire.size() - HEAD - TAIL : 0;
        for (int i = 0; i < wire.size(); i++) {
            if (cut > 0 && i == HEAD) {
                shown.add(new WireEntry(wire.get(i).atMillis(), "!", "note", cut + " entries left out here: the case passed, and "
                        + FILE_NAME + " beside this report has its whole log"));
                i += cut - 1;
                continue;
            }
            shown.add(shortText(wire.get(i)));
        }
        return new CaseResult(r.id(), r.profile(), r.requirement(), r.description(), r.target(), r.transport(), r.verdict(),
                r.expected(), r.actual(), r.message(), r.durationMillis(), shown);
    }

    private static boolean isLong(List<WireEntry> wire) {
        return wire.size() > HEAD + TAIL + 1 || wire.stream().anyMatch(e -> e.text().length() > TEXT);
    }

    private static WireEntry shortText(WireEntry e) {
        if (e.text().length() <= TEXT) {
            return e;
        }
        return new WireEntry(e.atMillis(), e.direction(), e.kind(), e.text().substring(0, TEXT) + "... ("
                + (e.text().length() - TEXT) + " more characters in " + FILE_NAME + ")");
    }

    /** gzip at its fastest level: reports are written often (every test run writes some), and wire logs compress well at any level. */
    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(OutputStream out) throws IOException {
            super(out);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
