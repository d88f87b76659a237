package dev.sioconf.suite.wire;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * HTTP to the target through the JDK client, every request and answer written to the wire log.
 * The JDK client serves both the whole answers of polling and the endless body of htmlfile, and
 * lets each request carry its own bound.
 */
public final class Http {

    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** How often a request that met a connection closed under it (no byte of an answer) is sent again. */
    static final int RESENDS = 2;
    /**
     * The most bytes of an answer body the tester keeps, when the target declares no larger payloads:
     * far above what any case needs (eio4's default maxPayload is 1 MB), far below what would take the
     * heap of a run of two dozen cases at once.
     */
    public static final long MAX_BODY_BYTES = 16L * 1024 * 1024;
    /**
     * The JDK client's request timeout ends with the answer's head; the body gets this much more
     * before the whole exchange is given up, so a server that trickles an endless body cannot hold a case.
     */
    public static final Duration BODY_SLACK = Duration.ofSeconds(5);

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(CONNECT_TIMEOUT)
            .build();

    private final WireLog log;
    private final long maxBody;

    public Http(WireLog log) {
        this(log, MAX_BODY_BYTES);
    }

    /** With a larger limit on answer bodies, for targets that declare payloads near {@link #MAX_BODY_BYTES}. */
    public Http(WireLog log, long maxBody) {
        this.log = log;
        this.maxBody = maxBody;
    }

    public HttpAnswer get(URI uri, Duration bound, String... headers) {
        return send(request(uri, bound, headers).GET().build(), "");
    }

    public HttpAnswer post(URI uri, String contentType, String body, Duration bound, String... headers) {
        HttpRequest.Builder b = request(uri, bound, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b.build(), body);
    }

    /** A POST of bytes, logged in hex. */
    public HttpAnswer post(URI uri, String contentType, byte[] body, Duration bound, String... headers) {
        HttpRequest.Builder b = request(uri, bound, headers).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        log.check(new String(body, StandardCharsets.ISO_8859_1)); // the hex of the log hides the text of a binary payload
        return send(b.build(), "(" + body.length + " bytes) " + WebSocketWire.hex(body));
    }

    /** Any method, with a body when {@code body} is not null (and a Content-Type when that is not null). */
    public HttpAnswer request(String method, URI uri, String contentType, String body, Duration bound, String... headers) {
        HttpRequest.Builder b = request(uri, bound, headers);
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        return send(b.build(), body == null ? "" : body);
    }

    /** Opens a streaming GET and returns its head and an unread body, for htmlfile. */
    public HttpResponse<InputStream> stream(URI uri, Duration headBound) {
        HttpRequest req = request(uri, null).GET().build();
        log.sent("http", describe(req, ""));
        try {
            HttpResponse<InputStream> response = CLIENT.sendAsync(req, HttpResponse.BodyHandlers.ofInputStream())
                    .get(headBound.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            log.received("http", statusAndHeaders(response.statusCode(), response.headers()) + "\n(streamed body follows)");
            return response;
        } catch (java.util.concurrent.TimeoutException e) {
            throw noAnswer(req, headBound);
        } catch (java.util.concurrent.ExecutionException e) {
            throw failed(req, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted while waiting for " + req.uri());
        }
    }

    private HttpRequest.Builder request(URI uri, Duration bound, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri);
        if (bound != null) {
            b.timeout(bound);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private HttpAnswer send(HttpRequest req, String body) {
        log.sent("http", describe(req, body));
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> r = null;
            for (int attempt = 1; r == null; attempt++) {
                try {
                    r = exchange(req);
                } catch (IOException e) {
                    if (attempt > RESENDS || !reusedConnectionExpired(e)) {
                        throw e;
                    }
                    // The pooled keep-alive connection was closed by the server just as the request went
                    // out (node closes idle ones after 5 s; netty-socketio closes after every answer while
                    // announcing keep-alive): not a single byte of an answer. The JDK resends a GET once on
                    // its own, which can meet the next stale connection of the pool, and never a POST; resend
                    // here, as browsers do on a reused connection. A server that never answers still fails.
                    log.note(req.method() + " went out on a kept-alive connection the server had just closed ("
                            + e.getMessage() + "); sent once more");
                }
            }
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            String text = new String(r.body(), StandardCharsets.UTF_8);
            boolean bytes = r.headers().firstValue("Content-Type").orElse("").startsWith("application/octet-stream");
            log.received("http", statusAndHeaders(r.statusCode(), r.headers()) + "\n\n"
                    + (bytes ? "(" + r.body().length + " bytes) " + WebSocketWire.hex(r.body()) : text)
                    + "\n(after " + elapsed.toMillis() + " ms)");
            return new HttpAnswer(r.statusCode(), r.headers().map(), text, elapsed, r.body());
        } catch (HttpConnectTimeoutException e) {
            throw failed(req, e);
        } catch (HttpTimeoutException e) {
            throw noAnswer(req, req.timeout().orElse(Duration.ZERO));
        } catch (IOException e) {
            BoundedBody.TooLarge tooLarge = causeOf(e, BoundedBody.TooLarge.class);
            if (tooLarge != null) {
                log.note("answer body cut: larger than " + tooLarge.limit + " bytes");
                throw new TargetMisbehaved("answer to " + req.method() + " " + req.uri() + " is larger than "
                        + tooLarge.limit + " bytes, the tester's limit (" + tooLarge.getMessage() + "); it stopped reading", e);
            }
            throw failed(req, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted while waiting for " + req.uri());
        }
    }

    /** One request and its whole answer, the body at most {@code maxBody} bytes and the exchange bounded as a whole. */
    private HttpResponse<byte[]> exchange(HttpRequest req) throws IOException, InterruptedException {
        java.util.concurrent.CompletableFuture<HttpResponse<byte[]>> answer =
                CLIENT.sendAsync(req, BoundedBody.handler(maxBody));
        try {
            return req.timeout().isPresent()
                    ? answer.get(req.timeout().get().plus(BODY_SLACK).toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                    : answer.get();
        } catch (java.util.concurrent.TimeoutException e) {
            answer.cancel(true);
            throw new HttpTimeoutException("the answer's body did not end in time");
        } catch (InterruptedException e) {
            answer.cancel(true);
            throw e;
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IOException(cause);
        }
    }

    /**
     * Whether the connection ended before any byte of the answer came: the JDK says "HTTP/1.1 header
     * parser received no bytes" over an {@link java.io.EOFException} (for a GET it retries by itself,
     * with its ConnectionExpiredException).
     */
    static boolean reusedConnectionExpired(Throwable e) {
        if (causeOf(e, HttpTimeoutException.class) != null) {
            return false; // the server took the request and said nothing: sending it again would only wait again
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.io.EOFException || t.getClass().getSimpleName().equals("ConnectionExpiredException")
                    || (t.getMessage() != null && t.getMessage().contains("received no bytes"))) {
                return true;
            }
        }
        return false;
    }

    private TargetMisbehaved noAnswer(HttpRequest req, Duration bound) {
        log.note("no answer within " + bound.toMillis() + " ms");
        return new TargetMisbehaved("no answer to " + req.method() + " " + req.uri() + " within " + bound.toMillis() + " ms");
    }

    private TargetMisbehaved failed(HttpRequest req, Throwable cause) {
        String why = why(cause);
        log.note(req.method() + " " + req.uri() + " failed: " + why);
        return new TargetMisbehaved(req.method() + " " + req.uri() + " got no HTTP answer (" + why + ")", cause);
    }

    /** What went wrong on the connection, in the words a reader of the report needs. */
    public static String why(Throwable cause) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            chain.append(' ').append(t.getMessage());
        }
        String all = chain.toString().toLowerCase(java.util.Locale.ROOT);
        java.net.ProtocolException notHttp = causeOf(cause, java.net.ProtocolException.class);
        if (notHttp != null) {
            return "not HTTP: " + notHttp.getMessage();
        }
        if (all.contains("reset")) {
            return "connection reset by the server before an answer";
        }
        // the JDK client's ConnectException often has no message of its own: nothing accepted the connection
        if (all.contains("refused") || causeOf(cause, java.net.ConnectException.class) != null) {
            return "connection refused";
        }
        if (all.contains("received no bytes") || causeOf(cause, java.io.EOFException.class) != null) {
            return "the server closed the connection without an answer";
        }
        return cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    }

    static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String describe(HttpRequest req, String body) {
        String headers = req.headers().map().entrySet().stream()
                .map(e -> e.getKey() + ": " + String.join(", ", e.getValue()))
                .collect(Collectors.joining("\n"));
        return req.method() + " " + req.uri().getRawPath() + (req.uri().getRawQuery() == null ? "" : "?" + req.uri().getRawQuery())
                + " HTTP/1.1" + (headers.isEmpty() ? "" : "\n" + headers) + (body.isEmpty() ? "" : "\n\n" + body);
    }

    private static String statusAndHeaders(int status, HttpHeaders headers) {
        Map<String, String> sorted = new TreeMap<>();
        headers.map().forEach((k, v) -> sorted.put(k, String.join(", ", v)));
        return "HTTP/1.1 " + status + sorted.entrySet().stream().map(e -> "\n" + e.getKey() + ": " + e.getValue())
                .collect(Collectors.joining());
    }
}
