package dev.sioconf.server.eio4.codec;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns the Engine.IO messages of one session into whole Socket.IO packets: a BINARY_EVENT or
 * BINARY_ACK waits for the binary messages it announces (SIO5-20.3). One per session; not
 * thread-safe.
 */
public final class SocketPacketAssembler {

    private final int maxAttachments;
    private SocketPacket awaiting;
    private final List<byte[]> received = new ArrayList<>();

    public SocketPacketAssembler() {
        this(Integer.MAX_VALUE);
    }

    /** @param maxAttachments the most attachments a packet may announce (SIO5-20.5) */
    public SocketPacketAssembler(int maxAttachments) {
        this.maxAttachments = maxAttachments;
    }

    /**
     * @return the packet when it is whole, empty when it waits for attachments
     * @throws MalformedPacketException for a malformed packet, or text while attachments are
     *                                  still expected (SIO5-20.4)
     */
    public Optional<SocketPacket> acceptText(String text) {
        if (awaiting != null) {
            throw new MalformedPacketException("text message while " + (awaiting.attachments() - received.size())
                    + " attachments are still expected");
        }
        SocketPacket packet = SocketPacketCodec.decode(text, maxAttachments);
        if (!packet.type().isBinary()) {
            return Optional.of(packet);
        }
        awaiting = packet;
        return Optional.empty();
    }

    /**
     * @return the packet once its last attachment is in, empty before
     * @throws MalformedPacketException for binary when no attachment is expected, or a
     *                                  placeholder that numbers no attachment (SIO5-20.4)
     */
    public Optional<SocketPacket> acceptBinary(byte[] bytes) {
        if (awaiting == null) {
            throw new MalformedPacketException("binary message while no attachment is expected");
        }
        received.add(bytes.clone());
        if (received.size() < awaiting.attachments()) {
            return Optional.empty();
        }
        SocketPacket wirePacket = awaiting;
        List<byte[]> attachments = List.copyOf(received);
        awaiting = null;
        received.clear();
        return Optional.of(BinaryPlaceholders.reconstruct(wirePacket, attachments));
    }

    public boolean isAwaitingAttachments() {
        return awaiting != null;
    }
}
