package dev.sioconf.server;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.function.Function;

/**
 * Sends each HTTP request of a connection to the profile it belongs to, by putting that profile's
 * handler right behind this one: {@code /socket.io/} with an Engine.IO query parameter goes to
 * eio3 when {@code EIO=3}, else to eio4; {@code /engine.io/} to the Engine.IO echo of the same
 * revision; everything else (including every
 * {@code /socket.io/1/...} request) to legacy, exactly as before. Anything that is not an HTTP
 * request (WebSocket frames after an upgrade) passes through untouched.
 */
final class ProfileRouter extends ChannelInboundHandlerAdapter {

    static final String PROFILE_HANDLER = "profile";

    enum Route {
        LEGACY, EIO4, ENGINE_ECHO, EIO3, ENGINE_ECHO3;

        static Route of(HttpRequest req) {
            QueryStringDecoder query = LenientQuery.ofUri(req.uri());
            String path = query.path();
            boolean revision3 = query.parameters().getOrDefault("EIO", java.util.List.of()).contains("3");
            if (path.equals("/engine.io") || path.startsWith("/engine.io/")) {
                return revision3 ? ENGINE_ECHO3 : ENGINE_ECHO;
            }
            boolean engineQuery = query.parameters().containsKey("EIO")
                    || query.parameters().containsKey("transport") || query.parameters().containsKey("sid");
            // Revision 1 puts everything in the path, so its requests never carry these parameters.
            if (!path.equals("/socket.io/") || !engineQuery) {
                return LEGACY;
            }
            return revision3 ? EIO3 : EIO4;
        }
    }

    private final Function<Route, ChannelHandler> handlers;
    private Route current;

    ProfileRouter(Function<Route, ChannelHandler> handlers) {
        this.handlers = handlers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof FullHttpRequest req) {
            Route route = Route.of(req);
            if (route != current || ctx.pipeline().get(PROFILE_HANDLER) == null) {
                if (ctx.pipeline().get(PROFILE_HANDLER) != null) {
                    ctx.pipeline().remove(PROFILE_HANDLER);
                }
                ctx.pipeline().addAfter(ctx.name(), PROFILE_HANDLER, handlers.apply(route));
                current = route;
            }
        }
        ctx.fireChannelRead(msg);
    }
}
