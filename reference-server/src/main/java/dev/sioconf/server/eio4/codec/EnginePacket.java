package dev.sioconf.server.eio4.codec;

import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * One Engine.IO 4 packet: a type with text data ({@code ""} when it has none), or a message
 * whose data is bytes. Exactly one of {@code text} and {@code bytes} is set.
 */
public record EnginePacket(EnginePacketType type, String text, byte[] bytes) {

    public static final EnginePacket CLOSE = of(EnginePacketType.CLOSE);
    public static final EnginePacket PING = of(EnginePacketType.PING);
    public static final EnginePacket PONG = of(EnginePacketType.PONG);
    public static final EnginePacket UPGRADE = of(EnginePacketType.UPGRADE);
    public static final EnginePacket NOOP = of(EnginePacketType.NOOP);
    public static final EnginePacket PROBE_PING = text(EnginePacketType.PING, "probe");
    public static final EnginePacket PROBE_PONG = text(EnginePacketType.PONG, "probe");

    public EnginePacket {
        Objects.requireNonNull(type);
        if ((text == null) == (bytes == null)) {
            throw new IllegalArgumentException("a packet has either text or bytes");
        }
        if (bytes != null) {
            if (type != EnginePacketType.MESSAGE) {
                throw new IllegalArgumentException("only a message carries bytes, not " + type);
            }
            bytes = bytes.clone();
        }
    }

    public static EnginePacket of(EnginePacketType type) {
        return new EnginePacket(type, "", null);
    }

    public static EnginePacket text(EnginePacketType type, String data) {
        return new EnginePacket(type, data, null);
    }

    public static EnginePacket message(String data) {
        return text(EnginePacketType.MESSAGE, data);
    }

    public static EnginePacket binaryMessage(byte[] data) {
        return new EnginePacket(EnginePacketType.MESSAGE, null, data);
    }

    public boolean isBinary() {
        return bytes != null;
    }

    @Override
    public byte[] bytes() {
        return bytes == null ? null : bytes.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EnginePacket p && type == p.type && Objects.equals(text, p.text)
                && Arrays.equals(bytes, p.bytes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, text, Arrays.hashCode(bytes));
    }

    @Override
    public String toString() {
        return isBinary()
                ? "EnginePacket[" + type + ", base64 " + Base64.getEncoder().encodeToString(bytes) + "]"
                : "EnginePacket[" + type + ", \"" + text + "\"]";
    }
}
