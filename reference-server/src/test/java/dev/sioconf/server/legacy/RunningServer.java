package dev.sioconf.server.legacy;

import dev.sioconf.server.ServerHttp;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A reference server on a free loopback port, with bounded HTTP clients aimed at it: {@link #rest()}
 * for checks of status, headers and CORS, the JDK client for payloads and held polls.
 */
final class RunningServer implements AutoCloseable {

    static final Duration SLACK = Duration.ofSeconds(5);

    final LegacyServer server;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    RunningServer(LegacySettings settings) throws InterruptedException {
        this.server = LegacyServer.start(settings.withPort(0));
    }

    URI uri(String pathAndQuery) {
        return URI.create(server.baseUri() + pathAndQuery);
    }

    /** A REST Assured request to this server; an answer is due within the slack. */
    RequestSpecification rest() {
        return RestAssured.given(ServerHttp.at(server.baseUri(), SLACK));
    }

    /** A GET that may be held up to {@code hold} before the answer is due. */
    HttpResponse<String> get(String pathAndQuery, Duration hold) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(hold.plus(SLACK)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return get(pathAndQuery, Duration.ZERO);
    }

    HttpResponse<String> post(String pathAndQuery, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(pathAndQuery)).timeout(SLACK)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Handshakes and returns the session id. */
    String handshake() throws IOException, InterruptedException {
        return get("/socket.io/1/?t=" + System.nanoTime()).body().split(":")[0];
    }

    /** Handshakes and takes the connect packet with a first xhr poll. */
    String connectedXhrSession() throws IOException, InterruptedException {
        String sid = handshake();
        String first = get("/socket.io/1/xhr-polling/" + sid).body();
        if (!first.equals("1::")) {
            throw new AssertionError("first poll answered " + first);
        }
        return sid;
    }

    @Override
    public void close() {
        server.close();
    }
}
