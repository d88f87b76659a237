package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;

/** Frames of one eio4 WebSocket: each text or binary message is one Engine.IO packet (EIO4-9.3). */
final class Eio4WebSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private final int maxPayload;
    private final EngineRevision revision;
    private WebSocketServerHandshaker handshaker;
    private EngineSession session;

    Eio4WebSocketHandler(int maxPayload, EngineRevision revision) {
        this.maxPayload = maxPayload;
        this.revision = revision;
    }

    int maxPayload() {
        return maxPayload;
    }

    void handshaker(WebSocketServerHandshaker h) {
        this.handshaker = h;
    }

    void bind(EngineSession s) {
        this.session = s;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof PingWebSocketFrame) {
            ctx.writeAndFlush(new PongWebSocketFrame(frame.content().retain()));
        } else if (frame instanceof CloseWebSocketFrame) {
            handshaker.close(ctx.channel(), (CloseWebSocketFrame) frame.retain());
        } else if (session == null) {
            return; // a WebSocket the server is closing: nothing it says counts
        } else if (frame instanceof TextWebSocketFrame text) {
            EnginePacket packet;
            try {
                packet = revision.decodeTextFrame(text.text());
            } catch (MalformedPacketException e) {
                // EIO4-4.5: a packet that cannot be read ends the session ("parse error")
                session.webSocketMalformed(ctx.channel());
                return;
            }
            session.webSocketPacket(ctx.channel(), packet);
        } else if (frame instanceof BinaryWebSocketFrame binary) {
            EnginePacket packet;
            try {
                packet = revision.decodeBinaryFrame(ByteBufUtil.getBytes(binary.content()));
            } catch (MalformedPacketException e) {
                session.webSocketMalformed(ctx.channel());
                return;
            }
            session.webSocketPacket(ctx.channel(), packet);
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            session.webSocketReadComplete(ctx.channel());
        }
        ctx.fireChannelReadComplete();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException && session != null) {
            session.webSocketTooBig(ctx.channel());
        } else {
            ctx.close();
        }
    }
}
