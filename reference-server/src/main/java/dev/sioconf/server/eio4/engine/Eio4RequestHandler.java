package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.LenientQuery;
import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.ErrorAnswer;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every HTTP request of one Engine.IO 4 endpoint: handshakes, polls, POSTs and WebSocket
 * requests, checked in the order socket.io 4.8.x checks them (EIO4-6.7): transport, session id,
 * handshake method, WebSocket without upgrade, protocol version.
 */
public final class Eio4RequestHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = Logger.getLogger(Eio4RequestHandler.class.getName());

    private final EngineEndpoint endpoint;
    private final Eio4Settings settings;

    public Eio4RequestHandler(EngineEndpoint endpoint) {
        this.endpoint = endpoint;
        this.settings = endpoint.settings();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest req) {
        HttpExchange ex = new HttpExchange(ctx, req, endpoint.cors());
        try {
            handle(ctx, req, ex);
        } catch (RuntimeException e) {
            // A fault of the server or its application must not leave the client waiting for an
            // answer that never comes; other sessions never see it (each request has its exchange).
            LOG.log(Level.WARNING, "failed on " + req.method() + " " + req.uri(), e);
            if (!ex.answered()) {
                ex.serverError();
            } else {
                ctx.close();
            }
        }
    }

    private void handle(ChannelHandlerContext ctx, FullHttpRequest req, HttpExchange ex) {
        if (!req.decoderResult().isSuccess()) {
            // Code 3 is engine.io's answer for a request its middleware cannot take (EIO4-6.9);
            // the connection closes with it (see HttpExchange), as the codec reads nothing more on it.
            ex.error(ErrorAnswer.BAD_REQUEST);
            return;
        }
        if (isPreflight(req)) {
            FullHttpResponse response = ex.response(HttpResponseStatus.NO_CONTENT, null, "");
            endpoint.cors().addPreflight(response.headers(), req.headers());
            ex.send(response);
            return;
        }
        QueryStringDecoder query = LenientQuery.ofUri(req.uri());
        Optional<Eio4Transport> transport = Eio4Transport.ofWireName(param(query, "transport")).filter(this::serves);
        if (transport.isEmpty()) {
            ex.error(ErrorAnswer.TRANSPORT_UNKNOWN);
            return;
        }
        boolean upgradeRequest = "websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE));
        String sid = param(query, "sid");
        if (sid != null) {
            forSession(ctx, req, ex, query, transport.get(), upgradeRequest, sid);
            return;
        }
        if (!req.method().equals(HttpMethod.GET)) {
            ex.error(ErrorAnswer.BAD_HANDSHAKE_METHOD);
            return;
        }
        if (transport.get() == Eio4Transport.WEBSOCKET && !upgradeRequest) {
            ex.error(ErrorAnswer.BAD_REQUEST);
            return;
        }
        // Each endpoint serves one revision; the router sends EIO=3 to the eio3 endpoints.
        if (!endpoint.revision().protocol().equals(param(query, "EIO"))) {
            ex.error(ErrorAnswer.UNSUPPORTED_PROTOCOL_VERSION);
            return;
        }
        if (transport.get() == Eio4Transport.WEBSOCKET) {
            Eio4WebSocketUpgrade.openSession(ctx, req, endpoint);
        } else {
            openPollingSession(ex, PollingAnswers.jsonpIndex(param(query, "j")), !hasValue(param(query, "b64")));
        }
    }

    /** {@code b64} asks for base64 only with a value, as engine.io 3 reads it (EIO3-5.4). */
    private static boolean hasValue(String param) {
        return param != null && !param.isEmpty();
    }

    private boolean serves(Eio4Transport transport) {
        return settings.offers(transport)
                || (transport == Eio4Transport.WEBSOCKET && settings.has(Eio4Fault.WEBSOCKET_WHEN_DISABLED));
    }

    private boolean isPreflight(FullHttpRequest req) {
        return req.method().equals(HttpMethod.OPTIONS) && endpoint.cors().configured()
                && req.headers().contains(HttpHeaderNames.ORIGIN)
                && req.headers().contains(HttpHeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
    }

    private void openPollingSession(HttpExchange ex, String jsonpIndex, boolean binaryPayloads) {
        EngineSession session = endpoint.create(Eio4Transport.POLLING, jsonpIndex, binaryPayloads);
        EnginePacket open = endpoint.openPacket(session, Eio4Transport.POLLING);
        // The client may post on another connection the moment it reads the open packet; holding
        // the session until the application has started makes that POST wait for it.
        synchronized (session) {
            try {
                ex.payload(session.startWithHandshake(open), jsonpIndex);
            } catch (RuntimeException e) {
                // the client never learns the session id, so nobody would ever end the session
                session.close("server error");
                throw e;
            }
        }
    }

    private void forSession(ChannelHandlerContext ctx, FullHttpRequest req, HttpExchange ex, QueryStringDecoder query,
            Eio4Transport transport, boolean upgradeRequest, String sid) {
        Optional<EngineSession> found = endpoint.find(sid);
        if (found.isEmpty()) {
            ex.error(settings.has(Eio4Fault.WRONG_ERROR_CODE) ? ErrorAnswer.BAD_REQUEST : ErrorAnswer.SESSION_ID_UNKNOWN);
            return;
        }
        EngineSession session = found.get();
        boolean upgrade = transport == Eio4Transport.WEBSOCKET && upgradeRequest;
        if (!upgrade && transport != session.transport()) {
            ex.error(ErrorAnswer.BAD_REQUEST); // EIO4-6.5; the session is left alone (EIO4-6.12)
            return;
        }
        if (transport == Eio4Transport.WEBSOCKET) {
            if (!upgrade || !settings.allowUpgrades()) {
                ex.error(ErrorAnswer.BAD_REQUEST);
                return;
            }
            if (!session.upgradable()) {
                // EIO4-10.6: as 4.8.x, a second WebSocket for the session opens and is closed at once
                Eio4WebSocketUpgrade.acceptAndClose(ctx, req, endpoint);
                return;
            }
            Eio4WebSocketUpgrade.upgradeSession(ctx, req, session);
            return;
        }
        if (req.method().equals(HttpMethod.GET)) {
            session.poll(ex);
        } else if (req.method().equals(HttpMethod.POST)) {
            post(ctx, ex, req, session);
        } else {
            ex.status(HttpResponseStatus.INTERNAL_SERVER_ERROR); // EIO4-7.11, the session stays
        }
    }

    /**
     * A refusal that ends the session ends it before the answer goes out: the client may send its
     * next request the moment it reads the answer, and that request must find the session gone.
     */
    private void post(ChannelHandlerContext ctx, HttpExchange ex, FullHttpRequest req, EngineSession session) {
        if (ctx.channel().attr(OverlappingPostDetector.OVERLAPPING).getAndSet(null) != null) {
            session.close("overlapping POST");
            ex.status(HttpResponseStatus.BAD_REQUEST);
            return;
        }
        String contentType = req.headers().get(HttpHeaderNames.CONTENT_TYPE, "");
        boolean octetStream = contentType.startsWith("application/octet-stream");
        if (octetStream && !endpoint.revision().acceptsBinaryPosts()) {
            // revision 3's binary POST is no part of revision 4 (EIO4-7.10)
            session.close("binary POST body");
            ex.status(HttpResponseStatus.BAD_REQUEST);
            return;
        }
        if (req instanceof OversizedRequest || req.content().readableBytes() > settings.maxPayload()) {
            if (endpoint.revision().dropsOversizedPost()) {
                // engine.io 3 destroys the connection, and the session goes with its transport
                session.close("maxHttpBufferSize exceeded");
                ctx.close();
                return;
            }
            ex.status(HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE); // EIO4-13.1; the session stays
            return;
        }
        byte[] raw = new byte[req.content().readableBytes()];
        req.content().getBytes(req.content().readerIndex(), raw);
        if (session.jsonp() && !octetStream) {
            String body = new String(raw, StandardCharsets.UTF_8);
            List<String> d = LenientQuery.ofForm(body).parameters().get("d");
            if (d == null || d.isEmpty()) {
                ex.ok(); // EIO4-8.9
                return;
            }
            raw = PollingAnswers.unescapeJsonpData(d.get(0)).getBytes(StandardCharsets.UTF_8);
        }
        List<EnginePacket> packets;
        try {
            packets = endpoint.revision().decodePayload(raw, octetStream);
        } catch (MalformedPacketException e) {
            // EIO4-7.9: no "ok" for a body that cannot be read, and the session is over
            session.close("parse error");
            ex.status(HttpResponseStatus.BAD_REQUEST);
            return;
        }
        session.post(packets);
        // after the packets, so that their answers are queued before the client polls again
        if (!session.answerAfterEnd(ex::ok)) {
            ex.ok();
        }
    }

    private static String param(QueryStringDecoder query, String name) {
        List<String> values = query.parameters().get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
