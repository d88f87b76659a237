package dev.sioconf.server.legacy.codec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Encodes and decodes single packets: {@code type:id[+]:endpoint[:data]}. */
public final class PacketCodec {

    // type, id, '+', endpoint, then optionally ':' and data that may hold any character.
    private static final Pattern PACKET = Pattern.compile("([0-9]):([0-9]*)(\\+?):([^:]*)(?::([\\s\\S]*))?");

    private PacketCodec() {
    }

    public static String encode(Packet packet) {
        StringBuilder out = new StringBuilder();
        out.append(packet.type().code()).append(':').append(packet.id());
        if (packet.dataAck()) {
            out.append('+');
        }
        out.append(':').append(packet.endpoint());
        if (!packet.data().isEmpty()) {
            out.append(':').append(packet.data());
        }
        return out.toString();
    }

    public static Packet decode(String text) {
        Matcher m = PACKET.matcher(text);
        if (!m.matches()) {
            throw new PacketFormatException("not a packet: " + abbreviate(text));
        }
        PacketType type = PacketType.ofCode(Integer.parseInt(m.group(1)));
        String id = m.group(2);
        boolean dataAck = !m.group(3).isEmpty();
        if (dataAck && id.isEmpty()) {
            throw new PacketFormatException("'+' without a message id: " + abbreviate(text));
        }
        return new Packet(type, id, dataAck, m.group(4), m.group(5));
    }

    static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
