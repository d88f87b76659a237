package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Connection;
import dev.sioconf.suite.legacy.Handshake;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import dev.sioconf.suite.target.DeclaredSettings;
import dev.sioconf.suite.wire.RawTcp;
import java.time.Duration;

/** spec/legacy.md section 1: the declared settings, the wire protocols spoken, and UTF-8. */
class GeneralCases {

    @Requirement("LEG-1.1")
    @LegacyCase(perTransport = false, does = "handshakes and compares the announced transports and timeouts with the declared settings")
    void handshakeAnnouncesTheDeclaredSettings(LegacyTester t) {
        DeclaredSettings declared = t.target().declared();
        Handshake h = t.handshake();
        Duration heartbeat = declared.heartbeatTimeout();
        assertThat(h.transports()).as("transports").containsExactlyElementsOf(declared.transports());
        assertThat(h.heartbeatTimeout()).as("heartbeat timeout").isEqualTo(heartbeat == null ? "" : HandshakeCases.seconds(heartbeat));
        assertThat(h.closeTimeout()).as("close timeout").isEqualTo(HandshakeCases.seconds(declared.closeTimeout()));
    }

    @Requirement("LEG-1.3")
    @LegacyCase(perTransport = false, does = "writes a plain HTTP/1.1 handshake request over a raw socket, asking the server to close after answering")
    void plainHttp11IsServedOnTheDeclaredAddress(LegacyTester t) {
        RawTcp.Exchange e = RawTcp.exchange(t.target().base(), "GET " + LegacyTester.RESOURCE + "?t=1 HTTP/1.1\r\nHost: "
                + t.target().base().getAuthority() + "\r\nConnection: close\r\n\r\n", Bounds.PROMPT, t.log());
        assertThat(e.received()).as("HTTP/1.1 answer").startsWith("HTTP/1.1 200");
    }

    @Requirement("LEG-1.3")
    @LegacyCase(transports = Transport.WEBSOCKET, does = "opens an RFC 6455 WebSocket (version 13) for a fresh session on the declared address")
    void rfc6455WebSocketIsServedOnTheDeclaredAddress(LegacyTester t) {
        Connection c = t.attach(Transport.WEBSOCKET, t.handshake().sid());
        c.inbox().assertNext("1::");
    }

    @Requirement("LEG-1.4")
    @LegacyCase(does = "sends a message and an echo event holding accented letters, CJK and an emoji outside the BMP")
    void nonAsciiTextComesBackUnchanged(LegacyTester t) {
        String text = "caf\u00e9 \u00fc\u00f1 \u4e2d\u6587 \uD83D\uDE00";
        Connection c = t.openSession();
        c.send("3:::" + text);
        c.inbox().assertNext("3:::" + text);
        c.send("5:::{\"name\":\"echo\",\"args\":[\"" + text + "\"]}");
        EncodingCases.assertJsonData(c.inbox().next(), "5:::", "{\"name\":\"echo\",\"args\":[\"" + text + "\"]}");
    }
}
