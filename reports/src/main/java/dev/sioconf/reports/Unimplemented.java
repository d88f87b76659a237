package dev.sioconf.reports;

import org.opentest4j.TestAbortedException;

/** Thrown by a case when the target does not offer an optional feature: graded UNIMPLEMENTED, never FAIL. */
public final class Unimplemented extends TestAbortedException {
    public Unimplemented(String message) {
        super(message);
    }
}
