package dev.sioconf.server.eio4.codec;

/**
 * Input that is not an Engine.IO 4 packet or payload, or not a Socket.IO 5 packet. The server
 * answers it by ending the session (EIO4-4.5, SIO5-22), so the message only has to say why.
 */
public final class MalformedPacketException extends RuntimeException {

    public MalformedPacketException(String message) {
        super(message);
    }

    public MalformedPacketException(String message, Throwable cause) {
        super(message, cause);
    }

    public static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "...";
    }
}
