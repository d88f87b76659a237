package dev.sioconf.suite.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.junit.ServerCaseTester;
import dev.sioconf.suite.target.EngineSettings;
import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.wire.Http;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import dev.sioconf.suite.wire.WireLog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What an eio4 case works with: one target, the transport under test (if the case is per
 * transport), the wire log, and the helpers case bodies are written over. Queries are written out
 * by the cases ({@code eio() + "&transport=polling"}) so that the report shows exactly what went out.
 */
public final class EngineTester implements AutoCloseable, ServerCaseTester {

    private final Target target;
    private final EngineTransport transport;
    private final WireLog log = new WireLog();
    private final Http http;
    private final EngineBounds bounds;
    private final EngineRevision revision;
    private final List<AutoCloseable> opened = new ArrayList<>();

    public EngineTester(Target target, EngineTransport transport) {
        this.target = target;
        this.transport = transport;
        this.bounds = new EngineBounds(target.engine());
        // a declared maxPayload near the limit must still let an echo of that size back (base64 adds a third)
        this.http = new Http(log, Math.max(Http.MAX_BODY_BYTES, 2 * target.engine().maxPayload() + 64 * 1024));
        this.revision = EngineRevision.of(target.profile());
        if (target.contractFree()) {
            log.checkOutgoing(dev.sioconf.suite.target.ContractUse.guard(target.profile()));
        }
    }

    /** The Engine.IO revision of the target's profile. */
    public EngineRevision revision() {
        return revision;
    }

    /** {@code EIO=3} or {@code EIO=4}: how every query of this tester starts. */
    public String eio() {
        return revision.query();
    }

    @Override
    public Target target() {
        return target;
    }

    public EngineSettings settings() {
        return target.engine();
    }

    /** The transport under test; a case that is not per transport has none. */
    public EngineTransport transport() {
        if (transport == null) {
            throw new IllegalStateException("this case is not run per transport");
        }
        return transport;
    }

    @Override
    public String transportName() {
        return transport == null ? "-" : transport.reportName();
    }

    @Override
    public WireLog log() {
        return log;
    }

    public Http http() {
        return http;
    }

    public EngineBounds bounds() {
        return bounds;
    }

    /** The declared protocol path, e.g. {@code /socket.io/}. */
    public String path() {
        return settings().path();
    }

    /** The declared Engine.IO echo path; a target that declares none makes the case UNIMPLEMENTED (EIO4-15.1). */
    public String echoPath() {
        String p = settings().echoPath();
        if (p == null) {
            throw new Unimplemented("the target declares no Engine.IO echo path");
        }
        return p;
    }

    // ---- plain HTTP ---------------------------------------------------------------------------

    public URI uri(String path, String query) {
        return target.resolve(path + (query.isEmpty() ? "" : "?" + query));
    }

    /** {@code GET <path>?<query>} on the protocol path, answered promptly. */
    public HttpAnswer get(String query, String... headers) {
        return http.get(uri(path(), query), EngineBounds.PROMPT, headers);
    }

    /** Any request on {@code path}; {@code body} null for none. */
    public HttpAnswer request(String method, String path, String query, String contentType, String body, String... headers) {
        return http.request(method, uri(path, query), contentType, body, EngineBounds.PROMPT, headers);
    }

    /** One poll of a session on the protocol path, waited for as long as a held poll may last. */
    public HttpAnswer poll(String sid) {
        return poll(path(), sid, "");
    }

    /** One poll on {@code path}, with extra query (e.g. {@code j=0}). */
    public HttpAnswer poll(String path, String sid, String extraQuery) {
        return http.get(uri(path, eio() + "&transport=polling&sid=" + sid + (extraQuery.isEmpty() ? "" : "&" + extraQuery)),
                bounds.pollAnswer());
    }

    /** One POST of a payload to a session on the protocol path, as {@code text/plain;charset=UTF-8}; the answer as it comes. */
    public HttpAnswer post(String sid, String payload) {
        return post(path(), sid, payload);
    }

    public HttpAnswer post(String path, String sid, String payload) {
        return http.post(uri(path, eio() + "&transport=polling&sid=" + sid), "text/plain;charset=UTF-8", payload, EngineBounds.PROMPT);
    }

    /** One POST of a binary payload (eio3's {@code application/octet-stream} form) to a session. */
    public HttpAnswer post(String path, String sid, byte[] payload) {
        return http.post(uri(path, eio() + "&transport=polling&sid=" + sid), "application/octet-stream", payload, EngineBounds.PROMPT);
    }

    /** A poll sent now and answered later, for cases that act while it is held. */
    public CompletableFuture<HttpAnswer> pollAsync(String path, String sid) {
        return CompletableFuture.supplyAsync(() -> poll(path, sid, ""));
    }

    /** Waits for a poll sent with {@link #pollAsync}. */
    public HttpAnswer await(CompletableFuture<HttpAnswer> poll) {
        try {
            return poll.get(bounds.pollAnswer().plus(EngineBounds.PROMPT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof AssertionError a ? a : new TargetMisbehaved("poll failed: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new TargetMisbehaved("the poll got no answer in time");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted");
        }
    }

    /**
     * Polls a session driven by hand until an answer holds more than pings, answering each ping
     * with a POSTed pong as a client does; returns that answer with the pings taken out of its
     * body. This keeps a case that is not about heartbeats immune to a ping coming first.
     */
    public HttpAnswer pollPastPings(String path, String sid) {
        return pastPings(path, sid, poll(path, sid, ""));
    }

    /** Like {@link #pollPastPings}, for a poll already answered. */
    public HttpAnswer pastPings(String path, String sid, HttpAnswer first) {
        if (!revision.serverPings()) {
            return first; // eio3: the server never pings; a pong comes only when the case pinged
        }
        HttpAnswer a = first;
        long deadline = System.nanoTime() + bounds.pollAnswer().multipliedBy(3).toNanos();
        while (a.status() == 200 && withoutPings(a.body()).isEmpty() && System.nanoTime() < deadline) {
            post(path, sid, "3");
            a = poll(path, sid, "");
        }
        if (a.status() == 200 && a.body().contains("2") && !withoutPings(a.body()).equals(a.body())) {
            post(path, sid, "3");
        }
        return a.status() == 200 ? new HttpAnswer(a.status(), a.headers(), withoutPings(a.body()), a.elapsed()) : a;
    }

    /**
     * Polls a session that has nothing queued until its ping comes, and answers it: afterwards the
     * session has a whole ping interval before the next ping, e.g. for a POST of a megabyte.
     */
    public void awaitPingAndAnswer(String path, String sid) {
        HttpAnswer a = poll(path, sid, "");
        if (a.status() != 200 || !Eio4Codec.split(a.body()).contains("2")) {
            throw new TargetMisbehaved("expected the ping on an idle session's poll, got HTTP " + a.status() + " " + a.body());
        }
        post(path, sid, "3");
    }

    /** The body with every ping packet {@code 2} taken out (separators kept well-formed). */
    public static String withoutPings(String body) {
        if (body.isEmpty()) {
            return body;
        }
        return Eio4Codec.payload(Eio4Codec.split(body).stream().filter(p -> !p.equals("2")).toList());
    }

    /** A polling handshake on the protocol path, its open packet read strictly. */
    public OpenPacket handshake() {
        return handshake(path());
    }

    public OpenPacket handshake(String path) {
        HttpAnswer a = http.get(uri(path, eio() + "&transport=polling"), EngineBounds.PROMPT);
        if (a.status() != 200) {
            throw new TargetMisbehaved("a polling handshake was answered HTTP " + a.status() + ": " + a.body());
        }
        return OpenPacket.parse(revision.split(a).get(0));
    }

    // ---- sessions -----------------------------------------------------------------------------

    /** A session on the transport under test at the protocol path, its open packet taken. */
    public EngineConnection open() {
        return open(transport());
    }

    public EngineConnection open(EngineTransport t) {
        return openAt(path(), t);
    }

    /** A session on the transport under test at the Engine.IO echo path (UNIMPLEMENTED without one). */
    public EngineConnection openEcho() {
        return openAt(echoPath(), transport());
    }

    public EngineConnection openEcho(EngineTransport t) {
        return openAt(echoPath(), t);
    }

    public EngineConnection openAt(String path, EngineTransport t) {
        EngineConnection c = EngineConnection.open(this, path, t);
        opened.add(c);
        return c;
    }

    /** A WebSocket on {@code path?query}; a refused upgrade is a {@link TargetMisbehaved}. */
    public WebSocketWire openWebSocket(String path, String query, Map<String, String> headers) {
        URI http = uri(path, query);
        URI ws = URI.create("ws://" + http.getHost() + ":" + http.getPort() + http.getRawPath() + "?" + http.getRawQuery());
        WebSocketWire wire = WebSocketWire.connect(ws, EngineBounds.PROMPT, log, headers);
        opened.add(wire);
        return wire;
    }

    public WebSocketWire openWebSocket(String query) {
        return openWebSocket(path(), query, Map.of());
    }

    /** A WebSocket handshake written by hand on a raw connection, read until the server closes or {@code bound} passes. */
    public RawTcp.Exchange rawWebSocketHandshake(String path, String query, Duration bound) {
        return RawTcp.exchange(target.base(), rawUpgrade(path, query), bound, log);
    }

    /**
     * Like {@link #rawWebSocketAnswer}, but also stops at the end of a 101's head: for a case that
     * wants to know why a handshake was refused, and must not wait out the bound when it was not.
     */
    public RawTcp.Exchange rawWebSocketAnswerOrSwitch(String path, String query) {
        return RawTcp.exchangeUntil(target.base(), rawUpgrade(path, query), EngineBounds.PROMPT, log, RawTcp::wholeAnswerOrSwitch);
    }

    /** Like {@link #rawWebSocketHandshake}, but stops once one whole HTTP answer is in. */
    public RawTcp.Exchange rawWebSocketAnswer(String path, String query) {
        return RawTcp.exchangeOneAnswer(target.base(), rawUpgrade(path, query), EngineBounds.PROMPT, log);
    }

    private String rawUpgrade(String path, String query) {
        return RawTcp.webSocketUpgrade(target.base(), path + "?" + query);
    }

    /** A bound for a burst of traffic: a few prompt answers and a ping round. */
    public static Duration longBound(EngineTester t) {
        return EngineBounds.PROMPT.multipliedBy(2).plus(t.bounds().pollAnswer());
    }

    /** Waits on purpose, with the reason in the wire log. */
    public void pause(Duration d, String why) {
        log.note("waiting " + d.toMillis() + " ms: " + why);
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TargetMisbehaved("interrupted while waiting");
        }
    }

    // ---- assertions ---------------------------------------------------------------------------

    /** Status and exact body. */
    public static void assertAnswer(HttpAnswer a, int status, String body) {
        assertThat(Eio4Codec.visible(a.body())).as("body").isEqualTo(Eio4Codec.visible(body));
        assertThat(a.status()).as("status").isEqualTo(status);
    }

    /** A refusal of EIO4-6.1: 400 (403 for code 4), JSON media type, {@code {"code":N,"message":"..."}}. */
    public static void assertRefused(HttpAnswer a, int code, String message) {
        assertThat(a.body()).as("body").isEqualTo("{\"code\":" + code + ",\"message\":\"" + message + "\"}");
        assertThat(a.status()).as("status").isEqualTo(code == 4 ? 403 : 400);
        assertThat(a.header("Content-Type").orElse("(none)")).as("Content-Type").startsWith("application/json");
    }

    /** The session named {@code sid} is gone: a poll naming it is refused with code 1. */
    public void assertSessionGone(String sid) {
        assertSessionGone(path(), sid);
    }

    /**
     * Waits until a request naming the session is refused with code 1; for sessions whose end the
     * server processes asynchronously (a closed WebSocket). Polling sessions must not be asked
     * this way while alive, since their poll would be held.
     */
    public void awaitSessionGone(String path, String sid, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        HttpAnswer a;
        do {
            a = http.get(uri(path, eio() + "&transport=polling&sid=" + sid), EngineBounds.PROMPT);
            if (a.status() == 400 && a.body().contains("\"code\":1")) {
                break;
            }
            pause(Duration.ofMillis(100), "the session may still be ending");
        } while (System.nanoTime() < deadline);
        assertRefused(a, 1, "Session ID unknown");
    }

    public void assertSessionGone(String path, String sid) {
        assertRefused(http.get(uri(path, eio() + "&transport=polling&sid=" + sid), EngineBounds.PROMPT), 1, "Session ID unknown");
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception e) {
                // best effort
            }
        }
    }
}
