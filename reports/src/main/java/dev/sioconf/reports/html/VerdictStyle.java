package dev.sioconf.reports.html;

import dev.sioconf.reports.Verdict;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/** How each verdict looks in the report, what it means, and which of several is the worst. */
public final class VerdictStyle {

    private VerdictStyle() {
    }

    /** The CSS class of a cell or badge, e.g. {@code v-fail}. */
    public static String cssClass(Verdict v) {
        return "v-" + v.name().toLowerCase().replace('_', '-');
    }

    /** The short label shown inside a matrix cell; the legend pairs it with the verdict's name. */
    public static String label(Verdict v) {
        return switch (v) {
            case PASS -> "PASS";
            case NON_STRICT -> "N-STRICT";
            case INFORMATIONAL -> "INFO";
            case UNIMPLEMENTED -> "UNIMPL";
            case FAIL -> "FAIL";
            case ERROR -> "ERROR";
            case SKIPPED -> "SKIP";
        };
    }

    /** The legend's explanation, in MUST/SHOULD terms. */
    public static String meaning(Verdict v) {
        return switch (v) {
            case PASS -> "The server did what the requirement asks (MUST or SHOULD met).";
            case NON_STRICT -> "A SHOULD was missed: clients that follow the spec still work, but not as recommended.";
            case INFORMATIONAL -> "Behaviour recorded for the reader (a MAY); nothing to pass or fail.";
            case UNIMPLEMENTED -> "An optional feature the server does not offer (e.g. flashsocket); never a failure.";
            case FAIL -> "A MUST was broken by the server under test.";
            case ERROR -> "The harness itself failed; says nothing about the server. Rerun, or report a sioconf bug.";
            case SKIPPED -> "Not run, e.g. because the target does not offer what the case needs.";
        };
    }

    /**
     * Worst first: a broken MUST outweighs a harness error, which outweighs a missed SHOULD; a skip
     * says least, so one PASS and one SKIPPED combine to PASS.
     */
    private static final List<Verdict> WORST_FIRST = List.of(
            Verdict.FAIL, Verdict.ERROR, Verdict.NON_STRICT, Verdict.UNIMPLEMENTED,
            Verdict.INFORMATIONAL, Verdict.PASS, Verdict.SKIPPED);

    public static final Comparator<Verdict> WORST_FIRST_ORDER = Comparator.comparingInt(WORST_FIRST::indexOf);

    public static Verdict worst(Collection<Verdict> verdicts) {
        return verdicts.stream().min(WORST_FIRST_ORDER).orElse(Verdict.SKIPPED);
    }

    /** The order of the legend and the counts. */
    public static List<Verdict> legendOrder() {
        return List.of(Verdict.PASS, Verdict.NON_STRICT, Verdict.INFORMATIONAL, Verdict.UNIMPLEMENTED,
                Verdict.FAIL, Verdict.ERROR, Verdict.SKIPPED);
    }
}
