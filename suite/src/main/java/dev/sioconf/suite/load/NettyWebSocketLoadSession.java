package dev.sioconf.suite.load;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A session over a Netty websocket ({@code --engine netty}): one text frame per packet, read and
 * answered on the channel's event loop, and flushed once per read rather than once per frame.
 */
final class NettyWebSocketLoadSession extends LoadSession {

    /** What was sent before the upgrade completed; guarded by the session's lock, as transmit is. */
    private final List<String> beforeOpen = new ArrayList<>();
    private Channel channel;

    NettyWebSocketLoadSession(LoadRun run, int id) {
        super(run, id);
    }

    @Override
    void connect() {
        webSocketUri().whenComplete((uri, e) -> {
            if (e != null) {
                fail("handshake: " + LoadRun.describe(e));
            } else {
                open(uri);
            }
        });
    }

    private void open(URI uri) {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri).version(WebSocketVersion.V13)
                .handshakeTimeoutMillis(LoadPlan.NETWORK_BOUND.toMillis())
                .handleCloseFrames(false) // a close from the server fails the session, below
                .maxFramePayloadLength(1 << 20)
                .build();
        run.netty().bootstrap(uri, new HttpClientCodec(), new HttpObjectAggregator(1 << 16),
                new WebSocketClientProtocolHandler(config), new WebSocketFrameAggregator(1 << 20), new Frames())
                .connect().addListener((ChannelFutureListener) f -> {
                    if (!f.isSuccess()) {
                        fail("websocket: " + LoadRun.describe(f.cause()));
                    }
                });
    }

    private synchronized void opened(Channel ch) {
        channel = ch;
        if (ending()) {
            ch.close();
            return;
        }
        List<String> queued = List.copyOf(beforeOpen);
        beforeOpen.clear();
        transmit(queued);
    }

    @Override
    void transmit(List<String> packets) {
        if (channel == null) {
            beforeOpen.addAll(packets);
            return;
        }
        for (String p : packets) {
            // a void promise: no future per frame; a failed write reaches exceptionCaught instead
            channel.write(new TextWebSocketFrame(p), channel.voidPromise());
        }
        if (!channel.eventLoop().inEventLoop()) {
            channel.flush();
        }
        // on the event loop this answers a read, and the end of that read flushes (Frames): one
        // write to the socket for every frame a read produced, not one per frame
    }

    @Override
    void shutdown() {
        Channel ch = channel;
        if (ch != null && ch.isActive()) {
            ch.writeAndFlush(new CloseWebSocketFrame(WebSocketCloseStatus.NORMAL_CLOSURE)).addListener(ChannelFutureListener.CLOSE);
        } else if (ch != null) {
            ch.close();
        }
    }

    /** The end of the pipeline: the upgrade's outcome, then whole frames. */
    private final class Frames extends SimpleChannelInboundHandler<WebSocketFrame> {

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
                opened(ctx.channel());
            } else if (evt == WebSocketClientProtocolHandler.ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
                fail("websocket: the upgrade was not answered within " + LoadPlan.NETWORK_BOUND.toSeconds() + " s");
            }
            super.userEventTriggered(ctx, evt);
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
            if (frame instanceof TextWebSocketFrame text) {
                onPacket(text.text());
            } else if (frame instanceof CloseWebSocketFrame close) {
                String reason = close.reasonText();
                fail("server closed the websocket (" + close.statusCode() + (reason.isEmpty() ? "" : " " + reason) + ")");
            } else {
                run.stats.error("unexpected " + frame.getClass().getSimpleName().replace("WebSocketFrame", "").toLowerCase() + " frame");
            }
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) throws Exception {
            ctx.flush();
            super.channelReadComplete(ctx);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            fail("the websocket connection closed");
            super.channelInactive(ctx);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            fail("websocket: " + LoadRun.describe(cause));
            ctx.close();
        }
    }
}
