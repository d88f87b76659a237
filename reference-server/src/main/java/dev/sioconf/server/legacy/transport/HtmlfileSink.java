package dev.sioconf.server.legacy.transport;

import dev.sioconf.server.legacy.codec.HtmlfileFraming;
import dev.sioconf.server.legacy.http.HttpAnswers;
import dev.sioconf.server.legacy.session.PacketSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
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

/** An htmlfile stream: a chunked HTML answer that stays open, one script chunk per packet. */
public final class HtmlfileSink implements PacketSink {

    private final Channel channel;

    private HtmlfileSink(Channel channel) {
        this.channel = channel;
    }

    /** Sends the answer head and the padded opening chunk. */
    public static HtmlfileSink open(Channel channel) {
        HttpResponse head = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpAnswers.TEXT_HTML);
        head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        HttpUtil.setTransferEncodingChunked(head, true);
        channel.write(head);
        channel.writeAndFlush(chunk(HtmlfileFraming.OPENING));
        return new HtmlfileSink(channel);
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
        for (String packet : packets) {
            channel.write(chunk(HtmlfileFraming.script(packet)));
        }
        channel.flush();
    }

    /** Ends the chunked answer and the connection: the stream cannot carry another request. */
    @Override
    public void close() {
        if (channel.isActive()) {
            channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT).addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static DefaultHttpContent chunk(String text) {
        return new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
    }
}
