package dev.sioconf.suite.client;

import java.time.Duration;

/**
 * What a client under test declares: its reconnection backoff (spec/eio4-client.md section 1),
 * named as the official client names its options.
 */
public record ClientSettings(Duration reconnectionDelay, Duration reconnectionDelayMax, double randomizationFactor) {

    public static final ClientSettings DEFAULTS = new ClientSettings(Duration.ofMillis(1000), Duration.ofMillis(5000), 0.5);
    /** socket.io-client 0.9's: a first attempt after its 'reconnection delay' of 500 ms, doubled for each later one, no randomization. */
    public static final ClientSettings LEGACY_DEFAULTS = new ClientSettings(Duration.ofMillis(500), Duration.ofDays(1), 0);

    /** The official client's defaults for a profile. */
    public static ClientSettings defaultsOf(String profile) {
        return profile.equals("legacy") ? LEGACY_DEFAULTS : DEFAULTS;
    }

    public ClientSettings {
        if (reconnectionDelay.isNegative() || reconnectionDelayMax.compareTo(reconnectionDelay) < 0) {
            throw new IllegalArgumentException("reconnection delays must satisfy 0 <= reconnectionDelay <= reconnectionDelayMax");
        }
        if (randomizationFactor < 0 || randomizationFactor > 1) {
            throw new IllegalArgumentException("randomizationFactor must be between 0 and 1, not " + randomizationFactor);
        }
    }

    /** The soonest a first reconnection attempt may come after the connection was lost. */
    public Duration leastFirstDelay() {
        return Duration.ofMillis((long) Math.floor(reconnectionDelay.toMillis() * (1 - randomizationFactor)));
    }

    /** The latest a first reconnection attempt may come, before the prompt bound. */
    public Duration longestFirstDelay() {
        long longest = (long) Math.ceil(reconnectionDelay.toMillis() * (1 + randomizationFactor));
        return Duration.ofMillis(Math.min(longest, reconnectionDelayMax.toMillis()));
    }

    public String describe() {
        return "reconnectionDelay " + reconnectionDelay.toMillis() + " ms, reconnectionDelayMax "
                + (reconnectionDelayMax.compareTo(Duration.ofDays(1)) >= 0 ? "none" : reconnectionDelayMax.toMillis() + " ms")
                + ", randomizationFactor " + randomizationFactor;
    }
}
