package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.Handshake;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.target.DeclaredSettings;
import dev.sioconf.suite.wire.HttpAnswer;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

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

    /** How long after its handshake a session must still take its first transport request (LEG-3.13). */
    static final Duration FIRST_REQUEST_GRACE = Duration.ofSeconds(10);

    @Requirement("LEG-3.2")
    @LegacyCase(perTransport = false, does = "handshakes and reads the Content-Type of the plain answer")
    void plainHandshakeIsTextPlain(LegacyTester t) {
        HttpAnswer a = t.handshakeAnswer("");
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(mediaType(a)).as("media type of Content-Type %s", a.header("Content-Type").orElse("(none)")).isEqualTo("text/plain");
    }

    @Requirement("LEG-3.4")
    @LegacyCase(perTransport = false, does = "handshakes and compares the close timeout field with the declared close timeout")
    void closeTimeoutFieldIsTheDeclaredCloseTimeout(LegacyTester t) {
        assertThat(t.handshake().closeTimeout()).as("close timeout field")
                .isEqualTo(seconds(t.target().declared().closeTimeout()));
    }

    @Requirement("LEG-3.7")
    @LegacyCase(perTransport = false, does = "handshakes five times and looks at every character of each session id")
    void sessionIdHasNoCharacterThatBreaksAUrlPathOrTheHandshake(LegacyTester t) {
        for (int i = 0; i < 5; i++) {
            HttpAnswer a = t.handshakeAnswer("");
            assertThat(a.status()).as("status").isEqualTo(200);
            assertThat(a.body().split(":", -1)).as("fields of %s (a ':' in the session id adds one)", a.body()).hasSize(4);
            String sid = a.body().substring(0, a.body().indexOf(':'));
            assertThat(sid).as("session id in %s", a.body()).isNotEmpty().doesNotContainPattern("[:/?#%\\s]");
        }
    }

    @Requirement("LEG-3.9")
    @LegacyCase(perTransport = false, does = "handshakes with an Origin header the declared origins accept")
    void acceptedHandshakeAllowsTheRequestingOrigin(LegacyTester t) {
        String origin = acceptedOrigin(t.target().declared());
        HttpAnswer a = t.handshakeAnswer("", "Origin", origin);
        assertThat(a.status()).as("status").isEqualTo(200);
        assertThat(a.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin").hasValue(origin);
        assertThat(a.header("Access-Control-Allow-Credentials")).as("Access-Control-Allow-Credentials").hasValue("true");
    }

    @Requirement("LEG-3.11")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with an Origin the declared origins do not match, plainly and with jsonp=2")
    void handshakeFromABadOriginIsRefused(LegacyTester t) {
        String origin = refusedOrigin(t.target().declared());
        HttpAnswer plain = t.handshakeAnswer("", "Origin", origin);
        LegacyTester.assertAnswer(plain, 403, "handshake bad origin");
        assertThat(mediaType(plain)).as("media type").isEqualTo("text/plain");
        LegacyTester.assertAnswer(t.handshakeAnswer("jsonp=2", "Origin", origin), 200, "io.j[2](new Error(\"handshake bad origin\"));");
    }

    @Requirement("LEG-3.13")
    @LegacyCase(does = "handshakes, waits past the declared close timeout (but well inside 10 s), then connects the transport")
    void firstTransportRequestSoonAfterTheHandshakeIsAccepted(LegacyTester t) {
        String sid = t.handshake().sid();
        // Longer than the close timeout catches a server that times out a session never connected that way.
        Duration wait = min(t.bounds().sessionGoneBy(), FIRST_REQUEST_GRACE.minus(Bounds.PROMPT));
        t.pause(wait, "leave the handshake unused for a while");
        Connection c = t.attach(t.transport(), sid);
        c.inbox().assertNext("1::");
    }

    static String mediaType(HttpAnswer a) {
        return a.header("Content-Type").orElse("").split(";")[0].trim().toLowerCase(Locale.ROOT);
    }

    /** An Origin that the first declared pattern accepts (any Origin when the target accepts all). */
    static String acceptedOrigin(DeclaredSettings declared) {
        if (declared.anyOrigin()) {
            return "http://sioconf.example:8080";
        }
        String pattern = declared.origins().get(0);
        String host = pattern.substring(0, pattern.lastIndexOf(':'));
        String port = pattern.substring(pattern.lastIndexOf(':') + 1);
        return "http://" + (host.equals("*") ? "sioconf.example" : host) + (port.equals("*") || port.equals("80") ? "" : ":" + port);
    }

    /** An Origin whose host and port no declared pattern matches. */
    static String refusedOrigin(DeclaredSettings declared) {
        String host = "refused.sioconf.invalid";
        List<String> origins = declared.origins();
        int port = 65000;
        while (origins.contains("*:" + port) || origins.contains(host + ":" + port)) {
            port++;
        }
        return "http://" + host + ":" + port;
    }

    static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    static String seconds(Duration d) {
        return BigDecimal.valueOf(d.toMillis()).movePointLeft(3).stripTrailingZeros().toPlainString();
    }
}
