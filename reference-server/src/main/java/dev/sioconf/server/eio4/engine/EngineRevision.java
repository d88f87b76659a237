package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.codec.EnginePacket;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Where Engine.IO 3 (socket.io 1.x/2.x) and Engine.IO 4 (socket.io 3.x/4.x) part ways on the
 * wire; the engine ({@link EngineSession}, {@link Eio4RequestHandler}) does everything else the
 * same for both. {@link Eio4Revision} is one side, {@code eio3.engine.Eio3Revision} the other.
 */
public interface EngineRevision {

    /** Who sends the pings. */
    enum Heartbeat {
        /** Engine.IO 4: the server pings every pingInterval and waits pingTimeout for the pong. */
        SERVER_PINGS,
        /** Engine.IO 3: the client pings, the server answers and waits pingInterval + pingTimeout for the next. */
        CLIENT_PINGS
    }

    /** The value of the {@code EIO} query parameter this revision serves. */
    String protocol();

    EnginePacket openPacket(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload);

    Heartbeat heartbeat();

    /** With {@link Heartbeat#CLIENT_PINGS}: whether a client's ping gets its pong. */
    boolean answersClientPings();

    /**
     * A poll's answer.
     *
     * @param binaryAllowed whether the client may get binary bodies (Engine.IO 3 without {@code b64=1}, not JSONP)
     */
    PollingBody encodePayload(List<EnginePacket> packets, boolean binaryAllowed);

    /**
     * The packets of a POST body, all or none.
     *
     * @param octetStream whether the body came as {@code application/octet-stream}
     * @throws dev.sioconf.server.eio4.codec.MalformedPacketException when the body cannot be read
     */
    List<EnginePacket> decodePayload(byte[] body, boolean octetStream);

    /** Whether a POST may carry an {@code application/octet-stream} payload (Engine.IO 3 only). */
    boolean acceptsBinaryPosts();

    /** Whether a POST above maxPayload loses its connection and its session (Engine.IO 3), or gets 413 (4). */
    boolean dropsOversizedPost();

    WebSocketFrame frame(EnginePacket packet);

    /**
     * A packet as a WebSocket frame for a client that asked for base64 ({@code b64} on the
     * WebSocket request, Engine.IO 3): binary messages then go as text frames. Revision 4 has no such option.
     */
    default WebSocketFrame frame(EnginePacket packet, boolean base64) {
        return frame(packet);
    }

    /** A packet from a WebSocket text frame. */
    EnginePacket decodeTextFrame(String text);

    /** A packet from a WebSocket binary frame. */
    EnginePacket decodeBinaryFrame(byte[] bytes);

    /** A poll's body: text, or bytes for an Engine.IO 3 binary payload. */
    record PollingBody(String text, byte[] bytes) {
        public static PollingBody text(String text) {
            return new PollingBody(text, null);
        }

        public static PollingBody binary(byte[] bytes) {
            return new PollingBody(null, bytes);
        }

        public boolean isBinary() {
            return bytes != null;
        }
    }
}
