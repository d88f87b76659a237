package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.LenientQuery;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AttributeKey;
import java.util.List;
import java.util.function.Function;

/**
 * Notices a POST that starts while another POST of the same session is still sending its body
 * (EIO4-7.8). It sits before the body aggregator, where a request's start and end are still
 * visible, and marks the late request's channel so the endpoint refuses it once it is whole.
 */
public final class OverlappingPostDetector extends ChannelDuplexHandler {

    static final AttributeKey<Boolean> OVERLAPPING = AttributeKey.valueOf("sioconf.eio4.overlapping-post");

    private final Function<HttpRequest, EngineEndpoint> endpointOf;
    private EngineEndpoint receivingFor;
    private String receivingSid;

    /** @param endpointOf the eio4 endpoint a request belongs to, null for other requests */
    public OverlappingPostDetector(Function<HttpRequest, EngineEndpoint> endpointOf) {
        this.endpointOf = endpointOf;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest req && req.method().equals(HttpMethod.POST)) {
            EngineEndpoint endpoint = endpointOf.apply(req);
            List<String> sid = LenientQuery.ofUri(req.uri()).parameters().get("sid");
            if (endpoint != null && sid != null && !sid.isEmpty()) {
                if (endpoint.beginPost(sid.get(0))) {
                    receivingFor = endpoint;
                    receivingSid = sid.get(0);
                } else {
                    ctx.channel().attr(OVERLAPPING).set(Boolean.TRUE);
                }
            }
        }
        if (msg instanceof LastHttpContent) {
            finish();
        }
        ctx.fireChannelRead(msg);
    }

    /**
     * A POST the server has answered is no longer arriving, even when the rest of its body is
     * still on its way (an oversized body refused with 413): the client may post again at once.
     */
    @Override
    public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
        if (msg instanceof HttpResponse) {
            finish();
        }
        ctx.write(msg, promise);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        finish();
        super.channelInactive(ctx);
    }

    private void finish() {
        if (receivingFor != null) {
            receivingFor.endPost(receivingSid);
            receivingFor = null;
            receivingSid = null;
        }
    }
}
