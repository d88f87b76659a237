package dev.sioconf.suite.legacy;

import dev.sioconf.suite.target.DeclaredSettings;
import java.time.Duration;

/**
 * Every wait of the suite, derived from the target's declared timings. The one harness constant
 * is {@link #PROMPT}: how long an answer that the protocol wants "at once" may take on a loaded
 * machine.
 */
public record Bounds(DeclaredSettings declared) {

    public static final Duration PROMPT = Duration.ofSeconds(5);
    /** A timer may fire late by this much, or by a quarter of its length if that is more. */
    static final Duration TIMER_SLACK = Duration.ofSeconds(1);
    /** A timer never fires early; this covers clock granularity only. */
    static final Duration EARLY = Duration.ofMillis(100);

    public Duration pollingDuration() {
        return declared.pollingDuration();
    }

    /** The least time an empty poll must be held. */
    public Duration pollHeldAtLeast() {
        return declared.pollingDuration().minus(EARLY);
    }

    /** The most time an empty poll may be held before the noop. */
    public Duration pollHeldAtMost() {
        return late(declared.pollingDuration());
    }

    /** How long to wait for any poll answer at all. */
    public Duration pollAnswer() {
        return pollHeldAtMost().plus(PROMPT);
    }

    /** By when the first heartbeat must arrive: before the announced heartbeat timeout runs out. */
    public Duration heartbeatDue() {
        return late(declared.heartbeatTimeout());
    }

    public Duration closeTimeout() {
        return declared.closeTimeout();
    }

    /** By when a session left without a connection must be gone. */
    public Duration sessionGoneBy() {
        return late(declared.closeTimeout());
    }

    private static Duration late(Duration timer) {
        Duration quarter = timer.dividedBy(4);
        return timer.plus(quarter.compareTo(TIMER_SLACK) > 0 ? quarter : TIMER_SLACK);
    }
}
