package dev.sioconf.server.eio3.engine;

import dev.sioconf.server.eio3.Eio3Fault;
import dev.sioconf.server.eio3.codec.Eio3BinaryPayloadCodec;
import dev.sioconf.server.eio3.codec.Eio3PacketCodec;
import dev.sioconf.server.eio3.codec.Eio3TextPayloadCodec;
import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.JsonText;
import dev.sioconf.server.eio4.engine.EngineRevision;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * Engine.IO 3 as engine.io 3.6 speaks it: length-prefixed payloads (text, or binary without
 * {@code b64=1}), client pings answered with pongs, binary WebSocket frames led by the type byte 4,
 * and an open packet without maxPayload (which is still enforced, as maxHttpBufferSize).
 */
public final class Eio3Revision implements EngineRevision {

    private final Set<Eio3Fault> faults;

    public Eio3Revision(Set<Eio3Fault> faults) {
        this.faults = Set.copyOf(faults);
    }

    @Override
    public String protocol() {
        return "3";
    }

    @Override
    public EnginePacket openPacket(String sid, List<String> upgrades, long pingInterval, long pingTimeout,
            long maxPayload) {
        StringBuilder json = new StringBuilder("{\"sid\":").append(JsonText.quote(sid)).append(",\"upgrades\":[");
        for (int i = 0; i < upgrades.size(); i++) {
            json.append(i > 0 ? "," : "").append(JsonText.quote(upgrades.get(i)));
        }
        json.append("],\"pingInterval\":").append(pingInterval).append(",\"pingTimeout\":").append(pingTimeout).append('}');
        return EnginePacket.text(EnginePacketType.OPEN, json.toString());
    }

    @Override
    public Heartbeat heartbeat() {
        return faults.contains(Eio3Fault.SERVER_PINGS) ? Heartbeat.SERVER_PINGS : Heartbeat.CLIENT_PINGS;
    }

    @Override
    public boolean answersClientPings() {
        return !faults.contains(Eio3Fault.NO_PONG);
    }

    @Override
    public PollingBody encodePayload(List<EnginePacket> packets, boolean binaryAllowed) {
        boolean anyBinary = packets.stream().anyMatch(EnginePacket::isBinary);
        if (binaryAllowed && anyBinary && !faults.contains(Eio3Fault.NO_BINARY_PAYLOAD)) {
            return PollingBody.binary(Eio3BinaryPayloadCodec.encode(packets));
        }
        return PollingBody.text(Eio3TextPayloadCodec.encode(packets, faults.contains(Eio3Fault.LENGTH_IN_BYTES),
                !faults.contains(Eio3Fault.BASE64_WITHOUT_TYPE)));
    }

    @Override
    public List<EnginePacket> decodePayload(byte[] body, boolean octetStream) {
        return octetStream
                ? Eio3BinaryPayloadCodec.decode(body)
                : Eio3TextPayloadCodec.decode(new String(body, StandardCharsets.UTF_8));
    }

    @Override
    public boolean acceptsBinaryPosts() {
        return true;
    }

    @Override
    public boolean dropsOversizedPost() {
        return true;
    }

    @Override
    public WebSocketFrame frame(EnginePacket packet, boolean base64) {
        return base64 && packet.isBinary() ? new TextWebSocketFrame(Eio3PacketCodec.encode(packet)) : frame(packet);
    }

    @Override
    public WebSocketFrame frame(EnginePacket packet) {
        if (!packet.isBinary()) {
            return new TextWebSocketFrame(Eio3PacketCodec.encode(packet));
        }
        byte[] data = packet.bytes();
        if (faults.contains(Eio3Fault.WS_BINARY_WITHOUT_TYPE)) {
            return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(data));
        }
        byte[] typed = new byte[data.length + 1];
        typed[0] = (byte) EnginePacketType.MESSAGE.ordinal();
        System.arraycopy(data, 0, typed, 1, data.length);
        return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(typed));
    }

    @Override
    public EnginePacket decodeTextFrame(String text) {
        return Eio3PacketCodec.decode(text);
    }

    @Override
    public EnginePacket decodeBinaryFrame(byte[] bytes) {
        return Eio3BinaryPayloadCodec.binaryPacket(bytes);
    }
}
