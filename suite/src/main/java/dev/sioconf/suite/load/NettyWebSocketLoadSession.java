package dev.sioconf.suite.load;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * A session over a websocket of the Netty engine ({@code --engine netty}): one text frame per
 * packet, read and answered on the channel's event loop, and flushed once per read rather than
 * once per frame. The frames are {@link LeanWebSocketCodec}'s.
 */
final class NettyWebSocketLoadSession extends LoadSession {

    /** What was sent before the upgrade completed; guarded by the session's lock, as transmit is. */
    private final List<String> beforeOpen = new ArrayList<>();
    private ChannelHandlerContext ctx;

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
        run.netty().bootstrap(uri, new Codec(uri)).connect().addListener((ChannelFutureListener) f -> {
            if (!f.isSuccess()) {
                fail("websocket: " + LoadRun.describe(f.cause()));
            }
        });
    }

    private synchronized void opened(ChannelHandlerContext c) {
        ctx = c;
        if (ending()) {
            c.close();
            return;
        }
        List<String> queued = List.copyOf(beforeOpen);
        beforeOpen.clear();
        transmit(queued);
    }

    @Override
    void transmit(List<String> packets) {
        if (ctx == null) {
            beforeOpen.addAll(packets);
            return;
        }
        for (String p : packets) {
            // a void promise: no future per frame; a failed write reaches exceptionCaught instead
            ctx.write(LeanWebSocketCodec.text(ctx, p), ctx.voidPromise());
        }
        if (!ctx.executor().inEventLoop()) {
            ctx.flush();
        }
        // on the event loop this answers a read, and the end of that read flushes (Codec): one
        // write to the socket for every frame a read produced, not one per frame
    }

    @Override
    void shutdown() {
        ChannelHandlerContext c = ctx;
        if (c == null) {
            return;
        }
        if (c.channel().isActive()) {
            c.writeAndFlush(LeanWebSocketCodec.close(c)).addListener(ChannelFutureListener.CLOSE);
        } else {
            c.close();
        }
    }

    private final class Codec extends LeanWebSocketCodec {

        Codec(URI uri) {
            super(uri);
        }

        @Override
        void opened(ChannelHandlerContext c) {
            NettyWebSocketLoadSession.this.opened(c);
        }

        @Override
        void onText(String text) {
            onPacket(text);
        }

        @Override
        void broken(String reason) {
            fail(reason);
        }

        @Override
        void unexpected(String what) {
            run.stats.error("unexpected " + what);
        }

        @Override
        public void channelReadComplete(ChannelHandlerContext c) throws Exception {
            c.flush();
            super.channelReadComplete(c);
        }

        @Override
        public void channelInactive(ChannelHandlerContext c) throws Exception {
            fail("the websocket connection closed");
            super.channelInactive(c);
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext c, Throwable cause) {
            fail("websocket: " + LoadRun.describe(cause));
            c.close();
        }
    }
}
