package dev.sioconf.suite.cli;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Which cases to run, by requirement id prefix ({@code --select} / {@code --exclude}): a case is
 * run when no include is given or one matches, and no exclude matches. A prefix matches as
 * {@link SuiteRunner#selected} says: {@code EIO4} the whole catalogue, {@code EIO4-7} section 7,
 * {@code EIO4-7.1} that requirement alone.
 */
public record Selection(List<String> includes, List<String> excludes) {

    public static final Selection ALL = new Selection(List.of(), List.of());

    /** A catalogue, then optionally a section and requirement number, e.g. {@code LEG}, {@code EIO4-}, {@code LEG-9}, {@code LEG-9.1}. */
    private static final Pattern PREFIX = Pattern.compile("[A-Z][A-Z0-9]*(-|-\\d+(\\.\\d+)*\\.?)?");

    public Selection {
        includes = List.copyOf(includes);
        excludes = List.copyOf(excludes);
    }

    /** The one prefix of the older single {@code --select}; empty or null selects everything. */
    public static Selection of(String prefix) {
        return prefix == null || prefix.isEmpty() ? ALL : new Selection(List.of(prefix), List.of());
    }

    /**
     * A selection of well-formed prefixes only.
     *
     * @throws IllegalArgumentException naming the first prefix that is not
     */
    public static Selection checked(List<String> includes, List<String> excludes) {
        for (List<String> prefixes : List.of(includes, excludes)) {
            for (String p : prefixes) {
                if (!isWellFormed(p)) {
                    throw new IllegalArgumentException("'" + p + "' is not a requirement id prefix; expected e.g. LEG, LEG-9 or LEG-9.1");
                }
            }
        }
        return new Selection(includes, excludes);
    }

    public static boolean isWellFormed(String prefix) {
        return prefix != null && PREFIX.matcher(prefix).matches();
    }

    public boolean matches(String requirementId) {
        return (includes.isEmpty() || includes.stream().anyMatch(p -> SuiteRunner.selected(requirementId, p)))
                && excludes.stream().noneMatch(p -> SuiteRunner.selected(requirementId, p));
    }

    /** Whether this selects every case. */
    public boolean isAll() {
        return includes.isEmpty() && excludes.isEmpty();
    }

    /** For the console: {@code every case}, {@code cases LEG-9*, EIO4* except EIO4-7*}, {@code every case except LEG-13*}. */
    public String describe() {
        String what = includes.isEmpty() ? "every case" : "cases " + starred(includes);
        return excludes.isEmpty() ? what : what + " except " + starred(excludes);
    }

    private static String starred(List<String> prefixes) {
        return prefixes.stream().map(p -> p + "*").collect(Collectors.joining(", "));
    }
}
