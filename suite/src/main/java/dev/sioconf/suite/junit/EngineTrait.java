package dev.sioconf.suite.junit;

import dev.sioconf.suite.target.Target;
import java.util.function.Predicate;

/** Which eio4 targets a case applies to, from their declared settings. */
public enum EngineTrait {
    ANY(t -> true),
    /** websocket offered. */
    WEBSOCKET_OFFERED(t -> t.engine().offers("websocket")),
    /** websocket not offered, polling is. */
    WEBSOCKET_NOT_OFFERED(t -> !t.engine().offers("websocket") && t.engine().offers("polling")),
    /** polling offered. */
    POLLING_OFFERED(t -> t.engine().offers("polling")),
    /** polling sessions may upgrade to websocket. */
    UPGRADES(t -> t.engine().upgrades()),
    /** polling offered but no upgrade to websocket. */
    NO_UPGRADES(t -> t.engine().offers("polling") && !t.engine().upgrades()),
    /** no CORS declared. */
    CORS_NONE(t -> t.engine().cors().isEmpty()),
    /** CORS origin {@code *}. */
    CORS_ANY(t -> t.engine().corsAnyOrigin()),
    /** a list of CORS origins. */
    CORS_LIST(t -> !t.engine().cors().isEmpty() && !t.engine().corsAnyOrigin()),
    /** CORS declared with credentials. */
    CORS_CREDENTIALS(t -> !t.engine().cors().isEmpty() && t.engine().corsCredentials()),
    /** CORS declared, any form. */
    CORS_DECLARED(t -> !t.engine().cors().isEmpty());

    private final Predicate<Target> test;

    EngineTrait(Predicate<Target> test) {
        this.test = test;
    }

    public boolean appliesTo(Target target) {
        return test.test(target);
    }
}
