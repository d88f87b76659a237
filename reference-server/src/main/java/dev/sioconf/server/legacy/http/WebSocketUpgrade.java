package dev.sioconf.server.legacy.http;

import dev.sioconf.server.legacy.session.Session;
import dev.sioconf.server.legacy.transport.WebSocketSink;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.websocketx.Utf8FrameValidator;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import java.util.List;
import java.util.Optional;

/** Turns a request on the websocket transport into an RFC 6455 connection bound to its session. */
final class WebSocketUpgrade {

    static final int MAX_MESSAGE_BYTES = 1 << 20;

    private WebSocketUpgrade() {
    }

    static void upgrade(ChannelHandlerContext ctx, FullHttpRequest req, Optional<Session> session) {
        if (!"websocket".equalsIgnoreCase(req.headers().get(HttpHeaderNames.UPGRADE))) {
            HttpAnswers.write(ctx, HttpUtil.isKeepAlive(req), HttpResponseStatus.BAD_REQUEST, HttpAnswers.TEXT_PLAIN,
                    "This transport needs a websocket upgrade.", null);
            return;
        }
        String location = "ws://" + req.headers().get(HttpHeaderNames.HOST) + req.uri();
        WebSocketServerHandshaker handshaker =
                new WebSocketServerHandshakerFactory(location, null, true, MAX_MESSAGE_BYTES).newHandshaker(req);
        Channel channel = ctx.channel();
        if (handshaker == null) {
            WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(channel);
            return;
        }
        channel.pipeline().addAfter(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(MAX_MESSAGE_BYTES));
        // RFC 6455 section 8.1: a text message that is not UTF-8 fails the connection with 1007
        channel.pipeline().addAfter(ctx.name(), "ws-utf8", new Utf8FrameValidator(true));
        channel.pipeline().addAfter("ws-aggregator", "ws-packets", new WebSocketPacketHandler(handshaker, session));
        channel.pipeline().remove(ctx.name());
        handshaker.handshake(channel, req).addListener(done -> {
            if (!done.isSuccess()) {
                channel.close();
                return;
            }
            WebSocketSink sink = new WebSocketSink(channel);
            if (session.isEmpty()) {
                sink.deliver(List.of(LegacyRequestHandler.NOT_HANDSHAKEN));
                sink.close();
                return;
            }
            channel.closeFuture().addListener(f -> session.get().detach(sink));
            session.get().attach(sink);
        });
    }
}
