package dev.sioconf.server.eio4;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How the eio4 (Engine.IO 4 + Socket.IO 5) side of the reference server is set up; the defaults
 * are those of socket.io 4.8 (spec/eio4.md 1.2).
 *
 * @param transports      the transports offered, {@code polling} and/or {@code websocket}, in the
 *                        order configured (the wire never shows the order)
 * @param allowUpgrades   whether a polling session may move to websocket
 * @param pingInterval    time from the handshake or the last pong to the next ping
 * @param pingTimeout     how long a ping waits for its pong
 * @param maxPayload      the most bytes of one POST body or one WebSocket message
 * @param upgradeTimeout  how long an unfinished upgrade may last
 * @param connectTimeout  how long a session may stay without any namespace
 * @param corsOrigins     empty for no CORS headers, {@code ["*"]} for any origin, else the origins allowed
 * @param corsCredentials whether CORS answers carry {@code Access-Control-Allow-Credentials: true}
 * @param faults          deliberate deviations, none for a conforming server
 */
public record Eio4Settings(
        List<Eio4Transport> transports,
        boolean allowUpgrades,
        Duration pingInterval,
        Duration pingTimeout,
        int maxPayload,
        Duration upgradeTimeout,
        Duration connectTimeout,
        List<String> corsOrigins,
        boolean corsCredentials,
        Set<Eio4Fault> faults) {

    public static final String ANY_ORIGIN = "*";

    public Eio4Settings {
        transports = List.copyOf(transports);
        corsOrigins = List.copyOf(corsOrigins);
        EnumSet<Eio4Fault> copy = EnumSet.noneOf(Eio4Fault.class);
        copy.addAll(faults == null ? Set.of() : faults);
        faults = Collections.unmodifiableSet(copy);
        if (transports.isEmpty()) {
            throw new IllegalArgumentException("at least one eio4 transport must be offered");
        }
        if (transports.stream().distinct().count() != transports.size()) {
            throw new IllegalArgumentException("an eio4 transport is listed twice: " + transports);
        }
        if (maxPayload < 1) {
            throw new IllegalArgumentException("max payload must be at least 1 byte");
        }
        positive("ping interval", pingInterval);
        positive("ping timeout", pingTimeout);
        positive("upgrade timeout", upgradeTimeout);
        positive("connect timeout", connectTimeout);
    }

    private static void positive(String name, Duration d) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }

    /** The socket.io 4.8 defaults. */
    public static Eio4Settings defaults() {
        return new Eio4Settings(List.of(Eio4Transport.POLLING, Eio4Transport.WEBSOCKET), true,
                Duration.ofMillis(25_000), Duration.ofMillis(20_000), 1_000_000, Duration.ofMillis(10_000),
                Duration.ofMillis(45_000), List.of(), false, Set.of());
    }

    public Eio4Settings withTransports(List<Eio4Transport> newTransports) {
        return new Eio4Settings(newTransports, allowUpgrades, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                connectTimeout, corsOrigins, corsCredentials, faults);
    }

    public Eio4Settings withAllowUpgrades(boolean allow) {
        return new Eio4Settings(transports, allow, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                connectTimeout, corsOrigins, corsCredentials, faults);
    }

    public Eio4Settings withPing(Duration interval, Duration timeout) {
        return new Eio4Settings(transports, allowUpgrades, interval, timeout, maxPayload, upgradeTimeout,
                connectTimeout, corsOrigins, corsCredentials, faults);
    }

    public Eio4Settings withMaxPayload(int bytes) {
        return new Eio4Settings(transports, allowUpgrades, pingInterval, pingTimeout, bytes, upgradeTimeout,
                connectTimeout, corsOrigins, corsCredentials, faults);
    }

    public Eio4Settings withUpgradeTimeout(Duration d) {
        return new Eio4Settings(transports, allowUpgrades, pingInterval, pingTimeout, maxPayload, d,
                connectTimeout, corsOrigins, corsCredentials, faults);
    }

    public Eio4Settings withConnectTimeout(Duration d) {
        return new Eio4Settings(transports, allowUpgrades, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                d, corsOrigins, corsCredentials, faults);
    }

    public Eio4Settings withCors(List<String> origins, boolean credentials) {
        return new Eio4Settings(transports, allowUpgrades, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                connectTimeout, origins, credentials, faults);
    }

    public Eio4Settings withFaults(Set<Eio4Fault> newFaults) {
        return new Eio4Settings(transports, allowUpgrades, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                connectTimeout, corsOrigins, corsCredentials, newFaults);
    }

    public boolean offers(Eio4Transport transport) {
        return transports.contains(transport);
    }

    public boolean has(Eio4Fault fault) {
        return faults.contains(fault);
    }

    /** A polling session may move to websocket (EIO4-3.4). */
    public boolean upgradesToWebSocket() {
        return allowUpgrades && offers(Eio4Transport.WEBSOCKET);
    }
}
