package dev.sioconf.suite.client;

/**
 * One thing the client did at the tester server, in the order it came.
 *
 * @param sid       the Engine.IO session it belongs to, or empty before one exists
 * @param transport {@code polling} or {@code websocket}
 * @param text      the packet or request, as text; for a binary packet its bytes in hex
 * @param bytes     a binary packet's bytes, or a POST's body; else null
 * @param atMillis  milliseconds since the case began
 */
public record ClientEvent(Kind kind, String sid, String transport, String text, byte[] bytes, long atMillis) {

    public enum Kind {
        /** Any HTTP request, WebSocket requests too: the text is its request line; sid as its query names it. */
        REQUEST,
        /** A GET without sid: the text is the request's query. */
        HANDSHAKE,
        /** An Engine.IO packet the client sent, text or binary. */
        PACKET,
        /** A POST's whole body: the text is the body as UTF-8, the bytes are the body, {@link #length()} its length. */
        POST_BODY,
        /** A WebSocket request naming a session, switched to the WebSocket protocol. */
        WEBSOCKET_OPENED,
        /** A WebSocket request the tester refused with HTTP 400. */
        WEBSOCKET_REFUSED,
        /** revision 1: the client opened its transport on the session, and the tester connected it with {@code 1::}. */
        OPENED,
        /** The client's {@code 5} ended the upgrade. */
        UPGRADED,
        /** Not the client's doing: the tester sent a ping on the session. */
        PING_SENT
    }

    /** The query of a request or handshake: of its request line, or the text itself when that is the query. */
    public java.util.Map<String, String> query() {
        String target = text.contains(" ") ? text.split(" ")[1] : text;
        return TesterHttp.query(target.contains("?") ? target.substring(target.indexOf('?') + 1) : target);
    }

    /** A binary packet (a POST body is neither binary nor text packet). */
    public boolean binary() {
        return kind == Kind.PACKET && bytes != null;
    }

    public int length() {
        return bytes != null ? bytes.length : text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    @Override
    public String toString() {
        return kind + (sid.isEmpty() ? "" : " sid=" + sid) + " " + transport + " " + text + " at " + atMillis + " ms";
    }
}
