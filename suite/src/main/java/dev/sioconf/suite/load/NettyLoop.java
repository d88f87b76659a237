package dev.sioconf.suite.load;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The Netty engine's event loops, one per core the process may use, shared by every session of a
 * run: epoll where its native library loads, NIO otherwise (the run's first line says which).
 */
final class NettyLoop implements AutoCloseable {

    final EventLoopGroup group;
    private final Class<? extends SocketChannel> channelType;
    private final String transport;
    private SslContext tls;

    NettyLoop() {
        int threads = Runtime.getRuntime().availableProcessors();
        DefaultThreadFactory names = new DefaultThreadFactory("sioconf-load-netty", true);
        boolean epoll = Epoll.isAvailable();
        IoHandlerFactory io = epoll ? EpollIoHandler.newFactory() : NioIoHandler.newFactory();
        this.group = new MultiThreadIoEventLoopGroup(threads, names, io);
        this.channelType = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        this.transport = (epoll ? "epoll" : "nio") + ", " + threads + " event loop" + (threads == 1 ? "" : "s");
    }

    /** What the run's first line says of the engine, e.g. {@code epoll, 2 event loops}. */
    String describe() {
        return transport;
    }

    /** A bootstrap to {@code uri}'s host and port; TLS goes first in the pipeline for https and wss. */
    Bootstrap bootstrap(URI uri, ChannelHandler... handlers) {
        boolean secure = "https".equals(uri.getScheme()) || "wss".equals(uri.getScheme());
        int port = uri.getPort() > 0 ? uri.getPort() : secure ? 443 : 80;
        SslContext ssl = secure ? tls() : null;
        return new Bootstrap().group(group).channel(channelType)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) LoadPlan.NETWORK_BOUND.toMillis())
                .remoteAddress(uri.getHost(), port)
                .handler(new io.netty.channel.ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), uri.getHost(), port));
                        }
                        ch.pipeline().addLast(handlers);
                    }
                });
    }

    private synchronized SslContext tls() {
        if (tls == null) {
            try {
                tls = SslContextBuilder.forClient().build();
            } catch (SSLException e) {
                throw new IllegalStateException("cannot set up TLS: " + e.getMessage(), e);
            }
        }
        return tls;
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
}
