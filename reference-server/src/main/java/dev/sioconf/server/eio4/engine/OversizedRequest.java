package dev.sioconf.server.eio4.engine;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpRequest;

/**
 * The head of a request whose body is larger than the server will take, handed on without the
 * body: the endpoint answers it at once (413, or a dropped connection for revision 3) while the
 * body is still on its way, and the connection closes after the answer.
 */
public final class OversizedRequest extends DefaultFullHttpRequest {

    private OversizedRequest(HttpRequest head) {
        super(head.protocolVersion(), head.method(), head.uri(), Unpooled.EMPTY_BUFFER);
        headers().set(head.headers());
    }

    public static OversizedRequest of(HttpRequest head) {
        return new OversizedRequest(head);
    }
}
