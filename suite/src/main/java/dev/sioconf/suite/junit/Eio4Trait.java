package dev.sioconf.suite.junit;

import dev.sioconf.suite.target.Target;
import java.util.function.Predicate;

/** Which eio4 targets a case applies to, from their declared settings. */
public enum Eio4Trait {
    ANY(t -> true),
    /** websocket offered. */
    WEBSOCKET_OFFERED(t -> t.eio4().offers("websocket")),
    /** websocket not offered, polling is. */
    WEBSOCKET_NOT_OFFERED(t -> !t.eio4().offers("websocket") && t.eio4().offers("polling")),
    /** polling offered. */
    POLLING_OFFERED(t -> t.eio4().offers("polling")),
    /** polling sessions may upgrade to websocket. */
    UPGRADES(t -> t.eio4().upgrades()),
    /** polling offered but no upgrade to websocket. */
    NO_UPGRADES(t -> t.eio4().offers("polling") && !t.eio4().upgrades()),
    /** no CORS declared. */
    CORS_NONE(t -> t.eio4().cors().isEmpty()),
    /** CORS origin {@code *}. */
    CORS_ANY(t -> t.eio4().corsAnyOrigin()),
    /** a list of CORS origins. */
    CORS_LIST(t -> !t.eio4().cors().isEmpty() && !t.eio4().corsAnyOrigin()),
    /** CORS declared with credentials. */
    CORS_CREDENTIALS(t -> !t.eio4().cors().isEmpty() && t.eio4().corsCredentials()),
    /** CORS declared, any form. */
    CORS_DECLARED(t -> !t.eio4().cors().isEmpty());

    private final Predicate<Target> test;

    Eio4Trait(Predicate<Target> test) {
        this.test = test;
    }

    public boolean appliesTo(Target target) {
        return test.test(target);
    }
}
