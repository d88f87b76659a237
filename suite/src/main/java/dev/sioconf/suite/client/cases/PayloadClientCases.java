package dev.sioconf.suite.client.cases;

import static dev.sioconf.suite.client.ClientTester.check;

import dev.sioconf.suite.client.ClientEvent;
import dev.sioconf.suite.client.ClientEvent.Kind;
import dev.sioconf.suite.client.ClientTester;
import dev.sioconf.suite.client.ClientTransport;
import dev.sioconf.suite.junit.ClientCase;
import dev.sioconf.suite.junit.Requirement;
import java.time.Duration;
import java.util.List;

/** spec/eio4-client.md section 9: the client's POSTs within the announced maxPayload. */
class PayloadClientCases {

    static final long MAX_PAYLOAD = 1000;
    /** Each POST is answered this late, so that the client's packets pile up while one is on its way. */
    static final Duration POST_DELAY = Duration.ofMillis(300);
    static final int COUNT = 8;
    static final int LENGTH = 300;

    @ClientCase(does = "Announces maxPayload 1000, answers each POST 300 ms late, asks for a burst of eight 300-character events and measures every POST.",
            transports = ClientTransport.POLLING, profiles = "eio4")
    @Requirement("EIO4C-9.1")
    void postsOfSeveralPacketsStayWithinMaxPayload(ClientTester t) {
        t.start(t.plain().withMaxPayload(MAX_PAYLOAD, POST_DELAY));
        String sid = t.connectAndHello();
        t.send(sid, "42[\"burst\"," + COUNT + "," + LENGTH + "]");
        for (int i = 1; i <= COUNT; i++) {
            t.awaitEvent(sid, "/", "bulk");
        }
        List<ClientEvent> over = t.events().stream()
                .filter(e -> e.kind() == Kind.POST_BODY && e.text().contains("\u001e") && e.length() > MAX_PAYLOAD).toList();
        check(over.isEmpty(), "a POST of several packets must not exceed maxPayload (" + MAX_PAYLOAD + " bytes)",
                "every POST of several packets at most " + MAX_PAYLOAD + " bytes",
                over.stream().map(e -> e.length() + " bytes in " + (e.text().split("\u001e").length) + " packets").toList());
    }
}
