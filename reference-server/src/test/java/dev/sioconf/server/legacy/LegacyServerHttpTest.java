package dev.sioconf.server.legacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.nullValue;

import dev.sioconf.server.legacy.codec.PayloadCodec;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The reference server's HTTP side, checked on exact wire text with short declared timings. Status,
 * headers and CORS are checked with REST Assured; payloads, held polls and dropped requests with
 * the JDK client of {@link RunningServer}.
 */
class LegacyServerHttpTest {

    static final Duration POLLING = Duration.ofMillis(800);
    static RunningServer server;

    @BeforeAll
    static void start() throws InterruptedException {
        server = new RunningServer(LegacySettings.defaults().withPollingDuration(POLLING));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void handshakeListsTimeoutsAndAllTransportsInDefaultOrder() {
        server.rest().when().get("/socket.io/1/?t=1").then()
                .statusCode(200)
                .header("Content-Type", equalTo("text/plain"))
                .body(matchesPattern("[1-9][0-9]{19}:60:60:websocket,htmlfile,xhr-polling,jsonp-polling"));
    }

    @Test
    void everyHandshakeGivesANewSession() throws Exception {
        assertThat(server.handshake()).isNotEqualTo(server.handshake());
    }

    @Test
    void jsonpHandshakeIsWrappedInTheRequestedCallback() {
        server.rest().when().get("/socket.io/1/?t=1&jsonp=4").then()
                .header("Content-Type", equalTo("application/javascript"))
                .body(matchesPattern("io\\.j\\[4\\]\\(\"[0-9]{20}:60:60:websocket,htmlfile,xhr-polling,jsonp-polling\"\\);"));
    }

    @Test
    void resourceRootWelcomesAndUnknownRevisionIsA500() {
        server.rest().when().get("/socket.io/").then().body(equalTo("Welcome to socket.io."));
        server.rest().when().get("/socket.io/7/").then()
                .statusCode(500)
                .body(equalTo("Protocol version not supported."));
    }

    @Test
    void firstPollGetsTheConnectPacketThenAnEmptyPollIsHeldForThePollingDurationAndAnsweredWithANoop() throws Exception {
        String sid = server.connectedXhrSession();
        long start = System.nanoTime();
        HttpResponse<String> r = server.get("/socket.io/1/xhr-polling/" + sid, POLLING);
        Duration held = Duration.ofNanos(System.nanoTime() - start);
        assertThat(r.body()).isEqualTo("8::");
        assertThat(held).isBetween(POLLING, POLLING.plus(RunningServer.SLACK));
    }

    @Test
    void unknownSessionGetsClientNotHandshaken() {
        server.rest().when().get("/socket.io/1/xhr-polling/12345").then()
                .statusCode(200)
                .body(equalTo("7:::1+0"));
        server.rest().when().get("/socket.io/1/jsonp-polling/12345?i=2").then()
                .body(equalTo("io.j[2](\"7:::1+0\");"));
    }

    @Test
    void postedEventsAreAnsweredPerTheContractAndQueuedRepliesComeFramedInOrder() throws Exception {
        String sid = server.connectedXhrSession();
        String path = "/socket.io/1/xhr-polling/" + sid;
        assertThat(server.post(path, PayloadCodec.encode(List.of(
                "5:::{\"name\":\"sendMessage\",\"args\":[{}]}",
                "5:1+::{\"name\":\"echo\",\"args\":[\"a\",1]}"))).body()).isEqualTo("1");
        assertThat(server.get(path).body()).isEqualTo(PayloadCodec.encode(List.of(
                "5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}",
                "5:::{\"name\":\"echo\",\"args\":[\"a\",1]}",
                "6:::1+[\"a\",1]")));
    }

    @Test
    void aHeldPollIsAnsweredAsSoonAsAReplyIsQueued() throws Exception {
        String sid = server.connectedXhrSession();
        String path = "/socket.io/1/xhr-polling/" + sid;
        var held = server.http.sendAsync(java.net.http.HttpRequest.newBuilder(server.uri(path))
                .timeout(POLLING.plus(RunningServer.SLACK)).build(), HttpResponse.BodyHandlers.ofString());
        Thread.sleep(100);
        server.post(path, "3:::plain text");
        assertThat(held.get().body()).isEqualTo("3:::plain text");
    }

    @Test
    void messageWithPlainIdIsAckedAutomaticallyOnItsEndpoint() throws Exception {
        String sid = server.connectedXhrSession();
        String path = "/socket.io/1/xhr-polling/" + sid;
        server.post(path, "1::/custom");
        server.post(path, "4:7:/custom:{\"a\":[1,2]}");
        assertThat(server.get(path).body()).isEqualTo(
                "\ufffd10\ufffd1::/custom\ufffd12\ufffd6::/custom:7\ufffd22\ufffd4::/custom:{\"a\":[1,2]}");
    }

    @Test
    void jsonpPollsWrapThePayloadWithTheRequestedIndexAndFormPostsAreRead() throws Exception {
        String sid = server.handshake();
        String path = "/socket.io/1/jsonp-polling/" + sid;
        HttpResponse<String> first = server.get(path + "?t=1&i=5");
        assertThat(first.body()).isEqualTo("io.j[5](\"1::\");");
        assertThat(first.headers().firstValue("content-type")).hasValue("text/javascript; charset=UTF-8");
        server.post(path, "d=" + java.net.URLEncoder.encode("\"5:::{\\\"name\\\":\\\"echo\\\",\\\"args\\\":[\\\"x/y\\\"]}\"",
                java.nio.charset.StandardCharsets.UTF_8));
        assertThat(server.get(path + "?i=x1").body())
                .isEqualTo("io.j[0](\"5:::{\\\"name\\\":\\\"echo\\\",\\\"args\\\":[\\\"x/y\\\"]}\");");
    }

    @Test
    void malformedPacketsAreSkippedAndTheSessionKeepsServing() throws Exception {
        String sid = server.connectedXhrSession();
        String path = "/socket.io/1/xhr-polling/" + sid;
        assertThat(server.post(path, "\ufffd99\ufffd3:::x").body()).isEqualTo("1");
        assertThat(server.post(path, "\ufffd5\ufffdjunk!\ufffd7\ufffd3:::yes").body()).isEqualTo("1");
        assertThat(server.get(path).body()).isEqualTo("3:::yes");
    }

    @Test
    void queryDisconnectEndsTheSession() throws Exception {
        String sid = server.connectedXhrSession();
        assertThat(server.get("/socket.io/1/xhr-polling/" + sid + "?disconnect=1").statusCode()).isEqualTo(200);
        assertThat(server.get("/socket.io/1/xhr-polling/" + sid).body()).isEqualTo("7:::1+0");
    }

    @Test
    void crossOriginPollsEchoTheOrigin() throws Exception {
        String sid = server.connectedXhrSession();
        server.rest().header("Origin", "http://example.test:8080")
                .when().get("/socket.io/1/xhr-polling/" + sid + "?disconnect=1").then()
                .header("Access-Control-Allow-Origin", equalTo("http://example.test:8080"))
                .header("Access-Control-Allow-Credentials", equalTo("true"));
    }

    @Test
    void onlyOfferedTransportsAreListedAndOthersAreDroppedWithoutAnAnswer() throws Exception {
        try (RunningServer xhrOnly = new RunningServer(LegacySettings.defaults()
                .withTransports(List.of(LegacyTransport.XHR_POLLING)).withPollingDuration(Duration.ofSeconds(10)))) {
            String handshake = xhrOnly.get("/socket.io/1/").body();
            assertThat(handshake).endsWith(":60:60:xhr-polling");
            String sid = handshake.split(":")[0];
            assertThatThrownBy(() -> xhrOnly.get("/socket.io/1/jsonp-polling/" + sid)).isInstanceOf(IOException.class);
            assertThatThrownBy(() -> xhrOnly.get("/socket.io/1/flashsocket/" + sid)).isInstanceOf(IOException.class);
            assertThat(xhrOnly.get("/socket.io/1/xhr-polling/" + sid).body()).isEqualTo("1::");
        }
    }

    @Test
    void aSessionWithNoTransportIsGoneAfterTheCloseTimeout() throws Exception {
        Duration close = Duration.ofMillis(500);
        try (RunningServer quick = new RunningServer(LegacySettings.defaults().withCloseTimeout(close))) {
            String sid = quick.connectedXhrSession();
            assertThat(quick.server.sessionCount()).isEqualTo(1);
            Thread.sleep(close.plus(Duration.ofMillis(700)).toMillis());
            assertThat(quick.get("/socket.io/1/xhr-polling/" + sid).body()).isEqualTo("7:::1+0");
            assertThat(quick.server.sessionCount()).isZero();
        }
    }

    @Test
    void refusedOriginGetsA403AtHandshake() throws InterruptedException {
        try (RunningServer strict = new RunningServer(LegacySettings.defaults().withOrigins(List.of("good.test:*")))) {
            strict.rest().header("Origin", "http://evil.test").when().get("/socket.io/1/").then()
                    .statusCode(403)
                    .header("Access-Control-Allow-Origin", nullValue())
                    .body(equalTo("handshake bad origin"));
            strict.rest().header("Origin", "http://good.test:81").when().get("/socket.io/1/").then()
                    .statusCode(200);
        }
    }
}
