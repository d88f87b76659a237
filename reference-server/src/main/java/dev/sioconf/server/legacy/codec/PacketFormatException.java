package dev.sioconf.server.legacy.codec;

/** Text that is not a packet or payload of protocol revision 1. */
public final class PacketFormatException extends RuntimeException {
    public PacketFormatException(String message) {
        super(message);
    }
}
