package dev.sioconf.server.legacy.http;

import dev.sioconf.server.legacy.session.Session;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import java.util.Optional;

/** Frames from a websocket client: each text frame is a payload for the session. */
final class WebSocketPacketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final WebSocketServerHandshaker handshaker;
    private final Optional<Session> session;

    WebSocketPacketHandler(WebSocketServerHandshaker handshaker, Optional<Session> session) {
        this.handshaker = handshaker;
        this.session = session;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof TextWebSocketFrame text) {
            session.ifPresent(s -> IncomingPayload.deliver(s, text.text()));
        } else if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        }
    }

    /**
     * A frame the codec refused (it has sent its close frame already) or a failure while handling
     * one: this connection ends, and no other, instead of the exception reaching netty's tail.
     */
    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
