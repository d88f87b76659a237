package dev.sioconf.suite.load;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/** The HTTP of one polling session, from either engine: GETs and POSTs, each with its own bound. */
interface PollingHttp {

    /** A whole answer: status, content type (empty when none) and body. */
    record Answer(int status, String contentType, byte[] body) {
        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The handshake and the held polls, one at a time. */
    CompletableFuture<Answer> get(URI uri, Duration bound);

    /** Packets for the server, one POST at a time, alongside a held poll. */
    CompletableFuture<Answer> post(URI uri, String textBody, Duration bound);

    /** Lets go of the connections; what is in flight fails. */
    void close();
}
