package dev.sioconf.server;

import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio3.engine.Eio3Revision;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.engine.EchoApplication;
import dev.sioconf.server.eio4.engine.Eio4RequestHandler;
import dev.sioconf.server.eio4.engine.EngineEndpoint;
import dev.sioconf.server.eio4.engine.EngineSession;
import dev.sioconf.server.eio4.engine.OverlappingPostDetector;
import dev.sioconf.server.eio4.socket.Eio4ServerContract;
import dev.sioconf.server.eio4.socket.SocketIoApplication;
import dev.sioconf.server.legacy.LegacySettings;
import dev.sioconf.server.legacy.contract.ServerContract;
import dev.sioconf.server.legacy.http.LegacyRequestHandler;
import dev.sioconf.server.legacy.session.SessionRegistry;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpServerCodec;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The reference server: every profile on one port. Legacy (socket.io 0.9) answers under
 * {@code /socket.io/1/}, eio3 (socket.io 2.x) on {@code /socket.io/?EIO=3}, eio4 (socket.io
 * 3.x/4.x) on {@code /socket.io/?EIO=4}, and a bare Engine.IO echo of either revision on
 * {@code /engine.io/}; host and port come from the legacy settings.
 */
public final class ReferenceServer implements AutoCloseable {

    /** Legacy request bodies are capped at 1 MiB, as before eio4 existed. */
    static final int LEGACY_MAX_REQUEST_BYTES = 1 << 20;

    /** How long a client may leave a request unfinished (or a new connection silent) before it gets 408. */
    public static final Duration DEFAULT_STALLED_REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final LegacySettings legacySettings;
    private final Eio4Settings eio4Settings;
    private final EventLoopGroup boss;
    private final EventLoopGroup workers;
    private final ScheduledExecutorService timer;
    private final SessionRegistry legacySessions;
    private final EngineEndpoint socketIo;
    private final EngineEndpoint engineEcho;
    private final Set<Eio3Fault> eio3Faults;
    private final EngineEndpoint socketIo3;
    private final EngineEndpoint engineEcho3;
    private final Channel listener;

    private ReferenceServer(LegacySettings legacySettings, Eio4Settings eio4Settings, Set<Eio3Fault> eio3Faults,
            Duration stalledRequestTimeout, boolean contract) throws InterruptedException {
        this.legacySettings = legacySettings;
        this.eio4Settings = eio4Settings;
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
        // Without the contract the server is a plain application: the main namespace only, and no handlers.
        this.legacySessions = new SessionRegistry(legacySettings, timer,
                contract ? new ServerContract(legacySettings.faults()) : (session, packet) -> { });
        Set<String> namespaces = contract ? Eio4ServerContract.NAMESPACES : Set.of("/");
        this.socketIo = new EngineEndpoint(eio4Settings, timer, new SocketIoApplication(eio4Settings,
                namespaces, contract ? new Eio4ServerContract(eio4Settings) : Eio4ServerContract.none(eio4Settings)));
        this.engineEcho = new EngineEndpoint(eio4Settings, timer, new EchoApplication());
        // eio3 shares every knob with eio4; eio4's faults stay on eio4, eio3 has its own.
        this.eio3Faults = Set.copyOf(eio3Faults);
        Eio4Settings eio3Settings = eio4Settings.withFaults(Set.of());
        this.socketIo3 = new EngineEndpoint(eio3Settings, new Eio3Revision(eio3Faults), timer,
                SocketIoApplication.socketIo4(eio3Settings, namespaces,
                        contract ? Eio4ServerContract.withoutAuthEvent(eio3Settings) : Eio4ServerContract.none(eio3Settings), eio3Faults));
        this.engineEcho3 = new EngineEndpoint(eio3Settings, new Eio3Revision(eio3Faults), timer, new EchoApplication());
        // Bodies a little above maxPayload still reach eio4, which answers them 413 itself (EIO4-13.1).
        int maxRequestBytes = (int) Math.min(Integer.MAX_VALUE - 1L,
                Math.max(LEGACY_MAX_REQUEST_BYTES, eio4Settings.maxPayload() + 1L));
        try {
            this.listener = new ServerBootstrap()
                    .group(boss, workers)
                    .channel(NioServerSocketChannel.class)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            StalledRequestTimeout stalled = new StalledRequestTimeout(stalledRequestTimeout);
                            ch.pipeline()
                                    .addLast("stalled-bytes", stalled.bytes())
                                    .addLast("http", new HttpServerCodec())
                                    .addLast("stalled", stalled)
                                    .addLast("eio4-posts", new OverlappingPostDetector(ReferenceServer.this::endpointOf))
                                    .addLast("aggregator", new BodyLimitAggregator(maxRequestBytes,
                                            ReferenceServer.this::endpointOf))
                                    .addLast("router", new ProfileRouter(ReferenceServer.this::handlerFor))
                                    .addLast("errors", ConnectionErrors.INSTANCE);
                        }
                    })
                    .bind(legacySettings.host(), legacySettings.port())
                    .sync()
                    .channel();
        } catch (Exception e) {
            // netty throws the checked BindException undeclared; an operator wants the address in its message
            shutdownResources();
            if (e instanceof BindException) {
                throw new UncheckedIOException(new BindException("cannot listen on "
                        + legacySettings.host() + ":" + legacySettings.port() + ": " + e.getMessage()));
            }
            if (e instanceof InterruptedException interrupted) {
                throw interrupted;
            }
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
    }

    /** Starts both profiles, each with the server contract of its spec as the application. */
    public static ReferenceServer start(LegacySettings legacySettings, Eio4Settings eio4Settings)
            throws InterruptedException {
        return new ReferenceServer(legacySettings, eio4Settings, Set.of(), DEFAULT_STALLED_REQUEST_TIMEOUT, true);
    }

    /** Starts every profile; eio3 (EIO=3) runs with eio4's settings, its own faults aside. */
    public static ReferenceServer start(LegacySettings legacySettings, Eio4Settings eio4Settings,
            Set<Eio3Fault> eio3Faults) throws InterruptedException {
        return new ReferenceServer(legacySettings, eio4Settings, eio3Faults, DEFAULT_STALLED_REQUEST_TIMEOUT, true);
    }

    /** As above, with the time a client may stall in the middle of a request (or before its first one). */
    public static ReferenceServer start(LegacySettings legacySettings, Eio4Settings eio4Settings,
            Set<Eio3Fault> eio3Faults, Duration stalledRequestTimeout) throws InterruptedException {
        return new ReferenceServer(legacySettings, eio4Settings, eio3Faults, stalledRequestTimeout, true);
    }

    /**
     * Starts every profile with a plain application instead of the server contract: the protocol
     * alone, the main namespace only, no event answered. A server nobody prepared for the suite
     * looks like this, which is what the suite's contract-free mode is checked against.
     */
    public static ReferenceServer startWithoutContract(LegacySettings legacySettings, Eio4Settings eio4Settings,
            Set<Eio3Fault> eio3Faults, Duration stalledRequestTimeout) throws InterruptedException {
        return new ReferenceServer(legacySettings, eio4Settings, eio3Faults, stalledRequestTimeout, false);
    }

    private ChannelHandler handlerFor(ProfileRouter.Route route) {
        return switch (route) {
            case LEGACY -> new LegacyRequestHandler(legacySettings, legacySessions);
            case EIO4 -> new Eio4RequestHandler(socketIo);
            case ENGINE_ECHO -> new Eio4RequestHandler(engineEcho);
            case EIO3 -> new Eio4RequestHandler(socketIo3);
            case ENGINE_ECHO3 -> new Eio4RequestHandler(engineEcho3);
        };
    }

    private EngineEndpoint endpointOf(HttpRequest req) {
        return switch (ProfileRouter.Route.of(req)) {
            case LEGACY -> null;
            case EIO4 -> socketIo;
            case ENGINE_ECHO -> engineEcho;
            case EIO3 -> socketIo3;
            case ENGINE_ECHO3 -> engineEcho3;
        };
    }

    public LegacySettings legacySettings() {
        return legacySettings;
    }

    public Eio4Settings eio4Settings() {
        return eio4Settings;
    }

    public Set<Eio3Fault> eio3Faults() {
        return eio3Faults;
    }

    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** The server's base, e.g. {@code http://127.0.0.1:3000}. */
    public URI baseUri() {
        return URI.create("http://" + legacySettings.host() + ":" + port());
    }

    public int legacySessionCount() {
        return legacySessions.size();
    }

    /** Live eio4 sessions on {@code /socket.io/}, the echo endpoint's not counted. */
    public int eio4SessionCount() {
        return socketIo.size();
    }

    /** Live eio3 sessions on {@code /socket.io/}, the echo endpoint's not counted. */
    public int eio3SessionCount() {
        return socketIo3.size();
    }

    /** Whether the eio3 session {@code sid} (on either path) has a poll held right now. */
    public boolean eio3PollHeld(String sid) {
        return socketIo3.find(sid).or(() -> engineEcho3.find(sid)).map(EngineSession::holdsPoll).orElse(false);
    }

    /** Whether the eio4 session {@code sid} (on either eio4 path) has a poll held right now. */
    public boolean eio4PollHeld(String sid) {
        return socketIo.find(sid).or(() -> engineEcho.find(sid)).map(EngineSession::holdsPoll).orElse(false);
    }

    /** Whether a POST body naming the eio4 session {@code sid} (on either eio4 path) is arriving right now. */
    public boolean eio4PostReceiving(String sid) {
        return socketIo.receivingPost(sid) || engineEcho.receivingPost(sid);
    }

    @Override
    public void close() {
        listener.close().syncUninterruptibly();
        legacySessions.endAll();
        socketIo.endAll();
        engineEcho.endAll();
        socketIo3.endAll();
        engineEcho3.endAll();
        shutdownResources();
    }

    /** The event loops go first: a request still in flight may schedule a session timer. */
    private void shutdownResources() {
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        timer.shutdownNow();
    }
}
