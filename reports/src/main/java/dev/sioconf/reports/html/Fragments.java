package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.Verdict;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Small pieces of markup more than one page uses. */
final class Fragments {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private Fragments() {
    }

    static String badge(Verdict v) {
        return "<span class=\"badge " + VerdictStyle.cssClass(v) + "\">" + VerdictStyle.label(v) + "</span>";
    }

    static String level(String level) {
        String css = switch (level) {
            case "MUST", "SHOULD", "MAY" -> "lvl-" + level.toLowerCase(Locale.ROOT);
            default -> "lvl-unknown";
        };
        return "<span class=\"lvl " + css + "\">" + Html.text(level) + "</span>";
    }

    /** {@code Class.method} with the class muted, so the eye finds the method. */
    static String caseId(String id) {
        int dot = id.lastIndexOf('.');
        if (dot < 0) {
            return Html.text(id);
        }
        return "<span class=\"cls\">" + Html.text(id.substring(0, dot + 1)) + "</span>" + Html.text(id.substring(dot + 1));
    }

    static String duration(long millis) {
        return millis < 1000 ? millis + " ms"
                : String.format(Locale.ROOT, "%d ms (%.1f s)", millis, millis / 1000.0);
    }

    static String header(ReportRun run, String heading) {
        return "<h1>" + Html.text(heading) + "</h1>\n<p class=\"sub\">profile " + Html.text(run.profile())
                + " \u00b7 run " + Html.text(DATE.format(run.date())) + " \u00b7 sioconf " + Html.text(run.version())
                + "</p>\n";
    }

    static String legend() {
        StringBuilder out = new StringBuilder("<h2>Legend</h2>\n<ul class=\"legend\">\n");
        for (Verdict v : VerdictStyle.legendOrder()) {
            out.append("<li>").append(badge(v)).append("<span class=\"name\">").append(v.name()).append("</span><span>").append(Html.text(VerdictStyle.meaning(v)))
                    .append("</span></li>\n");
        }
        return out.append("</ul>\n").toString();
    }

    static Map<Verdict, Integer> counts(List<CaseResult> results) {
        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        results.forEach(r -> counts.merge(r.verdict(), 1, Integer::sum));
        return counts;
    }
}
