package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.codec.ErrorAnswer;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One HTTP request of the eio4 endpoint and its single answer. A held poll keeps its exchange
 * until the session has something to say; {@link #answered()} guards against a second answer.
 */
final class HttpExchange {

    static final String TEXT_PLAIN = "text/plain; charset=UTF-8";
    static final String TEXT_HTML = "text/html";
    static final String APPLICATION_JSON = "application/json";
    static final String APPLICATION_OCTET_STREAM = "application/octet-stream";

    private final ChannelHandlerContext ctx;
    private final boolean keepAlive;
    private final String origin;
    private final CorsPolicy cors;
    private final AtomicBoolean answered = new AtomicBoolean();
    private ChannelFutureListener abandonListener;

    HttpExchange(ChannelHandlerContext ctx, FullHttpRequest req, CorsPolicy cors) {
        this.ctx = ctx;
        // The rest of an oversized body is still coming: closing is cheaper than reading it. After
        // a malformed request the codec reads nothing more, so the connection is of no further use.
        this.keepAlive = HttpUtil.isKeepAlive(req) && !(req instanceof OversizedRequest)
                && req.decoderResult().isSuccess();
        this.origin = req.headers().get(HttpHeaderNames.ORIGIN);
        this.cors = cors;
    }

    Channel channel() {
        return ctx.channel();
    }

    boolean answered() {
        return answered.get();
    }

    /**
     * Runs {@code action} if the client's connection closes before the answer is sent. The
     * listener goes once the answer is out, so a keep-alive connection carrying many polls does
     * not collect one per poll.
     */
    synchronized void whenAbandoned(Runnable action) {
        abandonListener = f -> action.run();
        ctx.channel().closeFuture().addListener(abandonListener);
    }

    private synchronized void forgetAbandonListener() {
        if (abandonListener != null) {
            ctx.channel().closeFuture().removeListener(abandonListener);
            abandonListener = null;
        }
    }

    /** A poll's payload, or the handshake's open packet (EIO4-3.9: never cached). */
    void payload(String body) {
        FullHttpResponse response = response(HttpResponseStatus.OK, TEXT_PLAIN, body);
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        send(response);
    }

    /** A poll's answer in either form: text (wrapped for JSONP) or an Engine.IO 3 binary payload. */
    void payload(EngineRevision.PollingBody body, String jsonpIndex) {
        if (!body.isBinary()) {
            payload(PollingAnswers.wrap(body.text(), jsonpIndex));
            return;
        }
        FullHttpResponse response = response(HttpResponseStatus.OK, APPLICATION_OCTET_STREAM, body.bytes());
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        send(response);
    }

    /** The answer to a POST whose payload was read (EIO4-7.4), not cached either (EIO4-3.9). */
    void ok() {
        FullHttpResponse response = response(HttpResponseStatus.OK, TEXT_HTML, "ok");
        response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-store");
        send(response);
    }

    void error(ErrorAnswer error) {
        send(response(HttpResponseStatus.valueOf(error.httpStatus()), APPLICATION_JSON, error.body()));
    }

    /** A bare status with no body, as 4.8.x answers an overlapping poll or an unknown method. */
    void status(HttpResponseStatus status) {
        send(response(status, null, ""));
    }

    /**
     * A 500 for a request the server failed on (a fault of its own or of the application). The
     * connection closes after it: what the failure left on it is unknown.
     */
    void serverError() {
        send(response(HttpResponseStatus.INTERNAL_SERVER_ERROR, null, ""), false);
    }

    void send(FullHttpResponse response) {
        send(response, keepAlive);
    }

    private void send(FullHttpResponse response, boolean keepAlive) {
        if (!answered.compareAndSet(false, true)) {
            response.release();
            return;
        }
        forgetAbandonListener();
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    FullHttpResponse response(HttpResponseStatus status, String contentType, String body) {
        return response(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    FullHttpResponse response(HttpResponseStatus status, String contentType, byte[] bytes) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(bytes));
        if (contentType != null) {
            response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        }
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        cors.addTo(response.headers(), origin);
        return response;
    }
}
