package dev.sioconf.suite.junit;

import dev.sioconf.suite.target.Target;

/** The tester of a case against a server: everything the report needs comes from the {@link Target}. */
public interface ServerCaseTester extends CaseTester {

    Target target();

    @Override
    default String profile() {
        return target().profile();
    }

    @Override
    default String targetName() {
        return target().name();
    }

    @Override
    default boolean contractFree() {
        return target().contractFree();
    }

    @Override
    default String mismatches() {
        return target().mismatches();
    }
}
