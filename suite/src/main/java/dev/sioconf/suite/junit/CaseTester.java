package dev.sioconf.suite.junit;

import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.wire.WireLog;

/** What {@link CaseExtension} needs of a case's tester, whatever the profile. */
public interface CaseTester {

    Target target();

    /** The transport's name for the report, {@code -} when the case is not run per transport. */
    String transportName();

    WireLog log();
}
