package dev.sioconf.server.legacy;

import dev.sioconf.server.legacy.contract.ServerContract;
import dev.sioconf.server.legacy.http.LegacyRequestHandler;
import dev.sioconf.server.legacy.session.PacketHandler;
import dev.sioconf.server.legacy.session.SessionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A running legacy (socket.io 0.9, protocol revision 1) server on Netty. */
public final class LegacyServer implements AutoCloseable {

    static final int MAX_REQUEST_BYTES = 1 << 20;

    private final LegacySettings settings;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ScheduledExecutorService timer;
    private final SessionRegistry sessions;
    private final Channel listener;

    private LegacyServer(LegacySettings settings, PacketHandler application) throws InterruptedException {
        this.settings = settings;
        this.boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        this.workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("sioconf-session-timers");
            t.setDaemon(true);
            return t;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.timer = timers;
        this.sessions = new SessionRegistry(settings, timer, application);
        try {
            this.listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            ch.pipeline()
                                    .addLast("http", new HttpServerCodec())
                                    .addLast("aggregator", new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                    .addLast("legacy", new LegacyRequestHandler(settings, sessions));
                        }
                    })
                    .bind(settings.host(), settings.port())
                    .sync()
                    .channel();
        } catch (RuntimeException | InterruptedException e) {
            shutdownResources();
            throw e;
        }
    }

    /** Starts a server with the server contract as its application. */
    public static LegacyServer start(LegacySettings settings) throws InterruptedException {
        return new LegacyServer(settings, new ServerContract(settings.faults()));
    }

    public LegacySettings settings() {
        return settings;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The server's base, e.g. {@code http://127.0.0.1:3000}. */
    public URI baseUri() {
        return URI.create("http://" + settings.host() + ":" + port());
    }

    public int sessionCount() {
        return sessions.size();
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        sessions.endAll();
        shutdownResources();
    }

    private void shutdownResources() {
        timer.shutdownNow();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
