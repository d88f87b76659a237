package dev.sioconf.suite.legacy;

import dev.sioconf.suite.wire.JsStrings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.wire.Http;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.RawTcp;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import dev.sioconf.suite.wire.WireLog;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a case works with: one target, the transport under test (if the case is per transport),
 * the wire log, and the few helpers every case body is written over.
 */
public final class LegacyTester implements AutoCloseable, dev.sioconf.suite.junit.ServerCaseTester {

    public static final String RESOURCE = "/socket.io/1/";
    private static final AtomicLong CACHE_BUSTER = new AtomicLong();

    private final Target target;
    private final Transport transport;
    private final WireLog log = new WireLog();
    private final Http http = new Http(log);
    private final Bounds bounds;
    private final List<AutoCloseable> opened = new ArrayList<>();

    public LegacyTester(Target target, Transport transport) {
        this.target = target;
        this.transport = transport;
        this.bounds = new Bounds(target.declared());
        if (target.contractFree()) {
            log.checkOutgoing(dev.sioconf.suite.target.ContractUse.guard(target.profile()));
        }
    }

    public Target target() {
        return target;
    }

    /** The transport under test; a case that is not per transport has none. */
    public Transport transport() {
        if (transport == null) {
            throw new IllegalStateException("this case is not run per transport");
        }
        return transport;
    }

    @Override
    public String transportName() {
        return transport == null ? "-" : transport.wireName();
    }

    public boolean perTransport() {
        return transport != null;
    }

    public Bounds bounds() {
        return bounds;
    }

    public WireLog log() {
        return log;
    }

    public Http http() {
        return http;
    }

    // ---- handshake -------------------------------------------------------------------------

    /** {@code GET /socket.io/1/?t=...} with any extra query and headers, as it comes. */
    public HttpAnswer handshakeAnswer(String extraQuery, String... headers) {
        return http.get(uri(RESOURCE + "?t=" + stamp() + (extraQuery.isEmpty() ? "" : "&" + extraQuery)), Bounds.PROMPT, headers);
    }

    /** A successful handshake, read strictly. */
    public Handshake handshake() {
        HttpAnswer a = handshakeAnswer("");
        if (a.status() != 200) {
            throw new TargetMisbehaved("handshake answered HTTP " + a.status() + ": " + a.body());
        }
        return Handshake.parse(a.body());
    }

    // ---- raw transport requests -------------------------------------------------------------

    public URI transportUri(Transport t, String sid, String query) {
        return uri(RESOURCE + t.wireName() + "/" + sid + "?t=" + stamp() + (query.isEmpty() ? "" : "&" + query));
    }

    /** One GET on a polling transport, waited for as long as a held poll may take. */
    public HttpAnswer poll(Transport t, String sid) {
        return http.get(transportUri(t, sid, t == Transport.JSONP_POLLING ? "i=0" : ""), bounds.pollAnswer());
    }

    /** One GET with a query of the case's choosing, e.g. the jsonp index. */
    public HttpAnswer poll(Transport t, String sid, String query) {
        return http.get(transportUri(t, sid, query), bounds.pollAnswer());
    }

    /** POSTs a payload the way the transport's clients do; the server must answer 200 {@code 1}. */
    public HttpAnswer postPayload(Transport t, String sid, String payload) {
        HttpAnswer a = t == Transport.JSONP_POLLING
                ? http.post(transportUri(t, sid, "i=0"), "application/x-www-form-urlencoded",
                        jsonpForm(payload), Bounds.PROMPT)
                : http.post(transportUri(t, sid, ""), "text/plain;charset=UTF-8", payload, Bounds.PROMPT);
        if (a.status() != 200 || !a.body().equals("1")) {
            throw new TargetMisbehaved("a POST of packets must be answered 200 \"1\", got HTTP " + a.status() + " \"" + a.body() + "\"");
        }
        return a;
    }

    /** A jsonp-polling post: form field {@code d} holding the payload as a JSON string literal. */
    public static String jsonpForm(String payload) {
        return "d=" + URLEncoder.encode(JsStrings.quote(payload), StandardCharsets.UTF_8);
    }

    // ---- sessions ---------------------------------------------------------------------------

    /** A connected session on the transport under test, its connect packet already taken. */
    public Connection openSession() {
        return openSession(transport());
    }

    /** A connected session on {@code t}, its connect packet {@code 1::} already taken. */
    public Connection openSession(Transport t) {
        Connection c = attach(t, handshake().sid());
        c.inbox().assertNext("1::");
        return c;
    }

    /** Connects transport {@code t} to session {@code sid}, without reading anything. */
    public Connection attach(Transport t, String sid) {
        Connection c = switch (t) {
            case XHR_POLLING, JSONP_POLLING -> new PollingConnection(this, sid, t);
            case HTMLFILE -> new HtmlfileConnection(this, sid, openHtmlfile(sid));
            case WEBSOCKET -> new WebSocketConnection(this, sid, openWebSocket(sid));
            case FLASHSOCKET -> throw new IllegalArgumentException("flashsocket is not driven by the suite");
        };
        opened.add(c);
        return c;
    }

    public HttpResponse<InputStream> openHtmlfile(String sid) {
        return http.stream(transportUri(Transport.HTMLFILE, sid, ""), Bounds.PROMPT);
    }

    public WebSocketWire openWebSocket(String sid) {
        URI ws = URI.create("ws://" + target.base().getHost() + ":" + target.base().getPort() + RESOURCE + "websocket/" + sid);
        WebSocketWire wire = WebSocketWire.connect(ws, Bounds.PROMPT, log);
        opened.add(wire);
        return wire;
    }

    /**
     * A WebSocket upgrade for the session sent by hand, read until its answer is whole or turns out
     * to be a switch (101, which has no body): why a handshake was refused, without waiting out the
     * bound when it was not.
     */
    public RawTcp.Exchange rawWebSocketAnswerOrSwitch(String sid) {
        return RawTcp.exchangeUntil(target.base(),
                RawTcp.webSocketUpgrade(target.base(), RESOURCE + "websocket/" + sid), Bounds.PROMPT, log,
                RawTcp::wholeAnswerOrSwitch);
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

    /** Asserts the answer's status and exact body, the two things most cases check. */
    public static void assertAnswer(HttpAnswer a, int status, String body) {
        assertThat(a.body()).as("body").isEqualTo(body);
        assertThat(a.status()).as("status").isEqualTo(status);
    }

    public URI uri(String pathAndQuery) {
        return target.resolve(pathAndQuery);
    }

    private static long stamp() {
        return System.currentTimeMillis() * 1000 + CACHE_BUSTER.incrementAndGet() % 1000;
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
