package dev.sioconf.server.legacy.transport;

import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.legacy.codec.HtmlfileFraming;
import dev.sioconf.server.json.JsonString;
import dev.sioconf.server.legacy.codec.PayloadCodec;
import dev.sioconf.server.legacy.http.HttpAnswers;
import dev.sioconf.server.legacy.session.PacketSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/** An htmlfile stream: a chunked HTML answer that stays open, one script chunk per packet. */
public final class HtmlfileSink implements PacketSink {

    private final Channel channel;
    private final Set<Fault> faults;

    private HtmlfileSink(Channel channel, Set<Fault> faults) {
        this.channel = channel;
        this.faults = faults;
    }

    /** Sends the answer head and the padded opening chunk. */
    public static HtmlfileSink open(Channel channel, Set<Fault> faults) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpAnswers.TEXT_HTML);
        head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        HttpUtil.setTransferEncodingChunked(head, true);
        channel.write(head);
        String opening = faults.contains(Fault.HTMLFILE_UNPADDED)
                ? HtmlfileFraming.OPENING.stripTrailing()
                : HtmlfileFraming.OPENING;
        channel.writeAndFlush(chunk(opening));
        return new HtmlfileSink(channel, faults);
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
        // Packets queued while no stream was open arrive together, framed, in one script.
        String payload = PayloadCodec.encode(packets);
        String script = faults.contains(Fault.HTMLFILE_SLASH_UNESCAPED)
                ? "<script>_(" + JsonString.quote(payload) + ");</script>"
                : HtmlfileFraming.script(payload);
        WebSocketSink.inOrder(channel, () -> channel.writeAndFlush(chunk(script)));
    }

    /**
     * Ends the chunked answer. The connection stays open for the client's next request: the head
     * said keep-alive, so a client may pool it, and closing it under the client would fail that reuse.
     */
    @Override
    public void close() {
        WebSocketSink.inOrder(channel, () -> {
            if (channel.isActive()) {
                channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
            }
        });
    }

    private static DefaultHttpContent chunk(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
