package dev.sioconf.server.eio4.codec;

import java.util.ArrayList;
import java.util.List;

/**
 * A Socket.IO packet ready for Engine.IO: its text, sent as one message, then each attachment
 * as a binary message of its own, in order (SIO5-16.1).
 */
public record EncodedSocketPacket(String text, List<byte[]> attachments) {

    public EncodedSocketPacket {
        attachments = attachments.stream().map(byte[]::clone).toList();
    }

    /** The Engine.IO messages in the order they must go out. */
    public List<EnginePacket> messages() {
        List<EnginePacket> messages = new ArrayList<>(1 + attachments.size());
        messages.add(EnginePacket.message(text));
        attachments.forEach(bytes -> messages.add(EnginePacket.binaryMessage(bytes)));
        return List.copyOf(messages);
    }
}
