package dev.sioconf.suite.junit;

/** How a case's failure message marks lines the console repeats under Expected and Actual. */
public final class ProgressLines {

    /** A deployment finding: what was found and what to change, in words. */
    public static final String FINDING = dev.sioconf.reports.ReportKeys.FINDING;

    /** A declared setting the server's handshake contradicts, added to every failure on that target. */
    public static final String MISMATCH = "(this may follow from a setting the server contradicts: ";

    private ProgressLines() {
    }
}
