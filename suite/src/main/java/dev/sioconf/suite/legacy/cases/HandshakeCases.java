package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Handshake;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.wire.HttpAnswer;
import java.math.BigDecimal;
import java.time.Duration;

/** spec/legacy.md section 3: the handshake. */
class HandshakeCases {

    @Requirement("LEG-3.1")
    @LegacyCase(perTransport = false, does = "GETs /socket.io/1/?t=... and reads the answer")
    void handshakeAnswersSidHeartbeatCloseAndTransports(LegacyTester t) {
        HttpAnswer a = t.handshakeAnswer("");
        assertThat(a.status()).as("status").isEqualTo(200);
        Handshake.parse(a.body());
    }

    @Requirement("LEG-3.5")
    @LegacyCase(perTransport = false, does = "handshakes and compares the transports field with the declared list")
    void handshakeListsTheOfferedTransportsInTheConfiguredOrder(LegacyTester t) {
        assertThat(String.join(",", t.handshake().transports()))
                .isEqualTo(String.join(",", t.target().declared().transports()));
    }

    @Requirement("LEG-3.3")
    @LegacyCase(perTransport = false, does = "handshakes and compares the timeout fields with the declared timeouts")
    void handshakeAnnouncesTheHeartbeatAndCloseTimeouts(LegacyTester t) {
        Handshake h = t.handshake();
        Duration heartbeat = t.target().declared().heartbeatTimeout();
        assertThat(h.heartbeatTimeout()).as("heartbeat timeout field").isEqualTo(heartbeat == null ? "" : seconds(heartbeat));
        assertThat(h.closeTimeout()).as("close timeout field").isEqualTo(seconds(t.target().declared().closeTimeout()));
    }

    @Requirement("LEG-3.6")
    @LegacyCase(perTransport = false, does = "handshakes twice")
    void everyHandshakeIssuesAFreshSessionId(LegacyTester t) {
        assertThat(t.handshake().sid()).isNotEqualTo(t.handshake().sid());
    }

    @Requirement("LEG-3.8")
    @LegacyCase(perTransport = false, does = "handshakes and checks the session id can stand in a URL path")
    void sessionIdIsUrlSafe(LegacyTester t) {
        assertThat(t.handshake().sid()).matches("[A-Za-z0-9_\\-]+");
    }

    @Requirement("LEG-3.10")
    @LegacyCase(perTransport = false, does = "GETs /socket.io/1/?t=...&jsonp=3")
    void jsonpHandshakeIsWrappedInTheRequestedCallback(LegacyTester t) {
        HttpAnswer a = t.handshakeAnswer("jsonp=3");
        assertThat(a.body()).matches("io\\.j\\[3\\]\\(\"[^\"]+:[0-9.]*:[0-9.]*:[a-z,-]+\"\\);");
    }

    @Requirement("LEG-2.5")
    @LegacyCase(perTransport = false, does = "handshakes with POST instead of GET")
    void handshakeIgnoresTheMethod(LegacyTester t) {
        HttpAnswer a = t.http().post(t.uri(LegacyTester.RESOURCE + "?t=1"), "text/plain", "", dev.sioconf.suite.legacy.Bounds.PROMPT);
        assertThat(a.status()).isEqualTo(200);
        Handshake.parse(a.body());
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
