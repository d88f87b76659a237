package dev.sioconf.server.eio3.codec;

import dev.sioconf.server.eio4.codec.EnginePacket;
import dev.sioconf.server.eio4.codec.EnginePacketType;
import dev.sioconf.server.eio4.codec.MalformedPacketException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code application/octet-stream} body of Engine.IO 3 polling, used when the client did not
 * ask for {@code b64=1}. Per packet: byte 0 (string) or 1 (binary), the length as decimal digits
 * each in a byte of its own (values 0 to 9), byte 255, then the packet: a string packet as the
 * UTF-8 of its string form, a binary message as byte 4 then the data. The length counts those
 * bytes, type included, as engine.io-parser 2.x does.
 */
public final class Eio3BinaryPayloadCodec {

    static final int STRING_MARK = 0;
    static final int BINARY_MARK = 1;
    static final int LENGTH_END = 255;

    private Eio3BinaryPayloadCodec() {
    }

    public static byte[] encode(List<EnginePacket> packets) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (EnginePacket packet : packets) {
            byte[] body;
            if (packet.isBinary()) {
                byte[] data = packet.bytes();
                body = new byte[data.length + 1];
                body[0] = (byte) packet.type().ordinal();
                System.arraycopy(data, 0, body, 1, data.length);
            } else {
                body = Eio3PacketCodec.encode(packet).getBytes(StandardCharsets.UTF_8);
            }
            out.write(packet.isBinary() ? BINARY_MARK : STRING_MARK);
            for (char digit : String.valueOf(body.length).toCharArray()) {
                out.write(digit - '0');
            }
            out.write(LENGTH_END);
            out.writeBytes(body);
        }
        return out.toByteArray();
    }

    public static List<EnginePacket> decode(byte[] body) {
        if (body.length == 0) {
            throw new MalformedPacketException("an empty binary payload");
        }
        List<EnginePacket> packets = new ArrayList<>();
        int pos = 0;
        while (pos < body.length) {
            int mark = body[pos] & 0xff;
            if (mark != STRING_MARK && mark != BINARY_MARK) {
                throw new MalformedPacketException("binary payload frame starting with " + mark + " at " + pos);
            }
            int i = pos + 1;
            long length = 0;
            while (i < body.length && (body[i] & 0xff) != LENGTH_END) {
                int digit = body[i] & 0xff;
                if (digit > 9 || length > Integer.MAX_VALUE) {
                    throw new MalformedPacketException("binary payload length with byte " + digit + " at " + i);
                }
                length = length * 10 + digit;
                i++;
            }
            if (i == pos + 1 || i >= body.length || length < 1 || i + 1 + length > body.length) {
                throw new MalformedPacketException("binary payload frame at " + pos + " does not fit");
            }
            byte[] packet = Arrays.copyOfRange(body, i + 1, i + 1 + (int) length);
            packets.add(mark == STRING_MARK
                    ? Eio3PacketCodec.decode(new String(packet, StandardCharsets.UTF_8))
                    : binaryPacket(packet));
            pos = i + 1 + (int) length;
        }
        return packets;
    }

    /** A binary packet: the type byte, then the data; only a message carries bytes. */
    public static EnginePacket binaryPacket(byte[] typeAndData) {
        if (typeAndData.length == 0 || typeAndData[0] != EnginePacketType.MESSAGE.ordinal()) {
            throw new MalformedPacketException("binary packet without the message type byte 4");
        }
        return EnginePacket.binaryMessage(Arrays.copyOfRange(typeAndData, 1, typeAndData.length));
    }
}
