package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.time.Duration;
import java.util.List;

/**
 * The web-role deployment: websocket cannot pass the front end, so the server offers xhr-polling
 * alone and closes polls early. A client that prefers websocket must still get going at once.
 */
class WebsocketDisabledCases {

    @Requirement("LEG-3.5")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.WEBSOCKET_DISABLED, does = "handshakes")
    void handshakeDoesNotOfferWebsocket(LegacyTester t) {
        assertThat(t.handshake().transports()).doesNotContain("websocket").contains("xhr-polling");
    }

    @Requirement("LEG-2.7")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.WEBSOCKET_DISABLED, does = "opens a websocket for a live session")
    void websocketRequestIsRefused(LegacyTester t) {
        String sid = t.handshake().sid();
        assertThatThrownBy(() -> t.openWebSocket(sid).close()).as("websocket upgrade").isInstanceOf(TargetMisbehaved.class);
    }

    @Requirement("LEG-6.1")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.WEBSOCKET_DISABLED,
            does = "acts as a client preferring websocket then xhr-polling: handshakes, takes the first transport both support, and times the connect")
    void clientPreferringWebsocketGetsAWorkingXhrSessionAtOnce(LegacyTester t) {
        List<String> clientSupports = List.of("websocket", "xhr-polling");
        var h = t.handshake();
        String chosen = h.transports().stream().filter(clientSupports::contains).findFirst().orElseThrow(
                () -> new AssertionError("no transport in common with a websocket/xhr-polling client: " + h.transports()));
        assertThat(chosen).isEqualTo("xhr-polling");
        HttpAnswer first = t.poll(Transport.XHR_POLLING, h.sid());
        assertThat(first.body()).isEqualTo("1::");
        Duration prompt = t.bounds().pollingDuration().dividedBy(2);
        assertThat(first.elapsed()).as("time to the connect packet").isLessThan(prompt);
        var c = t.attach(Transport.XHR_POLLING, h.sid());
        c.send("5:::{\"name\":\"sendMessage\"}");
        c.inbox().assertNext("5:::{\"name\":\"helloBack\",\"args\":[{\"message\":\"Hello back!\"}]}");
    }
}
