package dev.sioconf.server.soak;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Checks inside one session; a mismatch names the step, so a failed soak says which round trip broke. */
final class Expect {

    private Expect() {
    }

    static void equal(String step, Object expected, Object actual) {
        if (!expected.equals(actual)) {
            throw new AssertionError(step + ": expected <" + expected + "> but was <" + actual + ">");
        }
    }

    static Matcher matching(String step, Pattern expected, String actual) {
        Matcher m = expected.matcher(actual);
        if (!m.matches()) {
            throw new AssertionError(step + ": expected to match <" + expected + "> but was <" + actual + ">");
        }
        return m;
    }

    static void isTrue(String step, boolean condition) {
        if (!condition) {
            throw new AssertionError(step);
        }
    }
}
