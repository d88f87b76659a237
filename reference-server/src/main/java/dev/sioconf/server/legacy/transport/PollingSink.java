package dev.sioconf.server.legacy.transport;

import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.codec.JsonpFraming;
import dev.sioconf.server.legacy.codec.Packet;
import dev.sioconf.server.legacy.codec.PayloadCodec;
import dev.sioconf.server.legacy.http.HttpAnswers;
import dev.sioconf.server.legacy.session.PacketSink;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;

/**
 * A held GET of xhr-polling or jsonp-polling: answered once, with every packet queued framed as
 * one payload, wrapped as the transport wraps its bodies.
 */
public final class PollingSink implements PacketSink {

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final String origin;
    private final String contentType;
    private final UnaryOperator<String> wrapping;
    private final Set<Fault> faults;
    private final AtomicBoolean answered = new AtomicBoolean();

    private PollingSink(ChannelHandlerContext ctx, boolean keepAlive, String origin, String contentType,
            UnaryOperator<String> wrapping, Set<Fault> faults) {
        this.ctx = ctx;
        this.keepAlive = keepAlive;
        this.origin = origin;
        this.contentType = contentType;
        this.wrapping = wrapping;
        this.faults = faults;
    }

    /** xhr-polling: the payload as plain text, with CORS headers for a cross-origin request. */
    public static PollingSink xhr(ChannelHandlerContext ctx, boolean keepAlive, String origin, Set<Fault> faults) {
        return new PollingSink(ctx, keepAlive, origin, HttpAnswers.TEXT_PLAIN, UnaryOperator.identity(), faults);
    }

    /** jsonp-polling: the payload as a string literal passed to {@code io.j[index]}. */
    public static PollingSink jsonp(ChannelHandlerContext ctx, boolean keepAlive, String index, Set<Fault> faults) {
        return new PollingSink(ctx, keepAlive, null, HttpAnswers.TEXT_JAVASCRIPT,
                payload -> JsonpFraming.wrap(index, payload), faults);
    }

    @Override
    public boolean oneShot() {
        return true;
    }

    @Override
    public boolean wantsHeartbeats() {
        return false;
    }

    @Override
    public void deliver(List<String> packets) {
        if (faults.contains(Fault.FRAME_LENGTH_IN_BYTES) && packets.size() > 1) {
            answer(framedWithByteLengths(packets));
        } else {
            answer(PayloadCodec.encode(packets));
        }
    }

    /** The frame-length-in-bytes fault: {@link PayloadCodec#encode} with UTF-8 byte counts as lengths. */
    private static String framedWithByteLengths(List<String> packets) {
        StringBuilder out = new StringBuilder();
        for (String packet : packets) {
            int bytes = packet.getBytes(StandardCharsets.UTF_8).length;
            out.append(PayloadCodec.FRAME_MARK).append(bytes).append(PayloadCodec.FRAME_MARK).append(packet);
        }
        return out.toString();
    }

    /** A poll that is replaced or outlives its session is let go with a noop. */
    @Override
    public void close() {
        answer(Packet.NOOP);
    }

    /** Answers a poll that never reached a session, e.g. with the unknown-session error. */
    public void answer(String payload) {
        if (answered.compareAndSet(false, true)) {
            HttpAnswers.write(ctx, keepAlive, HttpResponseStatus.OK, contentType, wrapping.apply(payload), origin);
        }
    }
}
