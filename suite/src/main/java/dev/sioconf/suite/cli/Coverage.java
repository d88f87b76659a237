package dev.sioconf.suite.cli;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.Verdict;
import dev.sioconf.suite.target.Target;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How much of the spec a run checked on one target: of the requirements its cases cover, those
 * with at least one result that is neither SKIPPED nor UNIMPLEMENTED, and how many were left for
 * want of the contract application or of an optional feature.
 */
record Coverage(int checked, int covered, int needContract, int notOffered) {

    static Coverage of(Target t, List<CaseResult> results) {
        Map<String, List<CaseResult>> byRequirement = results.stream().filter(r -> r.target().equals(t.name()))
                .collect(Collectors.groupingBy(CaseResult::requirement));
        int checked = 0;
        int contract = 0;
        int unimplemented = 0;
        for (List<CaseResult> rs : byRequirement.values()) {
            if (rs.stream().anyMatch(r -> r.verdict() != Verdict.SKIPPED && r.verdict() != Verdict.UNIMPLEMENTED)) {
                checked++;
            } else if (rs.stream().anyMatch(r -> r.verdict() == Verdict.SKIPPED && r.message().startsWith("needs the contract"))) {
                contract++;
            } else if (rs.stream().anyMatch(r -> r.verdict() == Verdict.UNIMPLEMENTED)) {
                unimplemented++;
            }
        }
        return new Coverage(checked, byRequirement.size(), contract, unimplemented);
    }

    /** e.g. {@code 120 of 180 requirements checked; 55 need the contract (SKIPPED), 5 not offered (UNIMPLEMENTED)}. */
    String describe() {
        StringBuilder s = new StringBuilder(checked + " of " + covered + " requirements checked");
        String sep = "; ";
        if (needContract > 0) {
            s.append(sep).append(needContract).append(" need the contract (SKIPPED)");
            sep = ", ";
        }
        if (notOffered > 0) {
            s.append(sep).append(notOffered).append(" not offered by the server (UNIMPLEMENTED)");
        }
        return s.toString();
    }
}
