package dev.sioconf.server.legacy.codec;

import dev.sioconf.server.json.JsonString;

/**
 * The htmlfile stream: an opening chunk that defines {@code _} to hand messages to the parent
 * frame, padded with spaces so old browsers start rendering, then one script chunk per packet.
 */
public final class HtmlfileFraming {

    public static final int PADDING = 173;

    public static final String OPENING = "<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>"
            + " ".repeat(PADDING);

    private HtmlfileFraming() {
    }

    /**
     * A packet as a script chunk; every {@code /} is escaped so no packet can close the script
     * early, and {@code <!--} too: inside a script it switches the HTML parser to states where a
     * later {@code <script} makes the chunk's own {@code </script>} close nothing, so every
     * following chunk would be swallowed.
     */
    public static String script(String packet) {
        return "<script>_(" + JsonString.quote(packet).replace("/", "\\/").replace("<!--", "\\u003c!--")
                + ");</script>";
    }
}
