package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportKeys;
import java.util.Comparator;
import java.util.List;

/**
 * The index page's deployment section: every finding of a deployment case in words, per target,
 * with what was found, what to change, and what was seen on the wire; the case's page has the
 * whole wire log, in the targets' order and by requirement. A run without findings has no such section.
 */
final class DeploymentSection {

    private DeploymentSection() {
    }

    static String of(List<CaseResult> results, PageNames pages) {
        List<String> targets = results.stream().map(CaseResult::target).distinct().toList();
        List<CaseResult> findings = results.stream().filter(r -> r.message().startsWith(ReportKeys.FINDING))
                .sorted(Comparator.comparingInt((CaseResult r) -> targets.indexOf(r.target())).thenComparing(CaseResult::requirement))
                .toList();
        if (findings.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder("<h2>Deployment findings</h2>\n<p class=\"note\">What the front end or the nodes")
                .append(" behind the address break, as the deployment cases saw it from outside, and what to change.</p>\n")
                .append("<table class=\"findings\">\n<thead><tr><th>target</th><th>requirement</th><th>found</th>")
                .append("<th>what to change</th><th>seen</th></tr></thead>\n<tbody>\n");
        for (CaseResult r : findings) {
            String finding = r.message().substring(ReportKeys.FINDING.length()).strip().lines().findFirst().orElse("");
            int colon = finding.indexOf(": ");
            String found = colon < 0 ? finding : finding.substring(0, colon);
            String change = colon < 0 ? "" : finding.substring(colon + 2);
            out.append("<tr><td>").append(Html.text(r.target())).append("</td><td><a href=\"").append(Html.attr(pages.href(r)))
                    .append("\">").append(Html.text(r.requirement())).append("</a></td><td>").append(Html.text(found))
                    .append("</td><td class=\"fix\">").append(Html.text(change)).append("</td><td class=\"seen\">")
                    .append(seen(r)).append("</td></tr>\n");
        }
        return out.append("</tbody>\n</table>\n").toString();
    }

    private static String seen(CaseResult r) {
        StringBuilder out = new StringBuilder();
        if (!r.expected().isEmpty()) {
            out.append("<div><span class=\"label\">Expected:</span> <code>").append(Html.text(r.expected())).append("</code></div>");
        }
        if (!r.actual().isEmpty()) {
            out.append("<div><span class=\"label\">Actual:</span> <code>").append(Html.text(r.actual())).append("</code></div>");
        }
        return out.toString();
    }
}
