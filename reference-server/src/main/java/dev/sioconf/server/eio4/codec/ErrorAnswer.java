package dev.sioconf.server.eio4.codec;

/** The refusals of section 6 and their JSON body {@code {"code":N,"message":"..."}}. */
public enum ErrorAnswer {
    TRANSPORT_UNKNOWN("Transport unknown"),
    SESSION_ID_UNKNOWN("Session ID unknown"),
    BAD_HANDSHAKE_METHOD("Bad handshake method"),
    BAD_REQUEST("Bad request"),
    FORBIDDEN("Forbidden"),
    UNSUPPORTED_PROTOCOL_VERSION("Unsupported protocol version");

    private final String message;

    ErrorAnswer(String message) {
        this.message = message;
    }

    public int code() {
        return ordinal();
    }

    public String message() {
        return message;
    }

    /** 403 for an authorization refusal, 400 for the rest (EIO4-6.1). */
    public int httpStatus() {
        return this == FORBIDDEN ? 403 : 400;
    }

    public String body() {
        return body(message);
    }

    /** The body with a message of the deployment's own, as an authorization hook may give (EIO4-6.8). */
    public String body(String customMessage) {
        return "{\"code\":" + code() + ",\"message\":" + JsonText.quote(customMessage) + "}";
    }

    public static ErrorAnswer ofCode(int code) {
        ErrorAnswer[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("no error answer has code " + code);
        }
        return all[code];
    }
}
