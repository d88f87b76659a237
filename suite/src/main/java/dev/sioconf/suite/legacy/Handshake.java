package dev.sioconf.suite.legacy;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A handshake answer {@code sid:heartbeatTimeout:closeTimeout:transports}, read strictly. */
public record Handshake(String sid, String heartbeatTimeout, String closeTimeout, List<String> transports) {

    private static final Pattern FORMAT = Pattern.compile("([^:/\\s]+):([0-9.]*):([0-9.]*):([a-z-]+(?:,[a-z-]+)*)");

    public static Handshake parse(String body) {
        Matcher m = FORMAT.matcher(body);
        if (!m.matches()) {
            throw new AssertionError("handshake answer is not sid:heartbeat:close:transports\nActual: " + body);
        }
        return new Handshake(m.group(1), m.group(2), m.group(3), Arrays.asList(m.group(4).split(",")));
    }
}
