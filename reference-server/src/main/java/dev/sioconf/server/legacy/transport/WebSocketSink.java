package dev.sioconf.server.legacy.transport;

import dev.sioconf.server.legacy.session.PacketSink;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.List;

/** An open websocket: one text frame per packet. */
public final class WebSocketSink implements PacketSink {

    private final Channel channel;

    public WebSocketSink(Channel channel) {
        this.channel = channel;
    }

    @Override
    public boolean oneShot() {
        return false;
    }

    @Override
    public boolean wantsHeartbeats() {
        return true;
    }

    @Override
    public void deliver(List<String> packets) {
        inOrder(channel, () -> {
            for (String packet : packets) {
                channel.write(new TextWebSocketFrame(packet));
            }
            channel.flush();
        });
    }

    @Override
    public void close() {
        inOrder(channel, () -> {
            if (channel.isActive()) {
                channel.writeAndFlush(new CloseWebSocketFrame()).addListener(ChannelFutureListener.CLOSE);
            }
        });
    }

    /**
     * Runs a write as a task of the channel's event loop, even from that loop's own thread. Netty
     * writes at once when called on the loop but queues when called elsewhere, so mixing the two
     * (a reply from the loop, a packet posted from another connection) would reorder packets;
     * always queueing keeps the order in which the session handed them over.
     */
    static void inOrder(Channel channel, Runnable write) {
        channel.eventLoop().execute(write);
    }
}
