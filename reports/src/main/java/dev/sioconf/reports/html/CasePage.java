package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.WireEntry;
import dev.sioconf.reports.WireLogs;
import dev.sioconf.spec.Requirement;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/** One result's page: the requirement, what the tester did, expected against observed, and the wire. */
final class CasePage {

    private final ReportRun run;
    private final Requirements requirements;
    private final PageNames pages;

    CasePage(ReportRun run, Requirements requirements, PageNames pages) {
        this.run = run;
        this.requirements = requirements;
        this.pages = pages;
    }

    void write(Path dir, CaseResult r, boolean withCompare) throws IOException {
        Page page = new Page(r.requirement() + " " + r.id() + " [" + r.transport() + "] \u00b7 " + r.target(), "../");
        page.raw("<nav><a href=\"../").raw(IndexPage.FILE_NAME).raw("\">\u2190 report</a>");
        if (withCompare) {
            page.raw(" \u00b7 <a href=\"../").raw(ComparePage.FILE_NAME).raw("\">compare targets</a>");
        }
        page.raw("</nav>\n<h1 class=\"mono\">").raw(Fragments.caseId(r.id())).raw("</h1>\n");
        page.raw("<p class=\"verdict-line\">").raw(Fragments.badge(r.verdict())).raw(" on ").raw("<b>")
                .text(r.target()).raw("</b>, transport <b>").text(Columns.transportLabel(r.transport()))
                .raw("</b>, in ").text(Fragments.duration(r.durationMillis())).raw("</p>\n");
        page.raw(facts(r));
        page.raw(comparison(r));
        if (!r.wire().isEmpty() && WireLogs.keptWhole(r.verdict())) {
            page.raw("<h2>Timeline</h2>\n").raw(WireTimeline.svg(r.wire())).raw("\n");
        }
        page.raw(wireLog(r));
        page.writeTo(dir.resolve(PageNames.DIR).resolve(pages.fileName(r)), run.version());
    }

    private String facts(CaseResult r) {
        Optional<Requirement> req = requirements.find(r.profile(), r.requirement());
        StringBuilder out = new StringBuilder("<table class=\"facts\">\n");
        row(out, "Requirement", "<span class=\"mono\">" + Html.text(r.requirement()) + "</span>"
                + Fragments.level(req.map(q -> q.level().name()).orElse("?"))
                + req.map(q -> " \u00b7 " + Html.text(q.section())).orElse(""));
        row(out, "Requirement text", req.map(q -> "<div class=\"spec\">" + Html.specText(q.text()) + "</div>")
                .orElse("<span class=\"note\">not found in spec/ for profile " + Html.text(r.profile()) + "</span>"));
        row(out, "What the tester did", r.description().isEmpty() ? "<span class=\"note\">not described</span>"
                : Html.text(r.description()));
        String declared = run.targets().getOrDefault(r.target(), "");
        row(out, "Target", Html.text(r.target())
                + (declared.isEmpty() ? "" : "<br><span class=\"declared\">" + Html.text(declared) + "</span>"));
        row(out, "Transport", Html.text(Columns.NO_TRANSPORT.equals(r.transport()) ? "not per transport" : r.transport()));
        row(out, "Verdict", Fragments.badge(r.verdict()) + " " + Html.text(VerdictStyle.meaning(r.verdict())));
        row(out, "Duration", Html.text(Fragments.duration(r.durationMillis())));
        return out.append("</table>\n").toString();
    }

    private static void row(StringBuilder out, String name, String valueMarkup) {
        out.append("<tr><th>").append(Html.text(name)).append("</th><td>").append(valueMarkup).append("</td></tr>\n");
    }

    private static String comparison(CaseResult r) {
        StringBuilder out = new StringBuilder("<h2>Expected and observed</h2>\n");
        boolean compared = !r.expected().isEmpty() || !r.actual().isEmpty();
        if (compared) {
            out.append("<div class=\"side-by-side\">\n<div class=\"expected\"><h3>Expected</h3><pre>")
                    .append(Html.text(r.expected())).append("</pre></div>\n<div class=\"actual\"><h3>Actual</h3><pre>")
                    .append(Html.text(r.actual())).append("</pre></div>\n</div>\n");
            int at = firstDifference(r.expected(), r.actual());
            if (at >= 0) {
                out.append("<p class=\"note\">They first differ at character ").append(at + 1).append(".</p>\n");
            }
        } else {
            out.append("<p class=\"note\">").append(r.message().isEmpty()
                    ? "The server behaved as expected; there is nothing to compare."
                    : comparesInItsMessage(r.message()) ? "The values compared are in the message."
                    : "The case stopped before comparing values.").append("</p>\n");
        }
        if (!r.message().isEmpty()) {
            out.append("<div class=\"message\"><h3>Message</h3><pre>").append(Html.text(r.message()))
                    .append("</pre></div>\n");
        }
        return out.toString();
    }

    /** A message written as {@code Expected: ... Actual: ...} compares values, though no expected or actual was recorded. */
    static boolean comparesInItsMessage(String message) {
        return message.contains("Expected:") && message.contains("Actual:")
                || message.contains("expected:") && message.contains("but was:");
    }

    /** The index of the first character where the two differ, or -1 when they are equal. */
    static int firstDifference(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            if (a.charAt(i) != b.charAt(i)) {
                return i;
            }
        }
        return a.length() == b.length() ? -1 : n;
    }

    private static String wireLog(CaseResult r) {
        StringBuilder out = new StringBuilder("<h2>Wire log (").append(r.wire().size())
                .append(r.wire().size() == 1 ? " entry" : " entries").append(")</h2>\n");
        if (r.wire().isEmpty()) {
            return out.append("<p class=\"note\">Nothing went over the wire.</p>\n").toString();
        }
        out.append("<table class=\"wire\">\n<thead><tr><th class=\"t\">ms</th><th class=\"dir\">dir</th><th class=\"kind\">kind</th><th>text</th></tr></thead>\n<tbody>\n");
        for (WireEntry e : r.wire()) {
            out.append("<tr class=\"").append(directionClass(e.direction())).append("\"><td class=\"t\">")
                    .append(e.atMillis()).append("</td><td class=\"dir\">").append(Html.text(e.direction()))
                    .append("</td><td class=\"kind\">").append(Html.text(e.kind())).append("</td><td><pre>")
                    .append(Html.text(e.text())).append("</pre></td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String directionClass(String direction) {
        return switch (direction == null ? "" : direction) {
            case ">" -> "out";
            case "<" -> "in";
            default -> "note";
        };
    }
}
