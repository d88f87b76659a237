package dev.sioconf.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a connection whose client stalls while the server waits for it: nothing sent since the
 * connection opened, or a request begun (half a request line, headers, part of a body) with no
 * byte for {@code limit}, or a request still unfinished {@value #WHOLE_REQUEST_LIMITS} limits after
 * its first byte however it trickles in. It answers {@code 408} and closes, as Node's HTTP server
 * does for its headers and request timeouts. A kept-alive connection idle for {@code limit} after its last answer
 * is closed without a word (a client that vanished there would hold it for ever; clients send
 * again on a fresh connection, as they do after Node's keep-alive timeout). A connection the
 * server owes an answer (a held poll, an htmlfile stream) is left alone, and after a WebSocket
 * upgrade the handler steps out: WebSocket sessions have heartbeats of their own.
 *
 * <p>It sits behind the HTTP codec, where requests and answers begin and end; its {@link #bytes()}
 * companion sits in front of the codec, because half a request line yields no HTTP object at all.
 */
final class StalledRequestTimeout extends ChannelDuplexHandler {

    private enum State { WAITING_FOR_CLIENT, SERVER_OWES_ANSWER, IDLE_BETWEEN_REQUESTS }

    /** How many stall limits a whole request may take from its first byte to its last. */
    static final int WHOLE_REQUEST_LIMITS = 4;

    private final long limitNanos;
    private State state = State.WAITING_FOR_CLIENT;
    private long lastReadNanos;
    private long lastAnswerNanos;
    /** When the first byte of the unfinished request came, or -1 between requests. */
    private long requestStartNanos = -1;
    private ScheduledFuture<?> check;
    private ChannelHandlerContext bytesCtx;

    StalledRequestTimeout(Duration limit) {
        this.limitNanos = limit.toNanos();
    }

    /** The companion that goes in front of the HTTP codec and reports every byte that arrives. */
    ChannelInboundHandlerAdapter bytes() {
        return new ChannelInboundHandlerAdapter() {
            @Override
            public void handlerAdded(ChannelHandlerContext ctx) {
                bytesCtx = ctx;
            }

            @Override
            public void channelRead(ChannelHandlerContext ctx, Object msg) {
                lastReadNanos = System.nanoTime();
                if (state == State.IDLE_BETWEEN_REQUESTS) {
                    state = State.WAITING_FOR_CLIENT;
                }
                if (state == State.WAITING_FOR_CLIENT && requestStartNanos < 0) {
                    requestStartNanos = lastReadNanos;
                }
                ctx.fireChannelRead(msg);
            }
        };
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        lastReadNanos = System.nanoTime();
        schedule(ctx, limitNanos);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest) {
            state = State.WAITING_FOR_CLIENT;
        }
        if (msg instanceof LastHttpContent) {
            state = State.SERVER_OWES_ANSWER;
            requestStartNanos = -1;
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse r && r.status().code() == HttpResponseStatus.SWITCHING_PROTOCOLS.code()) {
            cancel();
            ctx.pipeline().remove(this);
            if (bytesCtx != null && !bytesCtx.isRemoved()) {
                ctx.pipeline().remove(bytesCtx.handler());
            }
        } else if (msg instanceof LastHttpContent && state == State.SERVER_OWES_ANSWER) {
            state = State.IDLE_BETWEEN_REQUESTS;
            lastAnswerNanos = System.nanoTime();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        cancel();
        super.channelInactive(ctx);
    }

    private void schedule(ChannelHandlerContext ctx, long delayNanos) {
        check = ctx.executor().schedule(() -> expire(ctx), delayNanos, TimeUnit.NANOSECONDS);
    }

    private void expire(ChannelHandlerContext ctx) {
        if (!ctx.channel().isActive()) {
            return;
        }
        long now = System.nanoTime();
        if (state == State.IDLE_BETWEEN_REQUESTS) {
            long idle = now - Math.max(lastAnswerNanos, lastReadNanos);
            if (idle >= limitNanos) {
                ctx.close();
            } else {
                schedule(ctx, limitNanos - idle);
            }
            return;
        }
        long quiet = now - lastReadNanos;
        boolean waiting = state == State.WAITING_FOR_CLIENT;
        long wholeLeft = waiting && requestStartNanos >= 0
                ? WHOLE_REQUEST_LIMITS * limitNanos - (now - requestStartNanos) : Long.MAX_VALUE;
        if (!waiting || (quiet < limitNanos && wholeLeft > 0)) {
            schedule(ctx, waiting ? Math.min(limitNanos - quiet, wholeLeft) : limitNanos);
            return;
        }
        DefaultFullHttpResponse timeout = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_TIMEOUT, Unpooled.EMPTY_BUFFER);
        timeout.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        timeout.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(timeout).addListener(ChannelFutureListener.CLOSE);
    }

    private void cancel() {
        if (check != null) {
            check.cancel(false);
            check = null;
        }
    }
}
