import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Benchmark only, never a target of the suite: the least a websocket server can do and still
 * carry the load mode's eio4 echo run. It writes the open packet, answers the CONNECT with the
 * CONNECT answer and the contract's auth event, and sends every echo frame back as it came, the
 * echoes of one read with one flush. No heartbeat, no parsing, no namespaces, no polling: what is
 * left is Netty's websocket cost, the practical limit a socket.io server on Netty can approach.
 *
 * It uses NIO, as the reference server does, so the ratio between the two is the protocol work
 * and not the I/O transport. Run with Netty on the class path, e.g.
 * {@code java -cp reference-server/target/reference-server.jar bench/raw-echo/RawEchoServer.java --port 0};
 * it prints {@code listening <port>} and stops when its standard input closes.
 */
public final class RawEchoServer {

    private static final AtomicLong SESSIONS = new AtomicLong();

    public static void main(String[] args) throws Exception {
        int port = 0;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--port") && i + 1 < args.length) {
                port = Integer.parseInt(args[++i]);
            } else {
                System.err.println("usage: RawEchoServer [--port N]");
                System.exit(2);
            }
        }
        EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
        EventLoopGroup workers = new MultiThreadIoEventLoopGroup(NioIoHandler.newFactory());
        WebSocketServerProtocolConfig ws = WebSocketServerProtocolConfig.newBuilder()
                .websocketPath("/socket.io/").checkStartsWith(true).maxFramePayloadLength(1 << 20).build();
        Channel server = new ServerBootstrap().group(boss, workers).channel(NioServerSocketChannel.class)
                .option(ChannelOption.SO_BACKLOG, 4096)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec(), new HttpObjectAggregator(1 << 16),
                                new WebSocketServerProtocolHandler(ws), new Echo());
                    }
                })
                .bind("127.0.0.1", port).sync().channel();
        System.out.println("listening " + ((InetSocketAddress) server.localAddress()).getPort());
        System.out.flush();
        while (System.in.read() >= 0) {
            // runs until standard input closes
        }
        server.close().sync();
        boss.shutdownGracefully();
        workers.shutdownGracefully();
    }

    private static final byte[] ECHO = "42[\"echo\",".getBytes(StandardCharsets.US_ASCII);

    /** The echo check reads the frame's first bytes in place; the frame is never decoded. */
    private static boolean startsWith(ByteBuf content, byte[] prefix) {
        if (content.readableBytes() < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (content.getByte(content.readerIndex() + i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static final class Echo extends SimpleChannelInboundHandler<TextWebSocketFrame> {

        private String sid;

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
            if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
                sid = "raw" + SESSIONS.incrementAndGet();
                ctx.writeAndFlush(new TextWebSocketFrame("0{\"sid\":\"" + sid
                        + "\",\"upgrades\":[],\"pingInterval\":25000,\"pingTimeout\":20000,\"maxPayload\":1000000}"));
            }
            super.userEventTriggered(ctx, evt);
        }

        /** Every echo of one read leaves with one flush: Netty's usual idiom, and one system call. */
        @Override
        public void channelReadComplete(ChannelHandlerContext ctx) {
            ctx.flush();
            ctx.fireChannelReadComplete();
        }

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, TextWebSocketFrame frame) {
            if (startsWith(frame.content(), ECHO)) {
                ctx.write(frame.retain()); // flushed once per read, below
                return;
            }
            String text = frame.text();
            if (text.equals("40") || text.startsWith("40{")) {
                ctx.write(new TextWebSocketFrame("40{\"sid\":\"" + sid + "-ns\"}"));
                ctx.writeAndFlush(new TextWebSocketFrame("42[\"auth\",{}]"));
            }
        }
    }
}
