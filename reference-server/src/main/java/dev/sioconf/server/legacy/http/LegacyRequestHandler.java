package dev.sioconf.server.legacy.http;

import dev.sioconf.server.LenientQuery;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.LegacyTransport;
import dev.sioconf.server.legacy.codec.ErrorAdvice;
import dev.sioconf.server.legacy.codec.ErrorReason;
import dev.sioconf.server.legacy.codec.HandshakeAnswer;
import dev.sioconf.server.json.JsonString;
import dev.sioconf.server.legacy.codec.JsonpFraming;
import dev.sioconf.server.legacy.codec.Packet;
import dev.sioconf.server.legacy.codec.PacketCodec;
import dev.sioconf.server.legacy.session.Session;
import dev.sioconf.server.legacy.session.SessionRegistry;
import dev.sioconf.server.legacy.transport.HtmlfileSink;
import dev.sioconf.server.legacy.transport.PollingSink;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Routes every HTTP request under {@code /socket.io}: the welcome text, the handshake, and each
 * transport's requests for a session. A websocket upgrade is handed to {@link WebSocketUpgrade}.
 */
public final class LegacyRequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    public static final String RESOURCE = "/socket.io";
    static final String WELCOME = "Welcome to socket.io.";
    static final String UNSUPPORTED_REVISION = "Protocol version not supported.";
    static final String BAD_ORIGIN = "handshake bad origin";
    static final String NOT_HANDSHAKEN =
            PacketCodec.encode(Packet.error("", ErrorReason.CLIENT_NOT_HANDSHAKEN, ErrorAdvice.RECONNECT));
    static final String TRANSPORT_NOT_SUPPORTED =
            PacketCodec.encode(Packet.error("", ErrorReason.TRANSPORT_NOT_SUPPORTED, null));

    private static final Logger LOG = Logger.getLogger(LegacyRequestHandler.class.getName());

    private final LegacySettings settings;
    private final SessionRegistry sessions;
    private final OriginPolicy origins;

    public LegacyRequestHandler(LegacySettings settings, SessionRegistry sessions) {
        this.settings = settings;
        this.sessions = sessions;
        this.origins = new OriginPolicy(settings.origins());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        Request r = new Request(ctx, req);
        try {
            route(r);
        } catch (RuntimeException e) {
            // A fault of the server or its application must not leave the client waiting for an
            // answer that never comes; once an answer is under way, a 500 would only garble it.
            LOG.log(Level.WARNING, "failed on " + req.method() + " " + req.uri(), e);
            if (r.answerStarted) {
                ctx.close();
            } else {
                r.answerStarted = true;
                HttpAnswers.serverError(ctx);
            }
        }
    }

    private void route(Request r) {
        ChannelHandlerContext ctx = r.ctx;
        FullHttpRequest req = r.req;
        if (!req.decoderResult().isSuccess()) {
            r.answer(HttpResponseStatus.BAD_REQUEST, "Bad request.");
            return;
        }
        String path = r.query.path();
        if (!path.equals(RESOURCE) && !path.startsWith(RESOURCE + "/")) {
            r.answer(HttpResponseStatus.NOT_FOUND, "Not found.");
            return;
        }
        List<String> parts = Arrays.stream(path.substring(RESOURCE.length()).split("/")).filter(s -> !s.isEmpty()).toList();
        if (parts.isEmpty()) {
            r.answer(HttpResponseStatus.OK, WELCOME);
        } else if (!parts.get(0).equals("1")) {
            r.answer(HttpResponseStatus.INTERNAL_SERVER_ERROR, UNSUPPORTED_REVISION);
        } else if (parts.size() == 1) {
            handshake(r);
        } else if (parts.size() > 3) {
            r.answer(HttpResponseStatus.NOT_FOUND, "Not found.");
        } else {
            Optional<LegacyTransport> transport = LegacyTransport.ofWireName(parts.get(1)).filter(this::serves);
            String sid = parts.size() == 3 ? parts.get(2) : null;
            if (transport.isEmpty()) {
                if (sid != null && settings.faults().contains(Fault.DISABLED_TRANSPORT_ANSWERED)) {
                    r.answer(HttpResponseStatus.OK, TRANSPORT_NOT_SUPPORTED);
                    return;
                }
                // A transport this server does not offer is dropped without an answer, as socket.io 0.9 does.
                LOG.fine(() -> "dropping request for transport " + parts.get(1));
                r.answerStarted = true;
                ctx.close();
                return;
            }
            Optional<Session> session = sessions.find(sid);
            if (session.isEmpty() && sid != null && transport.get().polling()
                    && settings.faults().contains(Fault.UNKNOWN_SESSION_ACCEPTED)) {
                session = Optional.of(sessions.adopt(sid));
            }
            forSession(r, transport.get(), session);
        }
    }

    private boolean serves(LegacyTransport transport) {
        return settings.offers(transport) || (transport == LegacyTransport.WEBSOCKET
                && settings.faults().contains(Fault.WEBSOCKET_WHEN_DISABLED));
    }

    private void handshake(Request r) {
        String originOrReferer = Optional.ofNullable(r.req.headers().get(HttpHeaderNames.ORIGIN))
                .orElse(r.req.headers().get(HttpHeaderNames.REFERER));
        String jsonp = r.param("jsonp");
        boolean wrap = jsonp != null && jsonp.matches("\\d+");
        if (!origins.allows(originOrReferer)) {
            if (wrap) {
                r.answer(HttpResponseStatus.OK, HttpAnswers.APPLICATION_JAVASCRIPT,
                        "io.j[" + jsonp + "](new Error(" + JsonString.quote(BAD_ORIGIN) + "));");
            } else {
                // A refused origin is not told it may read the answer (LEG-15.3).
                r.answerStarted = true;
                HttpAnswers.write(r.ctx, r.keepAlive, HttpResponseStatus.FORBIDDEN, HttpAnswers.TEXT_PLAIN, BAD_ORIGIN, null);
            }
            return;
        }
        Session session = sessions.create();
        List<String> offered = new ArrayList<>(settings.transports().stream().map(LegacyTransport::wireName).toList());
        if (settings.faults().contains(Fault.TRANSPORTS_REVERSED)) {
            Collections.reverse(offered);
        }
        String body = HandshakeAnswer.format(session.id(), settings.heartbeats() ? settings.heartbeatTimeout() : null,
                settings.closeTimeout(), offered);
        if (wrap) {
            r.answer(HttpResponseStatus.OK, HttpAnswers.APPLICATION_JAVASCRIPT, "io.j[" + jsonp + "](" + JsonString.quote(body) + ");");
        } else {
            r.answer(HttpResponseStatus.OK, "text/plain", body);
        }
    }

    private void forSession(Request r, LegacyTransport transport, Optional<Session> session) {
        if (r.query.parameters().containsKey("disconnect")) {
            session.ifPresent(s -> s.disconnect("forced by ?disconnect"));
            r.answer(HttpResponseStatus.OK, null, "");
            return;
        }
        switch (transport) {
            case WEBSOCKET -> {
                // Browsers send Origin on upgrades too; a refused one gets no 101 (LEG-15.4).
                r.answerStarted = true;
                if (!origins.allows(r.origin)) {
                    r.ctx.close();
                    return;
                }
                WebSocketUpgrade.upgrade(r.ctx, r.req, session);
            }
            case HTMLFILE -> htmlfile(r, session);
            case XHR_POLLING, JSONP_POLLING -> polling(r, transport, session);
        }
    }

    private void htmlfile(Request r, Optional<Session> session) {
        if (r.req.method().equals(HttpMethod.POST)) {
            post(r, session, false);
            return;
        }
        r.answerStarted = true;
        HtmlfileSink sink = HtmlfileSink.open(r.ctx.channel(), settings.faults());
        if (session.isEmpty()) {
            sink.deliver(List.of(NOT_HANDSHAKEN));
            sink.close();
            return;
        }
        r.ctx.channel().closeFuture().addListener(f -> session.get().detach(sink));
        session.get().attach(sink);
    }

    private void polling(Request r, LegacyTransport transport, Optional<Session> session) {
        boolean jsonp = transport == LegacyTransport.JSONP_POLLING;
        if (r.req.method().equals(HttpMethod.POST)) {
            post(r, session, jsonp);
            return;
        }
        String index = settings.faults().contains(Fault.JSONP_INDEX_IGNORED) ? "0" : JsonpFraming.index(r.param("i"));
        // the sink answers from now on, possibly later and from another thread
        r.answerStarted = true;
        PollingSink sink = jsonp
                ? PollingSink.jsonp(r.ctx, r.keepAlive, index, settings.faults())
                : PollingSink.xhr(r.ctx, r.keepAlive, r.origin, settings.faults());
        if (session.isEmpty()) {
            sink.answer(NOT_HANDSHAKEN);
            return;
        }
        r.ctx.channel().closeFuture().addListener(f -> session.get().detach(sink));
        session.get().attach(sink);
    }

    /**
     * A client's packets, answered {@code 1}. Unlike socket.io 0.9, which answers first, they are
     * handled before the answer, so replies are queued by the time the client polls again.
     */
    private void post(Request r, Optional<Session> session, boolean formEncoded) {
        String body = r.req.content().toString(StandardCharsets.UTF_8);
        if (session.isEmpty()) {
            r.answer(HttpResponseStatus.OK, HttpAnswers.TEXT_PLAIN, NOT_HANDSHAKEN);
            return;
        }
        String payload = formEncoded ? FormPayload.jsonpPayload(body) : body;
        if (payload != null) {
            IncomingPayload.deliver(session.get(), payload);
        }
        r.answer(HttpResponseStatus.OK, HttpAnswers.TEXT_PLAIN, "1");
    }

    /** The parts of a request every answer needs. */
    private static final class Request {
        final ChannelHandlerContext ctx;
        final FullHttpRequest req;
        final QueryStringDecoder query;
        final boolean keepAlive;
        final String origin;
        /** Whether an answer went out or something else (a sink, an upgrade, a close) owns the connection. */
        boolean answerStarted;

        Request(ChannelHandlerContext ctx, FullHttpRequest req) {
            this.ctx = ctx;
            this.req = req;
            this.query = LenientQuery.ofUri(req.uri());
            this.keepAlive = HttpUtil.isKeepAlive(req);
            this.origin = req.headers().get(HttpHeaderNames.ORIGIN);
        }

        String param(String name) {
            Map<String, List<String>> params = query.parameters();
            List<String> values = params.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        void answer(HttpResponseStatus status, String body) {
            answer(status, HttpAnswers.TEXT_PLAIN, body);
        }

        void answer(HttpResponseStatus status, String contentType, String body) {
            answerStarted = true;
            HttpAnswers.write(ctx, keepAlive, status, contentType, body, origin);
        }
    }
}
