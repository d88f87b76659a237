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
        return polls.send(uri, request(uri, HttpMethod.GET, null), bound);
    }

    @Override
    public CompletableFuture<Answer> post(URI uri, String textBody, Duration bound) {
        return posts.send(uri, request(uri, HttpMethod.POST, textBody), bound);
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

    /** One connection and the one request on it. Futures are completed outside the lock. */
    private static final class Connection {

        private final NettyLoop loop;
        private Channel channel;
        private CompletableFuture<Answer> current;
        private boolean closed;

        Connection(NettyLoop loop) {
            this.loop = loop;
        }

        CompletableFuture<Answer> send(URI uri, FullHttpRequest request, Duration bound) {
            CompletableFuture<Answer> answer = new CompletableFuture<>();
            Channel open;
            synchronized (this) {
                if (closed || current != null) {
                    request.release();
                    answer.completeExceptionally(new IllegalStateException(closed ? "closed" : "a request is already in flight"));
                    return answer;
                }
                current = answer;
                open = channel != null && channel.isActive() ? channel : null;
            }
            loop.group.schedule(() -> {
                if (answer.completeExceptionally(new TimeoutException())) {
                    drop(answer);
                }
            }, bound.toMillis(), TimeUnit.MILLISECONDS);
            if (open != null) {
                open.writeAndFlush(request).addListener(failOn(answer));
                return answer;
            }
            loop.bootstrap(uri, new HttpClientCodec(), new HttpObjectAggregator(16 << 20), new Answers())
                    .connect().addListener((ChannelFutureListener) f -> {
                        if (!f.isSuccess()) {
                            request.release();
                            answer.completeExceptionally(f.cause());
                            synchronized (this) {
                                if (current == answer) {
                                    current = null;
                                }
                            }
                            return;
                        }
                        synchronized (this) {
                            if (closed) {
                                f.channel().close();
                                return;
                            }
                            channel = f.channel();
                        }
                        f.channel().writeAndFlush(request).addListener(failOn(answer));
                    });
            return answer;
        }

        private ChannelFutureListener failOn(CompletableFuture<Answer> answer) {
            return f -> {
                if (!f.isSuccess() && answer.completeExceptionally(f.cause())) {
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
                if (!HttpUtil.isKeepAlive(r)) {
                    channel = null;
                }
            }
            answer.complete(new Answer(r.status().code(), r.headers().get(HttpHeaderNames.CONTENT_TYPE, ""),
                    ByteBufUtil.getBytes(r.content())));
        }

        private void lost(Channel ch, Throwable cause) {
            CompletableFuture<Answer> answer;
            synchronized (this) {
                if (ch != channel) {
                    return;
                }
                channel = null;
                answer = current;
                current = null;
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
