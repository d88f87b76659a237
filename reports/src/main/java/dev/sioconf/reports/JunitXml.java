package dev.sioconf.reports;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code junit.xml} for CI systems: one {@code <testsuite>} per target, one {@code <testcase>} per
 * result named {@code requirement case [transport]}. FAIL and ERROR are {@code <failure>}s (with
 * {@code type} telling them apart), UNIMPLEMENTED and SKIPPED are {@code <skipped>}; the rest pass.
 */
public final class JunitXml {

    public static final String FILE_NAME = "junit.xml";

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private JunitXml() {
    }

    public static Path write(Path dir, String profile, Map<String, String> targets, List<CaseResult> results,
                             Instant date) throws IOException {
        Map<String, List<CaseResult>> byTarget = new LinkedHashMap<>();
        targets.keySet().forEach(t -> byTarget.put(t, new ArrayList<>()));
        results.stream().sorted(ResultsJson.ORDER)
                .forEach(r -> byTarget.computeIfAbsent(r.target(), k -> new ArrayList<>()).add(r));

        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.append("<testsuites name=\"sioconf ").append(attr(profile)).append('"').append(totals(results)).append(">\n");
        for (Map.Entry<String, List<CaseResult>> suite : byTarget.entrySet()) {
            List<CaseResult> rs = suite.getValue();
            xml.append("  <testsuite name=\"").append(attr(suite.getKey())).append('"').append(totals(rs))
                    .append(" timestamp=\"").append(TIMESTAMP.format(date)).append("\">\n");
            xml.append("    <properties>\n");
            property(xml, "profile", profile);
            property(xml, "declared", targets.getOrDefault(suite.getKey(), ""));
            xml.append("    </properties>\n");
            rs.forEach(r -> testcase(xml, r));
            xml.append("  </testsuite>\n");
        }
        xml.append("</testsuites>\n");
        Files.createDirectories(dir);
        Path file = dir.resolve(FILE_NAME);
        Files.writeString(file, xml, StandardCharsets.UTF_8);
        return file;
    }

    /** The name a CI system lists a result under. */
    public static String testName(CaseResult r) {
        return r.requirement() + " " + r.id() + " [" + r.transport() + "]";
    }

    private static void testcase(StringBuilder xml, CaseResult r) {
        String className = r.id().contains(".") ? r.id().substring(0, r.id().lastIndexOf('.')) : r.id();
        xml.append("    <testcase name=\"").append(attr(testName(r))).append("\" classname=\"").append(attr(className))
                .append("\" time=\"").append(seconds(r.durationMillis())).append('"');
        switch (r.verdict()) {
            case FAIL, ERROR -> {
                xml.append(">\n      <failure type=\"").append(r.verdict()).append("\" message=\"")
                        .append(attr(failureMessage(r))).append("\">").append(text(details(r))).append("</failure>\n");
                xml.append("      <system-out>").append(text(wire(r))).append("</system-out>\n    </testcase>\n");
            }
            case UNIMPLEMENTED, SKIPPED -> xml.append(">\n      <skipped message=\"")
                    .append(attr(r.verdict() + (r.message().isEmpty() ? "" : ": " + r.message())))
                    .append("\"/>\n    </testcase>\n");
            // a missed SHOULD passes in CI's eyes; the verdict is kept where a reader will see it
            case NON_STRICT, INFORMATIONAL -> xml.append(">\n      <system-out>").append(text(r.verdict() + "\n"
                    + details(r))).append("</system-out>\n    </testcase>\n");
            case PASS -> xml.append("/>\n");
        }
    }

    static String failureMessage(CaseResult r) {
        if (!r.expected().isEmpty() || !r.actual().isEmpty()) {
            return r.verdict() + ": expected " + r.expected() + " but was " + r.actual();
        }
        return r.verdict() + (r.message().isEmpty() ? "" : ": " + r.message());
    }

    private static String details(CaseResult r) {
        StringBuilder out = new StringBuilder();
        out.append("target: ").append(r.target()).append('\n');
        out.append("did: ").append(r.description()).append('\n');
        if (!r.expected().isEmpty() || !r.actual().isEmpty()) {
            out.append("expected: ").append(r.expected()).append('\n');
            out.append("actual:   ").append(r.actual()).append('\n');
        }
        if (!r.message().isEmpty()) {
            out.append(r.message()).append('\n');
        }
        return out.toString();
    }

    private static String wire(CaseResult r) {
        StringBuilder out = new StringBuilder();
        r.wire().forEach(e -> out.append(e.atMillis()).append(" ").append(e.direction()).append(" ").append(e.kind())
                .append(" ").append(e.text()).append('\n'));
        return out.toString();
    }

    private static String totals(List<CaseResult> rs) {
        long failures = rs.stream().filter(r -> r.verdict().breaksConformance()).count();
        long skipped = rs.stream().filter(r -> r.verdict() == Verdict.UNIMPLEMENTED || r.verdict() == Verdict.SKIPPED).count();
        long millis = rs.stream().mapToLong(CaseResult::durationMillis).sum();
        return " tests=\"" + rs.size() + "\" failures=\"" + failures + "\" errors=\"0\" skipped=\"" + skipped
                + "\" time=\"" + seconds(millis) + "\"";
    }

    private static void property(StringBuilder xml, String name, String value) {
        xml.append("      <property name=\"").append(attr(name)).append("\" value=\"").append(attr(value)).append("\"/>\n");
    }

    private static String seconds(long millis) {
        return String.format(Locale.ROOT, "%.3f", millis / 1000.0);
    }

    private static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }

    /**
     * Element text. The wire can carry anything, but XML 1.0 cannot hold NUL, most C0 controls,
     * lone surrogates or U+FFFE/U+FFFF even as references; those become U+FFFD so the file still parses.
     */
    static String text(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
                continue;
            }
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed) {
                out.append('\uFFFD');
            } else if (c == '&') {
                out.append("&amp;");
            } else if (c == '<') {
                out.append("&lt;");
            } else if (c == '>') {
                out.append("&gt;");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
