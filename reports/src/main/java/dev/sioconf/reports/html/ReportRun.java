package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything one report shows.
 *
 * @param targets each target's name with its declared settings, in the order to show them; the
 *                settings may be empty when unknown
 */
public record ReportRun(String profile, Map<String, String> targets, Instant date, String version,
                        List<CaseResult> results) {

    public ReportRun {
        Map<String, String> all = new LinkedHashMap<>(targets);
        // a target that appears only in the results still gets its columns
        results.forEach(r -> all.putIfAbsent(r.target(), ""));
        targets = Collections.unmodifiableMap(all);
        results = List.copyOf(results);
    }
}
