package dev.sioconf.suite.junit;

import dev.sioconf.suite.target.Target;
import java.util.function.Predicate;

/** Which targets a case applies to, from their declared settings. */
public enum TargetTrait {
    ANY(t -> true),
    /** The websocket-disabled deployment: websocket is not offered, xhr-polling is. */
    WEBSOCKET_DISABLED(t -> !t.offers("websocket") && t.offers("xhr-polling")),
    /** Heartbeats announced in the handshake. */
    HEARTBEATS_ON(t -> t.declared().heartbeatTimeout() != null),
    /** Heartbeats declared off: the handshake's heartbeat field is empty. */
    HEARTBEATS_OFF(t -> t.declared().heartbeatTimeout() == null),
    /** Origins {@code *:*}: any Origin or Referer is accepted. */
    ORIGINS_OPEN(t -> t.declared().anyOrigin()),
    /** Declared origins without {@code *:*}: handshakes are checked. */
    ORIGINS_RESTRICTED(t -> !t.declared().anyOrigin()),
    /** flashsocket among the declared transports. */
    FLASHSOCKET_OFFERED(t -> t.offers("flashsocket")),
    /** Some transport is not offered, so requests for it must be dropped. */
    SOME_TRANSPORT_NOT_OFFERED(t -> t.declared().transports().size() < 4 || !t.offers("flashsocket"));

    private final Predicate<Target> test;

    TargetTrait(Predicate<Target> test) {
        this.test = test;
    }

    public boolean appliesTo(Target target) {
        return test.test(target);
    }
}
