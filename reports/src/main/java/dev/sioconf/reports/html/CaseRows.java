package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ResultsJson;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The matrix rows: one per case id, grouped under the spec section of its requirement, in spec order. */
final class CaseRows {

    /** One case with every result it has, on any target and transport. */
    record Row(String caseId, String profile, String requirement, String level, String description, List<CaseResult> results) {

        List<CaseResult> resultsFor(String target, String transport) {
            return results.stream().filter(r -> r.target().equals(target) && r.transport().equals(transport)).toList();
        }

        List<CaseResult> resultsFor(String target) {
            return results.stream().filter(r -> r.target().equals(target)).toList();
        }
    }

    record Section(String title, List<Row> rows) {
    }

    static List<Section> of(ReportRun run, Requirements requirements) {
        Map<String, List<CaseResult>> byCase = new LinkedHashMap<>();
        // keyed by profile too: two profiles may have case classes of the same name
        run.results().forEach(r -> byCase.computeIfAbsent(r.profile() + " " + r.id(), k -> new ArrayList<>()).add(r));
        boolean severalProfiles = run.results().stream().map(CaseResult::profile).distinct().count() > 1;

        List<Row> rows = new ArrayList<>();
        byCase.forEach((key, results) -> {
            CaseResult first = results.get(0);
            rows.add(new Row(first.id(), first.profile(), first.requirement(), requirements.level(first.profile(), first.requirement()),
                    first.description(), List.copyOf(results)));
        });
        // requirements spec/ knows come in document order; unknown ones go last, under "Other"
        Comparator<Row> order = Comparator
                .comparing((Row r) -> requirements.find(r.profile(), r.requirement()).isEmpty())
                .thenComparing(Row::profile)
                .thenComparing(Row::requirement, ResultsJson::compareIds)
                .thenComparing(Row::caseId);
        rows.sort(order);

        Map<String, List<Row>> sections = new LinkedHashMap<>();
        for (Row row : rows) {
            String title = (severalProfiles ? row.profile() + " \u00b7 " : "") + requirements.section(row.profile(), row.requirement());
            sections.computeIfAbsent(title, k -> new ArrayList<>()).add(row);
        }
        List<Section> out = new ArrayList<>();
        sections.forEach((title, list) -> out.add(new Section(title, list)));
        return out;
    }
}
