package dev.sioconf.suite.engine;

import dev.sioconf.suite.target.EngineSettings;
import java.time.Duration;

/**
 * Every wait of the eio4 cases, derived from the declared timings. The one harness constant is
 * {@link #PROMPT}: how long an answer the protocol wants "at once" may take on a loaded machine.
 */
public record EngineBounds(EngineSettings declared) {

    public static final Duration PROMPT = Duration.ofSeconds(5);
    /** A timer may fire late by this much, or by a quarter of its length if that is more. */
    static final Duration TIMER_SLACK = Duration.ofSeconds(1);
    /** A timer never fires early; this covers clock granularity only. */
    public static final Duration EARLY = Duration.ofMillis(50);
    /** How long to watch for something that must not come, when nothing else sets the time. */
    public static final Duration QUIET = Duration.ofMillis(500);

    public Duration pingInterval() {
        return declared.pingInterval();
    }

    public Duration pingTimeout() {
        return declared.pingTimeout();
    }

    /** By when the next ping must have come, counted from the handshake or the last pong. */
    public Duration pingDue() {
        return late(declared.pingInterval());
    }

    /** The least time before a ping may come. */
    public Duration pingNotBefore() {
        return declared.pingInterval().minus(EARLY);
    }

    /** How long to wait for any poll answer: a poll is answered at the latest with the next ping. */
    public Duration pollAnswer() {
        return pingDue().plus(PROMPT);
    }

    /** By when a silent client's session must be gone (EIO4-11.5). */
    public Duration sessionGoneBy() {
        return late(declared.pingInterval().plus(declared.pingTimeout()));
    }

    /** By when an unfinished upgrade must have been given up (EIO4-10.9). */
    public Duration upgradeGivenUpBy() {
        return late(declared.upgradeTimeout());
    }

    public static Duration late(Duration timer) {
        Duration quarter = timer.dividedBy(4);
        return timer.plus(quarter.compareTo(TIMER_SLACK) > 0 ? quarter : TIMER_SLACK);
    }
}
