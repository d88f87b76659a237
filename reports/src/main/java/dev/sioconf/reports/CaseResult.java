package dev.sioconf.reports;

import java.util.List;

/**
 * The outcome of one case on one target and transport.
 *
 * @param id          the case, as {@code ClassName.method}
 * @param requirement the requirement id it checks, e.g. {@code LEG-9.1}
 * @param target      the target's name
 * @param transport   the transport it ran on, or {@code -} for a case that is not per transport
 * @param verdict     the graded outcome
 * @param expected    what the requirement asks for, when the case failed on a comparison
 * @param actual      what the server did instead
 * @param message     the failure message, or empty
 */
public record CaseResult(
        String id,
        String profile,
        String requirement,
        String description,
        String target,
        String transport,
        Verdict verdict,
        String expected,
        String actual,
        String message,
        long durationMillis,
        List<WireEntry> wire) {

    public CaseResult {
        wire = List.copyOf(wire);
    }
}
