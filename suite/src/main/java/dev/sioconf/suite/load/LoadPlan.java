package dev.sioconf.suite.load;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * What a load run does, checked: where, with which profile and transport, how many sessions and
 * events, and the bounds on count and time.
 *
 * @param window       events a session has sent and not yet got back, at most
 * @param rampBatch    sessions opened together before the next batch starts
 * @param eventTimeout how long a session waits for any echo before it gives up on those in flight
 * @param ratePerSession events per second a session sends at most; 0 for no limit
 * @param sessions     the sessions of the whole plan; this process runs {@link #sessionsHere()} of them
 * @param shard        which of them this process runs ({@link LoadShard#WHOLE} for all)
 */
public record LoadPlan(URI target, LoadProfile profile, String transport, int sessions, int events,
        Duration duration, int window, int rampBatch, Duration eventTimeout, double ratePerSession,
        boolean allowRemote, Path json, LoadShard shard) {

    /** Sessions one process runs at most; a plan of more runs in shards. */
    public static final int MAX_SESSIONS = 20_000;
    public static final int MAX_EVENTS = 100_000;
    public static final Duration MAX_DURATION = Duration.ofSeconds(600);
    /** The bound of every single network wait: a connect, a handshake, a POST. */
    public static final Duration NETWORK_BOUND = Duration.ofSeconds(15);

    public LoadPlan {
        if (!"http".equals(target.getScheme()) && !"https".equals(target.getScheme()) || target.getHost() == null) {
            throw new IllegalArgumentException("--target must be an http:// or https:// URL with a host, got '" + target + "'");
        }
        if (!profile.transports().contains(transport)) {
            throw new IllegalArgumentException("--transport for profile " + profile.wireName() + " is one of "
                    + String.join(", ", profile.transports()) + ", not '" + transport + "'");
        }
        if (sessions < 1 || shard.sessionsOf(sessions) > MAX_SESSIONS) {
            throw new IllegalArgumentException("--sessions must be 1 to " + MAX_SESSIONS + " per process, got " + sessions
                    + (shard.count() > 1 ? " over " + shard.count() + " shards" : "") + " (a bigger plan runs in shards: --shard I/N)");
        }
        if (events < 1 || events > MAX_EVENTS) {
            throw new IllegalArgumentException("--events must be 1 to " + MAX_EVENTS + ", got " + events);
        }
        if (duration.isNegative() || duration.isZero() || duration.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--duration must be 1 to " + MAX_DURATION.toSeconds() + " seconds, got " + duration.toSeconds());
        }
        if (window < 1 || window > 1000) {
            throw new IllegalArgumentException("--window must be 1 to 1000, got " + window);
        }
        if (rampBatch < 1 || rampBatch > MAX_SESSIONS) {
            throw new IllegalArgumentException("--ramp-batch must be 1 to " + MAX_SESSIONS + ", got " + rampBatch);
        }
        if (eventTimeout.toMillis() < 100 || eventTimeout.compareTo(MAX_DURATION) > 0) {
            throw new IllegalArgumentException("--event-timeout must be 0.1 to " + MAX_DURATION.toSeconds() + " seconds");
        }
        if (ratePerSession < 0 || ratePerSession > 100_000) {
            throw new IllegalArgumentException("--rate must be 0 (no limit) to 100000 events per second per session");
        }
        if (shard.count() > sessions) {
            throw new IllegalArgumentException("--shard " + shard + ": more shards than the plan's " + sessions + " sessions");
        }
    }

    /** The sessions this process runs: all of them, or its shard's. */
    public int sessionsHere() {
        return shard.sessionsOf(sessions);
    }

    /** The events this process sends and expects back. */
    public long totalEvents() {
        return (long) sessionsHere() * events;
    }

    boolean websocket() {
        return "websocket".equals(transport);
    }

    /** {@code ws://host:port} or {@code wss://...} with the path and query given. */
    URI webSocket(String pathAndQuery) {
        String base = target.toString().replaceAll("/+$", "");
        return URI.create(base.replaceFirst("^http", "ws") + pathAndQuery);
    }

    URI http(String pathAndQuery) {
        return URI.create(target.toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
