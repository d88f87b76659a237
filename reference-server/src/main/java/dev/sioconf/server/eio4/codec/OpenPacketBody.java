package dev.sioconf.server.eio4.codec;

import java.util.List;
import java.util.Objects;

/**
 * The JSON object of the open packet (EIO4-3.2), written with its members in the order
 * socket.io 4.8.x writes them: sid, upgrades, pingInterval, pingTimeout, maxPayload.
 *
 * @param upgrades     the transports the session may upgrade to; empty for a WebSocket session
 * @param pingInterval milliseconds
 * @param pingTimeout  milliseconds
 * @param maxPayload   bytes
 */
public record OpenPacketBody(String sid, List<String> upgrades, long pingInterval, long pingTimeout, long maxPayload) {

    public OpenPacketBody {
        Objects.requireNonNull(sid);
        upgrades = List.copyOf(upgrades);
    }

    public String toJson() {
        StringBuilder out = new StringBuilder();
        out.append("{\"sid\":").append(JsonText.quote(sid)).append(",\"upgrades\":[");
        for (int i = 0; i < upgrades.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(JsonText.quote(upgrades.get(i)));
        }
        return out.append("],\"pingInterval\":").append(pingInterval)
                .append(",\"pingTimeout\":").append(pingTimeout)
                .append(",\"maxPayload\":").append(maxPayload)
                .append('}').toString();
    }

    public EnginePacket toPacket() {
        return EnginePacket.text(EnginePacketType.OPEN, toJson());
    }
}
