package dev.sioconf.suite.legacy.cases;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;

/** spec/legacy.md section 14: endpoints. */
class EndpointCases {

    @Requirement("LEG-14.1")
    @LegacyCase(does = "sends 1::/custom on a connected session")
    void connectToAnEndpointIsEchoed(LegacyTester t) {
        Connection c = t.openSession();
        c.send("1::/custom");
        c.inbox().assertNext("1::/custom");
    }

    @Requirement("LEG-14.3")
    @LegacyCase(does = "joins /custom and emits sendMessage on it")
    void packetsOnAnEndpointAreAnsweredOnThatEndpoint(LegacyTester t) {
        Connection c = t.openSession();
        c.send("1::/custom");
        c.inbox().assertNext("1::/custom");
        c.send("5::/custom:{\"name\":\"sendMessage\",\"args\":[]}");
        c.inbox().assertNext("5::/custom:{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
    }

    @Requirement("LEG-14.4")
    @LegacyCase(does = "joins /custom, leaves it with 0::/custom, then uses the default endpoint")
    void leavingAnEndpointKeepsTheSession(LegacyTester t) {
        Connection c = t.openSession();
        c.send("1::/custom");
        c.inbox().assertNext("1::/custom");
        c.send("0::/custom");
        c.send("3:::still connected");
        c.inbox().assertNext("3:::still connected");
    }
}
