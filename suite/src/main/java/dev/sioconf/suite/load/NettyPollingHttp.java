package dev.sioconf.suite.load;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * {@code --engine netty}: two keep-alive HTTP/1.1 connections per session, as a browser keeps
 * them: one for the handshake and the held polls, one for the POSTs. Each carries one request at
 * a time; a connection the server closed is opened again for the next request.
 */
final class NettyPollingHttp implements PollingHttp {

    private final Connection polls;
    private final Connection posts;

    NettyPollingHttp(NettyLoop loop) {
        this.polls = new Connection(loop);
        this.posts = new Connection(loop);
    }

    @Override
    public CompletableFuture<Answer> get(URI uri, Duration bound) {
        return polls.send(uri, () -> request(uri, HttpMethod.GET, null), bound);
    }

    @Override
    public CompletableFuture<Answer> post(URI uri, String textBody, Duration bound) {
        return posts.send(uri, () -> request(uri, HttpMethod.POST, textBody), bound);
    }

    private static FullHttpRequest request(URI uri, HttpMethod method, String body) {
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        FullHttpRequest r = body == null
                ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target)
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, method, target, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
        r.headers().set(HttpHeaderNames.HOST, uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost());
        if (body != null) {
            r.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/plain;charset=UTF-8");
        }
        HttpUtil.setContentLength(r, r.content().readableBytes());
        return r;
    }

    @Override
    public void close() {
        polls.close();
        posts.close();
    }

    /**
     * One connection and the one request on it. Futures are completed outside the lock. A request
     * sent on a kept-alive connection that ends before any answer is sent once more on a new
     * connection, as browsers do for any method: the server had closed it, and never read the
     * request. netty-socketio 2.0.13, for one, closes after every answer although it says
     * keep-alive. Were a server to take a request and then close without answering, the second
     * POST would show as duplicated events, which the load mode counts.
     */
    private static final class Connection {

        private final NettyLoop loop;
        private Channel channel;
        private CompletableFuture<Answer> current;
        /** How to send {@link #current} again, while it may still be retried; null once it may not. */
        private Runnable retry;
        private boolean closed;

        Connection(NettyLoop loop) {
            this.loop = loop;
        }

        CompletableFuture<Answer> send(URI uri, Supplier<FullHttpRequest> request, Duration bound) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            Channel open;
            synchronized (this) {
                if (closed || current != null) {
                    answer.completeExceptionally(new IllegalStateException(closed ? "closed" : "a request is already in flight"));
                    return answer;
                }
                current = answer;
                open = channel != null && channel.isActive() ? channel : null;
                retry = open == null ? null : () -> connectAndWrite(uri, request.get(), answer);
            }
            io.netty.util.concurrent.ScheduledFuture<?> timeout = loop.group.schedule(() -> {
                if (answer.completeExceptionally(new TimeoutException())) {
                    drop(answer);
                }
            }, bound.toMillis(), TimeUnit.MILLISECONDS);
            // answered polls would otherwise leave their 60 s timers queued: thousands a second in a polling run
            answer.whenComplete((a, e) -> timeout.cancel(false));
            if (open != null) {
                // written from a task rather than at once: a server that closes after each answer has
                // its end of the connection read by then, and the request goes on a new one
                open.eventLoop().execute(() -> {
                    if (open.isActive()) {
                        open.writeAndFlush(request.get()).addListener(failOn(answer));
                        return;
                    }
                    synchronized (this) {
                        if (channel == open) {
                            channel = null;
                        }
                        retry = null;
                    }
                    connectAndWrite(uri, request.get(), answer);
                });
            } else {
                connectAndWrite(uri, request.get(), answer);
            }
            return answer;
        }

        private void connectAndWrite(URI uri, FullHttpRequest request, CompletableFuture<Answer> answer) {
            loop.bootstrap(uri, new HttpClientCodec(), new HttpObjectAggregator(16 << 20), new Answers())
                    .connect().addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            request.release();
                            if (answer.completeExceptionally(f.cause())) {
                                drop(answer);
                            }
                            return;
                        }
                        synchronized (this) {
                            if (closed || current != answer) {
                                request.release();
                                f.channel().close();
                                return;
                            }
                            channel = f.channel();
                        }
                        f.channel().writeAndFlush(request).addListener(failOn(answer));
                    });
        }

        private ChannelFutureListener failOn(CompletableFuture<Answer> answer) {
            return f -> {
                if (!f.isSuccess() && !retried(f.channel()) && answer.completeExceptionally(f.cause())) {
                    drop(answer);
                }
            };
        }

        /** The request failed or timed out: the connection's state is unknown, so it goes. */
        private void drop(CompletableFuture<Answer> answer) {
            Channel ch;
            synchronized (this) {
                if (current != answer) {
                    return;
                }
                current = null;
                retry = null;
                ch = channel;
                channel = null;
            }
            if (ch != null) {
                ch.close();
            }
        }

        private void answered(Channel ch, FullHttpResponse r) {
            CompletableFuture<Answer> answer;
            synchronized (this) {
                if (ch != channel || current == null) {
                    return;
                }
                answer = current;
                current = null;
                retry = null;
                if (!HttpUtil.isKeepAlive(r)) {
                    channel = null;
                }
            }
            answer.complete(new Answer(r.status().code(), r.headers().get(HttpHeaderNames.CONTENT_TYPE, ""),
                    ByteBufUtil.getBytes(r.content())));
        }

        /** True when the request on the lost kept-alive connection {@code ch} was sent again on a new one. */
        private boolean retried(Channel ch) {
            Runnable again;
            synchronized (this) {
                if (ch != channel || retry == null || closed) {
                    return false;
                }
                again = retry;
                retry = null;
                channel = null;
            }
            again.run();
            return true;
        }

        private void lost(Channel ch, Throwable cause) {
            if (retried(ch)) {
                return;
            }
            CompletableFuture<Answer> answer;
            synchronized (this) {
                if (ch != channel) {
                    return;
                }
                channel = null;
                answer = current;
                current = null;
                retry = null;
            }
            if (answer != null) {
                answer.completeExceptionally(cause != null ? cause : new IOException("the server closed the connection"));
            }
        }

        void close() {
            Channel ch;
            synchronized (this) {
                closed = true;
                ch = channel;
                channel = null;
            }
            if (ch != null) {
                ch.close();
            }
        }

        private final class Answers extends SimpleChannelInboundHandler<FullHttpResponse> {

            @Override
            protected void channelRead0(ChannelHandlerContext ctx, FullHttpResponse r) {
                answered(ctx.channel(), r);
            }

            @Override
            public void channelInactive(ChannelHandlerContext ctx) throws Exception {
                lost(ctx.channel(), null);
                super.channelInactive(ctx);
            }

            @Override
            public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
                lost(ctx.channel(), cause);
                ctx.close();
            }
        }
    }
}
