package dev.sioconf.suite.legacy.cases;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;

/** spec/legacy.md section 8: websocket. */
class WebSocketCases {

    @Requirement("LEG-8.4")
    @LegacyCase(transports = Transport.WEBSOCKET, does = "sends two events framed in one websocket frame")
    void framedPayloadInOneFrameIsRead(LegacyTester t) {
        Connection c = t.openSession();
        c.send("5:::{\"name\":\"echo\",\"args\":[1]}", "5:::{\"name\":\"echo\",\"args\":[2]}");
        c.inbox().assertNext("5:::{\"name\":\"echo\",\"args\":[1]}", "5:::{\"name\":\"echo\",\"args\":[2]}");
    }
}
