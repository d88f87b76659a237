package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code compare.html}: cases down, targets across, each cell the worst verdict the target got
 * over its transports, as Autobahn's agent matrix puts implementations side by side.
 */
final class ComparePage {

    static final String FILE_NAME = "compare.html";

    private final ReportRun run;
    private final Requirements requirements;
    private final PageNames pages;

    ComparePage(ReportRun run, Requirements requirements, PageNames pages) {
        this.run = run;
        this.requirements = requirements;
        this.pages = pages;
    }

    Path write(Path dir) throws IOException {
        List<String> targets = List.copyOf(new Columns(run).byTarget().keySet());
        Page page = new Page("sioconf targets compared \u00b7 " + run.profile(), "");
        page.raw("<nav><a href=\"").raw(IndexPage.FILE_NAME).raw("\">\u2190 report</a></nav>\n");
        page.raw(Fragments.header(run, "Targets compared"));
        page.raw("<p>Each cell is the worst verdict the target got for the case over all its transports; "
                + "it links to that result.</p>\n");
        page.raw(Fragments.legend());
        StringBuilder out = new StringBuilder("<h2>Worst verdict per case and target</h2>\n");
        out.append("<table class=\"matrix compare\">\n<thead>\n<tr class=\"targets\"><th class=\"rowhead\">requirement</th><th class=\"rowhead\">case</th>");
        targets.forEach(t -> out.append("<th class=\"target\">").append(Html.text(t)).append("</th>"));
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (CaseRows.Section section : CaseRows.of(run, requirements)) {
            out.append("<tr class=\"section\"><th colspan=\"").append(targets.size() + 2).append("\">")
                    .append(Html.text(section.title())).append("</th></tr>\n");
            for (CaseRows.Row row : section.rows()) {
                out.append("<tr><th class=\"req\">").append(Html.text(row.requirement())).append(' ').append(Fragments.level(row.level()))
                        .append("</th><th class=\"case\" title=\"").append(Html.attr(row.description())).append("\">")
                        .append(Fragments.caseId(row.caseId())).append("</th>");
                targets.forEach(t -> out.append(cell(row.resultsFor(t))));
                out.append("</tr>\n");
            }
        }
        page.raw(out.append("</tbody>\n</table>\n").toString());
        Path file = dir.resolve(FILE_NAME);
        page.writeTo(file, run.version());
        return file;
    }

    private String cell(List<CaseResult> results) {
        if (results.isEmpty()) {
            return "<td class=\"cell empty group-start\"></td>";
        }
        CaseResult worst = results.stream()
                .min(Comparator.comparing(CaseResult::verdict, VerdictStyle.WORST_FIRST_ORDER)).orElseThrow();
        String perTransport = results.stream()
                .sorted(Comparator.comparing(CaseResult::transport, Columns.TRANSPORT_ORDER))
                .map(r -> Columns.transportLabel(r.transport()) + " " + r.verdict())
                .collect(Collectors.joining(", "));
        Verdict v = worst.verdict();
        return "<td class=\"cell group-start " + VerdictStyle.cssClass(v) + "\"><a href=\"" + Html.attr(pages.href(worst))
                + "\" title=\"" + Html.attr(perTransport) + "\">" + VerdictStyle.label(v) + "</a></td>";
    }
}
