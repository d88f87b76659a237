package dev.sioconf.suite.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** {@code --engine jdk}: the run's one HttpClient, which pools connections across sessions. */
final class JdkPollingHttp implements PollingHttp {

    private final HttpClient http;

    JdkPollingHttp(HttpClient http) {
        this.http = http;
    }

    @Override
    public CompletableFuture<Answer> get(URI uri, Duration bound) {
        return send(HttpRequest.newBuilder(uri).timeout(bound).GET().build());
    }

    @Override
    public CompletableFuture<Answer> post(URI uri, String textBody, Duration bound) {
        return send(HttpRequest.newBuilder(uri).timeout(bound)
                .header("Content-Type", "text/plain;charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString(textBody, StandardCharsets.UTF_8)).build());
    }

    private CompletableFuture<Answer> send(HttpRequest request) {
        return http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray())
                .thenApply(r -> new Answer(r.statusCode(), r.headers().firstValue("content-type").orElse(""), r.body()));
    }

    @Override
    public void close() {
        // the client is the run's, closed with it
    }
}
