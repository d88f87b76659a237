package dev.sioconf.server;

import static io.restassured.config.DecoderConfig.decoderConfig;
import static io.restassured.config.EncoderConfig.encoderConfig;
import static io.restassured.config.HttpClientConfig.httpClientConfig;
import static io.restassured.config.LogConfig.logConfig;
import static io.restassured.config.RedirectConfig.redirectConfig;

import io.restassured.builder.RequestSpecBuilder;
import io.restassured.config.RestAssuredConfig;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * REST Assured aimed at a reference server we started, for tests of its HTTP semantics: status,
 * headers, CORS and JSON error bodies. Paths go out as written (no URL encoding of our own),
 * bodies are read and written as UTF-8 when the answer names no charset, redirects are not
 * followed, every connect and read is bounded, and a failed check logs the request and answer.
 */
public final class ServerHttp {

    private ServerHttp() {
    }

    /** A request specification for the server at {@code baseUri}, each read bounded by {@code readBound}. */
    public static RequestSpecification at(URI baseUri, Duration readBound) {
        RestAssuredConfig config = RestAssuredConfig.config()
                .httpClient(httpClientConfig()
                        .setParam("http.connection.timeout", 5_000)
                        .setParam("http.socket.timeout", (int) readBound.toMillis()))
                .encoderConfig(encoderConfig().defaultContentCharset(StandardCharsets.UTF_8))
                .decoderConfig(decoderConfig().defaultContentCharset(StandardCharsets.UTF_8))
                .redirect(redirectConfig().followRedirects(false))
                .logConfig(logConfig().enableLoggingOfRequestAndResponseIfValidationFails());
        return new RequestSpecBuilder()
                .setBaseUri("http://" + baseUri.getHost())
                .setPort(baseUri.getPort())
                .setUrlEncodingEnabled(false)
                .setConfig(config)
                .build();
    }
}
