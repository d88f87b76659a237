package dev.sioconf.server;

import dev.sioconf.server.eio4.engine.EngineEndpoint;
import dev.sioconf.server.eio4.engine.OversizedRequest;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import java.util.function.Function;

/**
 * Collects request bodies up to a limit. A longer Engine.IO request (told by its Content-Length,
 * or by the bytes of a chunked body as they come) goes on to its endpoint as an
 * {@link OversizedRequest} so that the endpoint answers it as its protocol says (EIO4-13.1,
 * EIO3-8.6); the rest of the body is read and dropped, never kept. Legacy requests keep netty's
 * plain 413.
 */
final class BodyLimitAggregator extends HttpObjectAggregator {

    private final Function<HttpRequest, EngineEndpoint> endpointOf;

    BodyLimitAggregator(int maxBytes, Function<HttpRequest, EngineEndpoint> endpointOf) {
        super(maxBytes);
        this.endpointOf = endpointOf;
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) throws Exception {
        if (oversized instanceof HttpRequest req && endpointOf.apply(req) != null) {
            ctx.fireChannelRead(OversizedRequest.of(req));
        } else {
            super.handleOversizedMessage(ctx, oversized);
        }
    }
}
