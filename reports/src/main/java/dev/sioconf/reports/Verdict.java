package dev.sioconf.reports;

/** A case's graded outcome, as Autobahn|Testsuite grades them. */
public enum Verdict {
    /** The server did what the requirement asks. */
    PASS,
    /** A SHOULD was missed: the server works with clients that follow the spec, but not as recommended. */
    NON_STRICT,
    /** Behaviour recorded for the reader; a MAY, nothing to pass or fail. */
    INFORMATIONAL,
    /** An optional feature the server does not offer. */
    UNIMPLEMENTED,
    /** A MUST was broken by the server under test. */
    FAIL,
    /** The harness itself failed; says nothing about the server. */
    ERROR,
    /** Not run, e.g. because the target does not offer what the case needs. */
    SKIPPED;

    /** Whether this verdict breaks conformance (and makes the CLI exit 1). */
    public boolean breaksConformance() {
        return this == FAIL || this == ERROR;
    }
}
