package dev.sioconf.suite.wire;

/**
 * The server under test did not answer as the protocol requires at all: no answer within the bound,
 * a reset connection, a wrong status. An assertion failure, so it grades as the requirement's miss.
 */
public class TargetMisbehaved extends AssertionError {
    public TargetMisbehaved(String message) {
        super(message);
    }

    public TargetMisbehaved(String message, Throwable cause) {
        super(message, cause);
    }
}
