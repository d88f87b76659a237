package dev.sioconf.suite.legacy.cases;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.LegacyTester;

/** spec/legacy.md section 13: flashsocket is optional and the suite does not drive it. */
class FlashsocketCases {

    @Requirement("LEG-13.1")
    @LegacyCase(perTransport = false, does = "looks for flashsocket among the declared transports")
    void flashsocketIsOptional(LegacyTester t) {
        if (!t.target().offers("flashsocket")) {
            throw new Unimplemented("flashsocket is not offered");
        }
        throw new Unimplemented("flashsocket is offered, but the suite has no Flash policy client to drive it");
    }
}
