package dev.sioconf.suite.load;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.List;

/**
 * A session over a websocket of the Netty engine ({@code --engine netty}): one text frame per
 * packet, read and answered on the channel's event loop, and flushed once per read rather than
 * once per frame. The frames are {@link LeanWebSocketCodec}'s.
 */
final class NettyWebSocketLoadSession extends LoadSession {

    /**
     * Packets in the order the session sent them, guarded by the session's lock as transmit is.
     * Frames are written only on the channel's event loop and only from here, so a packet sent
     * from the run's timer can never be overtaken by one the event loop sends later.
     */
    private final ArrayDeque<String> outgoing = new ArrayDeque<>();
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
        writeOutgoing();
    }

    @Override
    void transmit(List<String> packets) {
        outgoing.addAll(packets);
        if (ctx == null) {
            return; // written once the upgrade completes
        }
        if (ctx.executor().inEventLoop()) {
            // this answers a read, and the end of that read flushes (Codec): one write to the
            // socket for every frame a read produced, not one per frame
            writeOutgoing();
        } else {
            ctx.executor().execute(this::writeAndFlushOutgoing);
        }
    }

    /** On the event loop, under the session's lock. */
    private void writeOutgoing() {
        for (String p; (p = outgoing.poll()) != null; ) {
            // a void promise: no future per frame; a failed write reaches exceptionCaught instead
            ctx.write(LeanWebSocketCodec.text(ctx, p), ctx.voidPromise());
        }
    }

    private synchronized void writeAndFlushOutgoing() {
        writeOutgoing();
        ctx.flush();
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
