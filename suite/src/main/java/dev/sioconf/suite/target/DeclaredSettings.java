package dev.sioconf.suite.target;

import java.time.Duration;
import java.util.List;

/**
 * What the operator says the target is set up with. Cases derive every expectation and every
 * timing bound from these, never from constants of their own.
 *
 * @param transports       transports offered, in the server's order (wire names)
 * @param pollingDuration  how long an empty poll is held
 * @param heartbeatTimeout the heartbeat timeout the handshake announces, null when heartbeats are off
 * @param closeTimeout     how long a session outlives its last connection
 * @param origins          allowed origins as {@code host:port} patterns, {@code *:*} for any
 */
public record DeclaredSettings(List<String> transports, Duration pollingDuration, Duration heartbeatTimeout,
        Duration closeTimeout, List<String> origins) {

    public static final List<String> LEGACY_DEFAULT_TRANSPORTS =
            List.of("websocket", "htmlfile", "xhr-polling", "jsonp-polling");

    public DeclaredSettings {
        transports = List.copyOf(transports);
        origins = List.copyOf(origins);
    }

    public boolean anyOrigin() {
        return origins.contains("*:*");
    }

    /** socket.io 0.9's own defaults. */
    public static DeclaredSettings legacyDefaults() {
        return new DeclaredSettings(LEGACY_DEFAULT_TRANSPORTS, Duration.ofSeconds(20), Duration.ofSeconds(60),
                Duration.ofSeconds(60), List.of("*:*"));
    }

    public String describe() {
        return "transports=" + String.join(",", transports)
                + " polling-duration=" + seconds(pollingDuration)
                + " heartbeat-timeout=" + (heartbeatTimeout == null ? "off" : seconds(heartbeatTimeout))
                + " close-timeout=" + seconds(closeTimeout)
                + " origins=" + String.join(",", origins);
    }

    private static String seconds(Duration d) {
        return java.math.BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
