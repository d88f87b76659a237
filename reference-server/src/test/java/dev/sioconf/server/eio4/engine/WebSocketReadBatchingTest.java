package dev.sioconf.server.eio4.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.Eio4Transport;
import dev.sioconf.server.eio4.codec.EnginePacket;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What the frames of one read make a WebSocket session send leaves at the end of that read, in
 * order and with one flush: one system call where there was one for the first answer and another
 * for the rest. Nothing is lost when a frame of the read ends the session.
 */
class WebSocketReadBatchingTest {

    private final ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1);
    private final FlushCounter flushes = new FlushCounter();
    private final EmbeddedChannel ws = new EmbeddedChannel(flushes);
    private final EngineSession session = new EngineEndpoint(Eio4Settings.defaults(), timer, new EchoApplication())
            .create(Eio4Transport.WEBSOCKET, null);

    @AfterEach
    void stop() {
        timer.shutdownNow();
        ws.finishAndReleaseAll();
    }

    static final class FlushCounter extends ChannelOutboundHandlerAdapter {
        int count;

        @Override
        public void flush(ChannelHandlerContext ctx) {
            count++;
            ctx.flush();
        }
    }

    @Test
    void echoesOfOneReadLeaveInOrderWithOneFlushAtTheReadsEnd() {
        session.useWebSocket(ws, false);

        session.webSocketPacket(ws, EnginePacket.message("one"));
        session.webSocketPacket(ws, EnginePacket.message("two"));
        session.webSocketPacket(ws, EnginePacket.message("three"));
        assertThat(written()).as("sent before the read ended").isEmpty();
        session.webSocketReadComplete(ws);

        assertThat(written()).containsExactly("4one", "4two", "4three");
        assertThat(flushes.count).isEqualTo(1);
    }

    @Test
    void aPacketSentOutsideAReadLeavesAtOnce() {
        session.useWebSocket(ws, false);

        session.send(EnginePacket.message("pushed"));

        assertThat(written()).containsExactly("4pushed");
        assertThat(flushes.count).isEqualTo(1);
    }

    @Test
    void echoesHeldByTheReadGoBeforeTheCloseFrameWhenAFrameOfItEndsTheSession() {
        session.useWebSocket(ws, false);

        session.webSocketPacket(ws, EnginePacket.message("last words"));
        session.webSocketPacket(ws, EnginePacket.CLOSE);

        assertThat(written()).containsExactly("4last words", "(close frame)");
        assertThat(session.ended()).isTrue();
    }

    private List<String> written() {
        ws.runPendingTasks();
        List<String> out = new ArrayList<>();
        for (Object frame; (frame = ws.readOutbound()) != null; ) {
            out.add(frame instanceof TextWebSocketFrame text ? text.text()
                    : frame instanceof CloseWebSocketFrame ? "(close frame)" : frame.toString());
            io.netty.util.ReferenceCountUtil.release(frame);
        }
        return out;
    }
}
