package dev.sioconf.server.eio4.engine;

import dev.sioconf.server.eio4.Eio4Fault;
import dev.sioconf.server.eio4.Eio4Settings;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketCodec;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import dev.sioconf.server.eio4.codec.OpenPacketBody;
import dev.sioconf.server.eio4.codec.PollingPayloadCodec;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/** Engine.IO 4: U+001E-separated payloads, server pings, bare binary WebSocket frames, maxPayload announced. */
public final class Eio4Revision implements EngineRevision {

    private final Eio4Settings settings;

    public Eio4Revision(Eio4Settings settings) {
        this.settings = settings;
    }

    @Override
    public String protocol() {
        return "4";
    }

    @Override
    public EnginePacket openPacket(String sid, List<String> upgrades, long pingInterval, long pingTimeout,
            long maxPayload) {
        return new OpenPacketBody(sid, upgrades, pingInterval, pingTimeout, maxPayload).toPacket();
    }

    @Override
    public Heartbeat heartbeat() {
        return Heartbeat.SERVER_PINGS;
    }

    @Override
    public boolean answersClientPings() {
        return false;
    }

    @Override
    public PollingBody encodePayload(List<EnginePacket> packets, boolean binaryAllowed) {
        if (settings.has(Eio4Fault.WRONG_SEPARATOR)) {
            return PollingBody.text(packets.stream().map(EnginePacketCodec::encode).collect(Collectors.joining("\u001f")));
        }
        return PollingBody.text(PollingPayloadCodec.encode(packets));
    }

    @Override
    public List<EnginePacket> decodePayload(byte[] body, boolean octetStream) {
        if (octetStream) {
            // revision 3's binary POST is no part of revision 4 (EIO4-7.10)
            throw new MalformedPacketException("binary POST body");
        }
        return PollingPayloadCodec.decode(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public boolean acceptsBinaryPosts() {
        return false;
    }

    @Override
    public boolean dropsOversizedPost() {
        return false;
    }

    @Override
    public WebSocketFrame frame(EnginePacket packet) {
        if (packet.isBinary()) {
            return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(packet.bytes()));
        }
        return new TextWebSocketFrame(EnginePacketCodec.encode(packet));
    }

    @Override
    public EnginePacket decodeTextFrame(String text) {
        return EnginePacketCodec.decode(text);
    }

    @Override
    public EnginePacket decodeBinaryFrame(byte[] bytes) {
        return EnginePacket.binaryMessage(bytes);
    }
}
