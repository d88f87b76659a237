package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code index.html}: the run's summary, the deployment findings when there are any, the legend,
 * and the matrix of cases by target and transport.
 */
final class IndexPage {

    static final String FILE_NAME = "index.html";

    private final ReportRun run;
    private final Requirements requirements;
    private final PageNames pages;

    IndexPage(ReportRun run, Requirements requirements, PageNames pages) {
        this.run = run;
        this.requirements = requirements;
        this.pages = pages;
    }

    /** @param siblings names of the other files in the report directory to link to (compare.html, results.json, ...) */
    Path write(Path dir, List<String> siblings) throws IOException {
        Page page = new Page("sioconf report \u00b7 " + run.profile(), "");
        page.raw(Fragments.header(run, "sioconf conformance report"));
        page.raw(summary());
        if (!siblings.isEmpty()) {
            page.raw("<p class=\"links\">");
            for (int i = 0; i < siblings.size(); i++) {
                page.raw(i == 0 ? "" : " \u00b7 ").raw("<a href=\"").raw(Html.attr(siblings.get(i))).raw("\">")
                        .text(siblings.get(i)).raw("</a>");
            }
            page.raw("</p>\n");
        }
        page.raw(DeploymentSection.of(run.results(), pages));
        page.raw(Fragments.legend());
        page.raw(matrices());
        Path file = dir.resolve(FILE_NAME);
        page.writeTo(file, run.version());
        return file;
    }

    private String summary() {
        StringBuilder out = new StringBuilder("<table class=\"summary\">\n<thead><tr><th>target</th><th>declared settings</th>");
        for (Verdict v : VerdictStyle.legendOrder()) {
            out.append("<th>").append(Fragments.badge(v)).append("</th>");
        }
        out.append("<th>total</th></tr></thead>\n<tbody>\n");
        for (Map.Entry<String, String> target : run.targets().entrySet()) {
            List<CaseResult> results = run.results().stream().filter(r -> r.target().equals(target.getKey())).toList();
            String declared = target.getValue().isEmpty() ? "<span class=\"note\">not known here</span>"
                    : Html.text(target.getValue());
            out.append("<tr><td>").append(Html.text(target.getKey())).append("</td><td class=\"declared\">")
                    .append(declared).append("</td>").append(countCells(results)).append("</tr>\n");
        }
        if (run.targets().size() > 1) {
            out.append("<tr class=\"all\"><td colspan=\"2\">all targets</td>").append(countCells(run.results()))
                    .append("</tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String countCells(List<CaseResult> results) {
        Map<Verdict, Integer> counts = Fragments.counts(results);
        StringBuilder out = new StringBuilder();
        for (Verdict v : VerdictStyle.legendOrder()) {
            int n = counts.getOrDefault(v, 0);
            out.append("<td class=\"count").append(n == 0 ? " zero" : "").append("\">").append(n).append("</td>");
        }
        return out.append("<td class=\"count\">").append(results.size()).append("</td>").toString();
    }

    /** One matrix per profile: targets of different profiles share no case, so side by side they would be mostly blank. */
    private String matrices() {
        List<String> profiles = run.results().stream().map(CaseResult::profile).distinct().toList();
        if (profiles.size() <= 1) {
            return matrix(run, "Results by case, target and transport");
        }
        StringBuilder out = new StringBuilder();
        for (String profile : profiles) {
            ReportRun part = new ReportRun(profile, run.targets(), run.date(), run.version(),
                    run.results().stream().filter(r -> r.profile().equals(profile)).toList());
            out.append(matrix(part, "Profile " + profile + ": results by case, target and transport"));
        }
        return out.toString();
    }

    private String matrix(ReportRun part, String heading) {
        Columns columns = new Columns(part);
        List<Columns.Column> all = columns.all();
        StringBuilder out = new StringBuilder("<h2>").append(Html.text(heading)).append("</h2>\n");
        out.append("<table class=\"matrix\">\n<thead>\n<tr class=\"targets\"><th class=\"rowhead\" rowspan=\"2\">requirement</th>")
                .append("<th class=\"rowhead\" rowspan=\"2\">case</th>");
        columns.byTarget().forEach((target, transports) -> out.append("<th class=\"target\" colspan=\"")
                .append(transports.size()).append("\">").append(Html.text(target)).append("</th>"));
        out.append("</tr>\n<tr class=\"transports\">");
        columns.byTarget().forEach((target, transports) -> {
            for (int i = 0; i < transports.size(); i++) {
                out.append("<th").append(i == 0 ? " class=\"group-start\"" : "").append(">")
                        .append(Html.text(Columns.transportLabel(transports.get(i)))).append("</th>");
            }
        });
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (CaseRows.Section section : CaseRows.of(part, requirements)) {
            out.append("<tr class=\"section\"><th colspan=\"").append(all.size() + 2).append("\">")
                    .append(Html.text(section.title())).append("</th></tr>\n");
            for (CaseRows.Row row : section.rows()) {
                out.append("<tr><th class=\"req\">").append(Html.text(row.requirement())).append(' ').append(Fragments.level(row.level()))
                        .append("</th><th class=\"case\" title=\"").append(Html.attr(row.description())).append("\">")
                        .append(Fragments.caseId(row.caseId())).append("</th>");
                String previousTarget = null;
                for (Columns.Column column : all) {
                    boolean groupStart = !column.target().equals(previousTarget);
                    previousTarget = column.target();
                    out.append(cell(row.resultsFor(column.target(), column.transport()), groupStart));
                }
                out.append("</tr>\n");
            }
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private String cell(List<CaseResult> results, boolean groupStart) {
        String group = groupStart ? " group-start" : "";
        if (results.isEmpty()) {
            return "<td class=\"cell empty" + group + "\"></td>";
        }
        Verdict worst = VerdictStyle.worst(results.stream().map(CaseResult::verdict).toList());
        StringBuilder out = new StringBuilder("<td class=\"cell ").append(VerdictStyle.cssClass(worst)).append(group)
                .append("\">");
        for (CaseResult r : results) {
            out.append("<a href=\"").append(Html.attr(pages.href(r))).append("\" title=\"")
                    .append(Html.attr(r.verdict() + " \u00b7 " + Fragments.duration(r.durationMillis()) + " \u00b7 "
                            + r.target() + " \u00b7 " + Columns.transportLabel(r.transport()) + reason(r)))
                    .append("\">").append(VerdictStyle.label(r.verdict())).append("</a>");
        }
        return out.append("</td>").toString();
    }

    /** What did not pass, in a line for the cell's tooltip: the comparison, else the message's first line. */
    static String reason(CaseResult r) {
        if (r.verdict() == Verdict.PASS) {
            return "";
        }
        String why = !r.expected().isEmpty() || !r.actual().isEmpty()
                ? "Expected: " + r.expected() + " / Actual: " + r.actual()
                : r.message().strip().lines().findFirst().orElse("");
        why = why.replaceAll("\\s+", " ");
        return why.isEmpty() ? "" : "\n" + (why.length() > REASON_MAX ? why.substring(0, REASON_MAX) + "..." : why);
    }

    private static final int REASON_MAX = 200;
}
