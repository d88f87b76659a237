package dev.sioconf.suite.junit;

import dev.sioconf.suite.wire.WireLog;

/** What {@link CaseExtension} needs of a case's tester, whatever the profile and whichever side is under test. */
public interface CaseTester {

    /** The profile whose catalogue holds the case's requirement, e.g. {@code eio4} or {@code eio4-client}. */
    String profile();

    /** The server or client under test, as the report names it. */
    String targetName();

    /** Whether the target runs no contract application, so that the cases needing one are skipped. */
    default boolean contractFree() {
        return false;
    }

    /** Declared settings the target contradicts, in one line, or empty. */
    default String mismatches() {
        return "";
    }

    /** The requirement the case checks on this target, given the id the case names. */
    default String requirement(String declared) {
        return declared;
    }

    /** The transport's name for the report, {@code -} when the case is not run per transport. */
    String transportName();

    WireLog log();
}
