package dev.sioconf.server.legacy;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a legacy server is set up, as a deployment would set it up.
 *
 * @param host              address to bind, 127.0.0.1 unless told otherwise
 * @param port              port to bind, 0 for a free one
 * @param transports        the transports offered, in the order the handshake lists them
 * @param pollingDuration   how long an empty poll is held before the noop
 * @param heartbeats        whether streaming transports get heartbeats
 * @param heartbeatInterval time between two server heartbeats
 * @param heartbeatTimeout  how long the server waits for the client's heartbeat
 * @param closeTimeout      how long a session lives with no transport connected
 * @param origins           allowed origins as {@code host:port} patterns with {@code *}
 * @param faults            deliberate deviations from the protocol, none for a conforming server
 */
public record LegacySettings(
        String host,
        int port,
        List<LegacyTransport> transports,
        Duration pollingDuration,
        boolean heartbeats,
        Duration heartbeatInterval,
        Duration heartbeatTimeout,
        Duration closeTimeout,
        List<String> origins,
        Set<Fault> faults) {

    public static final List<LegacyTransport> DEFAULT_TRANSPORTS = List.of(
            LegacyTransport.WEBSOCKET, LegacyTransport.HTMLFILE, LegacyTransport.XHR_POLLING, LegacyTransport.JSONP_POLLING);

    public LegacySettings {
        Objects.requireNonNull(host);
        transports = List.copyOf(transports);
        origins = List.copyOf(origins);
        EnumSet<Fault> copy = EnumSet.noneOf(Fault.class);
        copy.addAll(faults == null ? Set.of() : faults);
        faults = Collections.unmodifiableSet(copy);
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one transport must be offered");
        }
        if (transports.stream().distinct().count() != transports.size()) {
            throw new IllegalArgumentException("a transport is listed twice: " + transports);
        }
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        positive("polling duration", pollingDuration);
        positive("heartbeat interval", heartbeatInterval);
        positive("heartbeat timeout", heartbeatTimeout);
        positive("close timeout", closeTimeout);
    }

    /** Settings without faults, as before faults existed. */

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The socket.io 0.9 defaults on a free loopback port. */
    public static LegacySettings defaults() {
        return new LegacySettings("127.0.0.1", 0, DEFAULT_TRANSPORTS, Duration.ofSeconds(20), true,
                Duration.ofSeconds(25), Duration.ofSeconds(60), Duration.ofSeconds(60), List.of("*:*"), Set.of());
    }

    public LegacySettings withPort(int newPort) {
        return new LegacySettings(host, newPort, transports, pollingDuration, heartbeats, heartbeatInterval,
                heartbeatTimeout, closeTimeout, origins, faults);
    }

    public LegacySettings withTransports(List<LegacyTransport> newTransports) {
        return new LegacySettings(host, port, newTransports, pollingDuration, heartbeats, heartbeatInterval,
                heartbeatTimeout, closeTimeout, origins, faults);
    }

    public LegacySettings withPollingDuration(Duration d) {
        return new LegacySettings(host, port, transports, d, heartbeats, heartbeatInterval, heartbeatTimeout,
                closeTimeout, origins, faults);
    }

    public LegacySettings withHeartbeats(boolean on, Duration interval, Duration timeout) {
        return new LegacySettings(host, port, transports, pollingDuration, on, interval, timeout, closeTimeout, origins,
                faults);
    }

    public LegacySettings withCloseTimeout(Duration d) {
        return new LegacySettings(host, port, transports, pollingDuration, heartbeats, heartbeatInterval,
                heartbeatTimeout, d, origins, faults);
    }

    public LegacySettings withOrigins(List<String> newOrigins) {
        return new LegacySettings(host, port, transports, pollingDuration, heartbeats, heartbeatInterval,
                heartbeatTimeout, closeTimeout, newOrigins, faults);
    }

    public LegacySettings withFaults(Set<Fault> newFaults) {
        return new LegacySettings(host, port, transports, pollingDuration, heartbeats, heartbeatInterval,
                heartbeatTimeout, closeTimeout, origins, newFaults);
    }

    public boolean offers(LegacyTransport transport) {
        return transports.contains(transport);
    }
}
