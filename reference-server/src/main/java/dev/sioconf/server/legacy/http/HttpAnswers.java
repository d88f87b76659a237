package dev.sioconf.server.legacy.http;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;

/** Writing whole HTTP answers the way every legacy endpoint does. */
public final class HttpAnswers {

    public static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    public static final String TEXT_JAVASCRIPT = "text/javascript; charset=UTF-8";
    public static final String APPLICATION_JAVASCRIPT = "application/javascript";
    public static final String TEXT_HTML = "text/html; charset=UTF-8";

    private HttpAnswers() {
    }

    /**
     * Writes a complete answer and keeps the connection when the request allowed it.
     *
     * @param origin the request's Origin header, echoed for cross-origin XHR; null for none
     */
    public static void write(ChannelHandlerContext ctx, boolean keepAlive, HttpResponseStatus status,
            String contentType, String body, String origin) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        HttpHeaders headers = response.headers();
        if (contentType != null) {
            headers.set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        headers.setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        allowOrigin(response, origin);
        keepAliveOrClose(ctx, response, keepAlive);
    }

    /**
     * A 500 for a request the server failed on. The connection closes after it: what the failure
     * left on it is unknown.
     */
    public static void serverError(ChannelHandlerContext ctx) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.INTERNAL_SERVER_ERROR, Unpooled.EMPTY_BUFFER);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
        keepAliveOrClose(ctx, response, false);
    }

    public static void allowOrigin(HttpResponse response, String origin) {
        if (origin != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
    }

    private static void keepAliveOrClose(ChannelHandlerContext ctx, FullHttpResponse response, boolean keepAlive) {
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }
}
