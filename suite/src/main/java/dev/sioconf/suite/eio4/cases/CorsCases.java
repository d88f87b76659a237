package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.EngineTrait;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.List;

/** spec/eio4.md section 14: CORS, as declared. */
class CorsCases {

    static final String STRANGER = "http://stranger.example";

    /** An origin of the declared list, or a made-up one when the target allows any. */
    static String allowedOrigin(EngineTester t) {
        return t.settings().corsAnyOrigin() ? "http://example.com" : t.settings().cors().get(0);
    }

    @Requirement("EIO4-14.1")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.CORS_NONE,
            does = "handshakes over polling with Origin: http://stranger.example")
    void noCorsDeclaredSendsNoAllowOrigin(EngineTester t) {
        HttpAnswer a = t.get("EIO=4&transport=polling", "Origin", STRANGER);
        assertThat(a.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin").isEmpty();
    }

    @Requirement("EIO4-14.2")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.CORS_ANY,
            does = "with an Origin header: handshakes, POSTs, polls and sends a refused request; reads Access-Control-Allow-Origin")
    void anyOriginIsAllowedOnEveryAnswer(EngineTester t) {
        String[] origin = {"Origin", "http://example.com"};
        HttpAnswer handshake = t.get("EIO=4&transport=polling", origin);
        String sid = OpenPacket.parse(handshake.body()).sid();
        HttpAnswer post = t.request("POST", t.path(), "EIO=4&transport=polling&sid=" + sid, "text/plain", "6", origin);
        HttpAnswer poll = t.http().get(t.uri(t.path(), "EIO=4&transport=polling&sid=" + sid), t.bounds().pollAnswer(), origin);
        HttpAnswer error = t.get("EIO=4&transport=abc", origin);
        for (HttpAnswer a : List.of(handshake, post, poll, error)) {
            assertThat(a.header("Access-Control-Allow-Origin").orElse("(none)"))
                    .as("Access-Control-Allow-Origin on the answer \"%s\"", a.body()).isEqualTo("*");
        }
    }

    @Requirement("EIO4-14.3")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.CORS_LIST,
            does = "handshakes with a listed Origin, then with Origin: http://stranger.example")
    void listedOriginIsEchoedAndOthersAreNot(EngineTester t) {
        HttpAnswer listed = t.get("EIO=4&transport=polling", "Origin", allowedOrigin(t));
        assertThat(listed.header("Access-Control-Allow-Origin").orElse("(none)")).as("Access-Control-Allow-Origin")
                .isEqualTo(allowedOrigin(t));
        assertThat(listed.header("Vary").orElse("(none)")).as("Vary").containsIgnoringCase("Origin");
        HttpAnswer other = t.get("EIO=4&transport=polling", "Origin", STRANGER);
        assertThat(other.header("Access-Control-Allow-Origin")).as("Access-Control-Allow-Origin for a stranger").isEmpty();
    }

    @Requirement("EIO4-14.6")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.CORS_CREDENTIALS,
            does = "handshakes and sends a preflight with an allowed Origin; reads Access-Control-Allow-Credentials")
    void credentialsAreAllowedWhenDeclared(EngineTester t) {
        HttpAnswer handshake = t.get("EIO=4&transport=polling", "Origin", allowedOrigin(t));
        HttpAnswer preflight = t.request("OPTIONS", t.path(), "EIO=4&transport=polling", null, null,
                "Origin", allowedOrigin(t), "Access-Control-Request-Method", "GET");
        for (HttpAnswer a : List.of(handshake, preflight)) {
            assertThat(a.header("Access-Control-Allow-Credentials").orElse("(none)")).as("Access-Control-Allow-Credentials")
                    .isEqualTo("true");
        }
    }

    @Requirement("EIO4-14.5")
    @Eio4Case(perTransport = false, onlyIf = EngineTrait.CORS_DECLARED,
            does = "handshakes, sends a preflight OPTIONS naming the session, then POSTs a noop to it")
    void preflightIsAnsweredWithoutTouchingTheSession(EngineTester t) {
        String sid = t.handshake().sid();
        HttpAnswer a = t.request("OPTIONS", t.path(), "EIO=4&transport=polling&sid=" + sid, null, null,
                "Origin", allowedOrigin(t), "Access-Control-Request-Method", "POST",
                "Access-Control-Request-Headers", "content-type");
        assertThat(a.status()).as("status").isBetween(200, 299);
        assertThat(a.header("Access-Control-Allow-Origin").orElse("(none)")).as("Access-Control-Allow-Origin")
                .isEqualTo(t.settings().corsAnyOrigin() ? "*" : allowedOrigin(t));
        assertThat(a.header("Access-Control-Allow-Methods").orElse("")).as("Access-Control-Allow-Methods")
                .contains("GET").contains("POST");
        assertThat(a.header("Access-Control-Allow-Headers").orElse("").toLowerCase()).as("Access-Control-Allow-Headers")
                .contains("content-type");
        EngineTester.assertAnswer(t.post(sid, "6"), 200, "ok");
    }
}
