package dev.sioconf.suite.legacy;

import dev.sioconf.suite.wire.JsStrings;
import dev.sioconf.suite.wire.HttpAnswer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** xhr-polling or jsonp-polling: a thread that polls again as soon as each poll is answered. */
final class PollingConnection extends Connection {

    private static final Pattern JSONP = Pattern.compile("io\\.j\\[(\\d+)\\]\\((\"[\\s\\S]*\")\\);");

    private volatile boolean stopped;
    private final Thread poller;

    PollingConnection(LegacyTester tester, String sid, Transport transport) {
        super(tester, sid, transport);
        poller = new Thread(this::pollLoop, "sioconf-poll-" + sid);
        poller.setDaemon(true);
        poller.start();
    }

    private void pollLoop() {
        try {
            while (!stopped) {
                HttpAnswer answer = tester.poll(transport, sid);
                if (stopped) {
                    return;
                }
                if (answer.status() != 200) {
                    ended("poll answered HTTP " + answer.status());
                    return;
                }
                received(unwrap(answer.body()));
                if (inbox().closedBecause() != null) {
                    return;
                }
            }
        } catch (AssertionError e) {
            ended(e.getMessage());
        }
    }

    /** The payload of a poll answer; jsonp bodies are unwrapped from their callback. */
    String unwrap(String body) {
        if (transport != Transport.JSONP_POLLING) {
            return body;
        }
        Matcher m = JSONP.matcher(body);
        if (!m.matches()) {
            throw new AssertionError("jsonp poll answer is not io.j[N](\"...\");\nActual: " + body);
        }
        return JsStrings.unquote(m.group(2));
    }

    @Override
    public void sendPayload(String payload) {
        tester.postPayload(transport, sid, payload);
    }

    @Override
    public void abandon() {
        stopped = true;
    }
}
