package dev.sioconf.server.eio4.codec;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Set;

/**
 * Encodes and decodes Socket.IO 5 packets:
 * {@code <type>[<attachments>-][<namespace>,][<ack id>][<JSON data>]} (section 17). The decoder
 * accepts what socket.io 4.8.x accepts, except where the spec asks for more (section 22).
 */
public final class SocketPacketCodec {

    /** Event names socket.io keeps for itself; a client event using one is malformed (SIO5-22.4). */
    public static final Set<String> RESERVED_EVENT_NAMES = Set.of(
            "connect", "connect_error", "disconnect", "disconnecting", "newListener", "removeListener");

    private SocketPacketCodec() {
    }

    /**
     * An EVENT or ACK whose data holds binary values goes out as a BINARY_EVENT or BINARY_ACK
     * with placeholders and attachments (SIO5-20.1); every other packet as its text alone.
     */
    public static EncodedSocketPacket encode(SocketPacket packet) {
        boolean binaryCapable = packet.type() == SocketPacketType.EVENT || packet.type() == SocketPacketType.ACK;
        if (!binaryCapable || !BinaryPlaceholders.containsBinary(packet.data())) {
            return new EncodedSocketPacket(encodeText(packet), List.of());
        }
        BinaryPlaceholders.Deconstructed parts = BinaryPlaceholders.deconstruct(packet.data());
        SocketPacketType binaryType = packet.type() == SocketPacketType.EVENT
                ? SocketPacketType.BINARY_EVENT : SocketPacketType.BINARY_ACK;
        SocketPacket wirePacket = new SocketPacket(binaryType, packet.namespace(), parts.attachments().size(),
                packet.ackId(), parts.data());
        return new EncodedSocketPacket(encodeText(wirePacket), parts.attachments());
    }

    /** The packet's text exactly as it stands; its data must hold no binary value. */
    public static String encodeText(SocketPacket packet) {
        StringBuilder out = new StringBuilder().append(packet.type().digit());
        if (packet.type().isBinary()) {
            out.append(packet.attachments()).append('-');
        }
        if (!packet.isMainNamespace()) {
            out.append(packet.namespace()).append(',');
        }
        if (packet.hasAckId()) {
            out.append(packet.ackId());
        }
        if (packet.data() != null) {
            out.append(JsonText.stringify(packet.data()));
        }
        return out.toString();
    }

    /** Decodes a packet's text, announcing any number of attachments. */
    public static SocketPacket decode(String text) {
        return decode(text, Integer.MAX_VALUE);
    }

    /**
     * Decodes a packet's text. A binary type comes back as it stands on the wire, with
     * placeholders; {@link SocketPacketAssembler} joins it with its attachments.
     *
     * @param maxAttachments the most attachments a packet may announce (SIO5-20.5)
     * @throws MalformedPacketException for every packet of section 22 and any other text that
     *                                  does not have the form of section 17
     */
    public static SocketPacket decode(String text, int maxAttachments) {
        Reader in = new Reader(text);
        if (in.atEnd()) {
            throw malformed("an empty string is no Socket.IO packet", text);
        }
        SocketPacketType type = SocketPacketType.ofDigit(in.next());

        int attachments = 0;
        if (type.isBinary()) {
            String count = in.digits();
            if (count.isEmpty() || in.atEnd() || in.next() != '-') {
                throw malformed(type + " without an attachment count and '-'", text);
            }
            attachments = parseCount(count, text);
            if (attachments < 1 || attachments > maxAttachments) {
                throw malformed(type + " announcing " + count + " attachments", text);
            }
        }

        String namespace = SocketPacket.MAIN_NAMESPACE;
        if (in.peekIs('/')) {
            // socket.io accepts a namespace that runs to the end without its comma (SIO5-17.3)
            namespace = in.upTo(',');
            if (in.peekIs(',')) {
                in.next();
            }
        }

        Long ackId = null;
        String ackDigits = in.digits();
        if (!ackDigits.isEmpty()) {
            if (!type.takesAckId()) {
                // 4.8.x would read and ignore it; digits on a CONNECT are more likely broken data
                throw malformed(type + " with an ack id", text);
            }
            ackId = parseAckId(ackDigits, text);
        }

        JsonNode data = in.atEnd() ? null : JsonText.parse(in.rest());
        checkData(type, data, text);
        return new SocketPacket(type, namespace, attachments, ackId, data);
    }

    private static void checkData(SocketPacketType type, JsonNode data, String text) {
        switch (type) {
            case CONNECT -> {
                if (data != null && !data.isObject()) {
                    throw malformed("CONNECT data that is not an object", text);
                }
            }
            case DISCONNECT -> {
                if (data != null) {
                    throw malformed("DISCONNECT with data", text);
                }
            }
            case CONNECT_ERROR -> {
                if (data != null && !data.isObject() && !data.isTextual()) {
                    throw malformed("CONNECT_ERROR data that is neither an object nor a string", text);
                }
            }
            case EVENT, BINARY_EVENT -> {
                if (data == null || !data.isArray()) {
                    throw malformed("event data that is not an array", text);
                }
                JsonNode name = data.get(0);
                boolean named = name != null && (name.isNumber()
                        || name.isTextual() && !RESERVED_EVENT_NAMES.contains(name.textValue()));
                if (!named) {
                    throw malformed("event without a usable name", text);
                }
            }
            case ACK, BINARY_ACK -> {
                if (data == null || !data.isArray()) {
                    throw malformed("acknowledgement data that is not an array", text);
                }
            }
        }
    }

    private static int parseCount(String digits, String text) {
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            throw malformed("attachment count out of range", text);
        }
    }

    private static long parseAckId(String digits, String text) {
        long id;
        try {
            id = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw malformed("ack id out of range", text);
        }
        if (id > SocketPacket.MAX_ACK_ID) {
            throw malformed("ack id out of range", text);
        }
        return id;
    }

    private static MalformedPacketException malformed(String why, String text) {
        return new MalformedPacketException(why + ": " + MalformedPacketException.abbreviate(text));
    }

    /** A cursor over the packet text. */
    private static final class Reader {
        private final String text;
        private int pos;

        Reader(String text) {
            this.text = text;
        }

        boolean atEnd() {
            return pos >= text.length();
        }

        boolean peekIs(char c) {
            return !atEnd() && text.charAt(pos) == c;
        }

        char next() {
            return text.charAt(pos++);
        }

        /** The ASCII digits from here on, possibly none. */
        String digits() {
            int start = pos;
            while (!atEnd() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
                pos++;
            }
            return text.substring(start, pos);
        }

        /** Everything up to {@code stop} or the end, leaving {@code stop} unread. */
        String upTo(char stop) {
            int end = text.indexOf(stop, pos);
            end = end < 0 ? text.length() : end;
            String part = text.substring(pos, end);
            pos = end;
            return part;
        }

        String rest() {
            String part = text.substring(pos);
            pos = text.length();
            return part;
        }
    }
}
