package dev.sioconf.suite.legacy.cases;

import dev.sioconf.suite.wire.JsStrings;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.legacy.WirePackets;
import dev.sioconf.suite.wire.HttpAnswer;

/** Reading raw poll answers the same way on both polling transports. */
final class Polls {

    private Polls() {
    }

    /** The payload of a poll answer: the body for xhr-polling, the unwrapped string for jsonp-polling. */
    static String payload(Transport transport, HttpAnswer a) {
        assertThat(a.status()).as("poll status").isEqualTo(200);
        if (transport != Transport.JSONP_POLLING) {
            return a.body();
        }
        assertThat(a.body()).as("jsonp poll answer").matches("io\\.j\\[0\\]\\(\"[\\s\\S]*\"\\);");
        return JsStrings.unquote(a.body().substring("io.j[0](".length(), a.body().length() - 2));
    }
}
