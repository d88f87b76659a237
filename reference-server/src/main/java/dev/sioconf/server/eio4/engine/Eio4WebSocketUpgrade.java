package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.Eio4Transport;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.function.Consumer;

/** Turns an eio4 WebSocket request into an RFC 6455 connection: a new session, or an upgrade. */
final class Eio4WebSocketUpgrade {

    private Eio4WebSocketUpgrade() {
    }

    /** A session opened directly over WebSocket: its open packet is the first frame (EIO4-3.5). */
    static void openSession(ChannelHandlerContext ctx, FullHttpRequest req, EngineEndpoint endpoint) {
        Eio4WebSocketHandler frames = new Eio4WebSocketHandler(endpoint.settings().maxPayload(), endpoint.revision());
        handshake(ctx, req, frames, channel -> {
            EngineSession session = endpoint.create(Eio4Transport.WEBSOCKET, null);
            frames.bind(session);
            channel.writeAndFlush(endpoint.revision().frame(endpoint.openPacket(session, Eio4Transport.WEBSOCKET)));
            session.useWebSocket(channel, asksBase64(req));
            session.start();
        });
    }

    /** A WebSocket for a polling session: nothing is sent on it before the client's probe (EIO4-10.1). */
    static void upgradeSession(ChannelHandlerContext ctx, FullHttpRequest req, EngineSession session) {
        Eio4WebSocketHandler frames = new Eio4WebSocketHandler(session.settings().maxPayload(), session.revision());
        frames.bind(session);
        // The probe is registered before the 101 goes out: the client may send 2probe and 5 the
        // moment it reads the 101, and those frames must find the upgrade under way.
        session.beginUpgrade(ctx.channel(), asksBase64(req));
        handshake(ctx, req, frames, channel -> { });
    }

    /** Whether the request carries {@code b64} with a value (Engine.IO 3 clients without binary support). */
    private static boolean asksBase64(FullHttpRequest req) {
        java.util.List<String> b64 = new io.netty.handler.codec.http.QueryStringDecoder(req.uri()).parameters().get("b64");
        return b64 != null && !b64.isEmpty() && !b64.get(0).isEmpty();
    }

    /** A WebSocket the session cannot take: it opens, then closes without any Engine.IO packet. */
    static void acceptAndClose(ChannelHandlerContext ctx, FullHttpRequest req, EngineEndpoint endpoint) {
        Eio4WebSocketHandler frames = new Eio4WebSocketHandler(endpoint.settings().maxPayload(), endpoint.revision());
        handshake(ctx, req, frames, channel -> EngineSession.closeWebSocket(channel,
                io.netty.handler.codec.http.websocketx.WebSocketCloseStatus.NORMAL_CLOSURE));
    }

    private static void handshake(ChannelHandlerContext ctx, FullHttpRequest req, Eio4WebSocketHandler frames,
            Consumer<Channel> whenOpen) {
        int maxPayload = frames.maxPayload();
        String location = "ws://" + req.headers().get(HttpHeaderNames.HOST) + req.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, null, false, maxPayload).newHandshaker(req);
        Channel channel = ctx.channel();
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel)
                    .addListener(ChannelFutureListener.CLOSE);
            return;
        }
        frames.handshaker(handshaker);
        channel.pipeline().addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(maxPayload));
        // RFC 6455 section 8.1: a text message that is not UTF-8 fails the connection with 1007
        channel.pipeline().addAfter(ctx.name(), "ws-utf8", new Utf8FrameValidator(true));
        channel.pipeline().addAfter("ws-aggregator", "ws-packets", frames);
        channel.pipeline().remove(ctx.name());
        handshaker.handshake(channel, req).addListener(done -> {
            if (done.isSuccess()) {
                whenOpen.accept(channel);
            } else {
                channel.close();
            }
        });
    }
}
