package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.junit.TargetTrait;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.Handshake;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.wire.Http;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * spec/legacy.md section 15: origins. The Origin and Referer values the cases send are built from
 * the target's declared list, one that some entry matches and one that none does.
 */
class OriginCases {

    @Requirement("LEG-15.1")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_OPEN,
            does = "handshakes with an Origin, with only a Referer, and with neither")
    void anyOriginIsAcceptedWhenAllAreDeclared(LegacyTester t) {
        assertThat(handsOutASession(t.handshakeAnswer("", "Origin", "http://anywhere.example:1234")))
                .as("handshake with an Origin header").isTrue();
        assertThat(handsOutASession(t.handshakeAnswer("", "Referer", "http://elsewhere.example/page.html")))
                .as("handshake with only a Referer header").isTrue();
        assertThat(handsOutASession(t.handshakeAnswer(""))).as("handshake with neither header").isTrue();
    }

    @Requirement("LEG-15.2")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with an Origin a declared entry matches, then with one that no entry matches")
    void originIsCheckedAgainstTheDeclaredList(LegacyTester t) {
        List<String> origins = t.target().declared().origins();
        String accepted = acceptedOrigin(origins);
        String refused = refusedOrigin(origins);
        assertThat(handsOutASession(t.handshakeAnswer("", "Origin", accepted))).as("handshake with Origin %s", accepted).isTrue();
        assertThat(handsOutASession(t.handshakeAnswer("", "Origin", refused))).as("handshake with Origin %s", refused).isFalse();
    }

    @Requirement("LEG-15.2")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with only a Referer a declared entry matches, with only one no entry matches, and with a matching Origin beside a Referer that does not match")
    void refererIsCheckedOnlyWhenThereIsNoOrigin(LegacyTester t) {
        List<String> origins = t.target().declared().origins();
        String accepted = acceptedOrigin(origins) + "/page.html";
        String refused = refusedOrigin(origins) + "/page.html";
        assertThat(handsOutASession(t.handshakeAnswer("", "Referer", accepted))).as("handshake with Referer %s", accepted).isTrue();
        assertThat(handsOutASession(t.handshakeAnswer("", "Referer", refused))).as("handshake with Referer %s", refused).isFalse();
        assertThat(handsOutASession(t.handshakeAnswer("", "Origin", acceptedOrigin(origins), "Referer", refused)))
                .as("handshake with Origin %s and Referer %s", acceptedOrigin(origins), refused).isTrue();
    }

    @Requirement("LEG-15.2")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED, does = "handshakes with neither Origin nor Referer")
    void handshakeWithNeitherOriginNorRefererIsRefused(LegacyTester t) {
        assertThat(handsOutASession(t.handshakeAnswer(""))).as("handshake without Origin or Referer").isFalse();
    }

    @Requirement("LEG-15.2")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with Origins that name no port, for a declared host and for an undeclared one, expecting what port 80 gets")
    void originWithoutAPortIsTakenAsPort80(LegacyTester t) {
        List<String> origins = t.target().declared().origins();
        for (String host : List.of(host(acceptedOrigin(origins)), host(refusedOrigin(origins)))) {
            String origin = "http://" + host;
            assertThat(handsOutASession(t.handshakeAnswer("", "Origin", origin)))
                    .as("handshake with Origin %s, which counts as %s:80 against %s", origin, host, origins)
                    .isEqualTo(allows(origins, host, 80));
        }
    }

    @Requirement("LEG-15.3")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with an Origin that no declared entry matches")
    void refusedHandshakeIsAnswered403WithoutCors(LegacyTester t) {
        HttpAnswer a = t.handshakeAnswer("", "Origin", refusedOrigin(t.target().declared().origins()));
        LegacyTester.assertAnswer(a, 403, "handshake bad origin");
        assertThat(a.header("content-type").map(v -> v.split(";")[0].trim())).as("media type").hasValue("text/plain");
        assertThat(a.header("access-control-allow-origin")).as("Access-Control-Allow-Origin").isEmpty();
    }

    @Requirement("LEG-15.3")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with jsonp=4 and an Origin that no declared entry matches")
    void refusedJsonpHandshakeCallsBackWithAnErrorWithoutCors(LegacyTester t) {
        HttpAnswer a = t.handshakeAnswer("jsonp=4", "Origin", refusedOrigin(t.target().declared().origins()));
        LegacyTester.assertAnswer(a, 200, "io.j[4](new Error(\"handshake bad origin\"));");
        assertThat(a.header("access-control-allow-origin")).as("Access-Control-Allow-Origin").isEmpty();
    }

    @Requirement("LEG-15.4")
    @LegacyCase(perTransport = false, onlyIf = TargetTrait.ORIGINS_RESTRICTED,
            does = "handshakes with a matching Origin, then sends a WebSocket upgrade for that session with an Origin no entry matches")
    void websocketUpgradeFromARefusedOriginGetsNo101(LegacyTester t) {
        List<String> origins = t.target().declared().origins();
        HttpAnswer h = t.handshakeAnswer("", "Origin", acceptedOrigin(origins));
        assertThat(h.status()).as("handshake with a matching Origin").isEqualTo(200);
        String sid = Handshake.parse(h.body()).sid();
        String head = upgradeHead(t, sid, refusedOrigin(origins));
        assertThat(head).as("answer to the upgrade from a refused origin").doesNotStartWith("HTTP/1.1 101");
    }

    /** Whether the answer is a successful plain handshake. */
    static boolean handsOutASession(HttpAnswer a) {
        if (a.status() != 200) {
            return false;
        }
        try {
            Handshake.parse(a.body());
            return true;
        } catch (AssertionError notAHandshake) {
            return false;
        }
    }

    /** An origin the first declared entry matches, a stand-in taking the place of each {@code *}. */
    static String acceptedOrigin(List<String> origins) {
        String entry = origins.get(0);
        int colon = entry.lastIndexOf(':');
        String host = entry.substring(0, colon);
        String port = entry.substring(colon + 1);
        return "http://" + (host.equals("*") ? "any.example" : host) + ":" + (port.equals("*") ? "8080" : port);
    }

    /** An origin whose host and port no declared entry names. */
    static String refusedOrigin(List<String> origins) {
        Set<String> hosts = origins.stream().map(o -> o.substring(0, o.lastIndexOf(':'))).collect(Collectors.toSet());
        Set<String> ports = origins.stream().map(o -> o.substring(o.lastIndexOf(':') + 1)).collect(Collectors.toSet());
        String host = "refused.invalid";
        for (int i = 2; hosts.contains(host); i++) {
            host = "refused" + i + ".invalid";
        }
        int port = 7;
        while (ports.contains(String.valueOf(port)) || port == 80) {
            port++;
        }
        return "http://" + host + ":" + port;
    }

    /** The rule of LEG-15.2 for one host and port. */
    static boolean allows(List<String> origins, String host, int port) {
        return origins.contains("*:*") || origins.contains(host + ":" + port) || origins.contains(host + ":*")
                || origins.contains("*:" + port);
    }

    static String host(String origin) {
        return URI.create(origin).getHost();
    }

    /**
     * Sends a version-13 upgrade with the given Origin over a plain socket and returns the answer's
     * head, or what came before the server closed; empty when it closed without a word.
     */
    static String upgradeHead(LegacyTester t, String sid, String origin) {
        URI base = t.target().base();
        String request = "GET " + LegacyTester.RESOURCE + "websocket/" + sid + " HTTP/1.1\r\n"
                + "Host: " + base.getHost() + ":" + base.getPort() + "\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                + "Origin: " + origin + "\r\n\r\n";
        t.log().sent("tcp", request);
        long deadline = System.nanoTime() + Bounds.PROMPT.toNanos();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), (int) Http.CONNECT_TIMEOUT.toMillis());
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            ByteArrayOutputStream got = new ByteArrayOutputStream();
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[1024];
            String why = "(connection closed by the server)";
            while (!got.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                long left = (deadline - System.nanoTime()) / 1_000_000;
                if (left <= 0) {
                    why = "(no complete answer head within " + Bounds.PROMPT.toMillis() + " ms)";
                    break;
                }
                socket.setSoTimeout((int) left);
                int n;
                try {
                    n = in.read(buffer);
                } catch (SocketTimeoutException e) {
                    continue;
                } catch (IOException reset) {
                    n = -1;
                }
                if (n < 0) {
                    break;
                }
                got.write(buffer, 0, n);
            }
            String text = got.toString(StandardCharsets.ISO_8859_1);
            int end = text.indexOf("\r\n\r\n");
            String head = end < 0 ? text : text.substring(0, end);
            t.log().received("tcp", head.isEmpty() ? "(nothing) " + why : head);
            return head;
        } catch (IOException e) {
            throw new TargetMisbehaved("could not reach " + base + ": " + e.getMessage(), e);
        }
    }
}
