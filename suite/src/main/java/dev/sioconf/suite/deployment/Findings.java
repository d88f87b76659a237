package dev.sioconf.suite.deployment;

import dev.sioconf.suite.junit.ProgressLines;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opentest4j.AssertionFailedError;

/**
 * What the deployment cases of every profile say when they fail: what was found and, after the
 * colon, what to change, in words; and the failure that carries a finding.
 */
public final class Findings {

    public static final String NO_WEBSOCKET = "the front end does not carry WebSocket: offer polling only, as the web-role setup does";
    public static final String NOT_STICKY = "requests of one session reach a server that does not hold it: the nodes behind the front "
            + "end need sticky sessions";
    public static final String POLL_CUT = "the front end ended a held poll before the server answered it: its read timeout must be "
            + "longer than pingInterval";
    public static final String POLL_CUT_LEGACY = "the front end ended a held poll before the server answered it: its read timeout "
            + "must be longer than the polling duration";
    public static final String STREAM_HELD = "the front end holds the htmlfile stream back (it compresses or buffers streamed "
            + "answers): turn compression and buffering off for the socket.io path, or offer htmlfile no more";
    public static final String NOT_SHARED = "a broadcast did not reach sockets that other nodes hold: the nodes do not share events, "
            + "they need an adapter (such as @socket.io/redis-adapter)";

    private Findings() {
    }

    /** The finding in the message, what was seen as Actual: the console and the report show both. */
    public static AssertionFailedError failure(String finding, String expected, String actual) {
        return new AssertionFailedError(ProgressLines.FINDING + finding, expected, actual);
    }

    /** An HTTP answer in a line: its status line and, when short, its body; an HTML body by its title or first heading. */
    public static String firstLine(String text) {
        Matcher title = Pattern.compile("<(?:title|h1)>([^<]*)</").matcher(text); // nginx's error pages, HAProxy's
        if (title.find()) {
            return title.group(1).strip();
        }
        String line = text.strip().lines().findFirst().orElse("");
        int body = text.indexOf("\r\n\r\n");
        if (line.startsWith("HTTP/") && body > 0 && text.length() - body - 4 <= 200) {
            return line + " " + text.substring(body + 4).strip();
        }
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
