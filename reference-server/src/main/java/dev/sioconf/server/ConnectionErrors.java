package dev.sioconf.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.PrematureChannelClosureException;
import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The last handler of every connection: an exception no handler before it took ends that
 * connection and is logged in one line, never as netty's stack trace at the pipeline's tail.
 * A client that closes its connection mid-request or resets it is ordinary client behaviour, not
 * a fault of the server, so that is logged only at {@code FINE}.
 */
@ChannelHandler.Sharable
final class ConnectionErrors extends ChannelInboundHandlerAdapter {

    static final ConnectionErrors INSTANCE = new ConnectionErrors();

    static final Logger LOG = Logger.getLogger(ConnectionErrors.class.getName());

    private ConnectionErrors() {
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        Level level = isClientGone(cause) ? Level.FINE : Level.WARNING;
        if (LOG.isLoggable(level)) {
            LOG.log(level, "connection from " + ctx.channel().remoteAddress() + " closed: " + cause);
        }
        ctx.close();
    }

    static boolean isClientGone(Throwable cause) {
        return cause instanceof PrematureChannelClosureException || cause instanceof IOException;
    }
}
