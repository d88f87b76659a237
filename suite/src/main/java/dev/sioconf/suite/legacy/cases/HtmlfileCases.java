package dev.sioconf.suite.legacy.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.junit.LegacyCase;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.legacy.Bounds;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** spec/legacy.md section 12: htmlfile. */
class HtmlfileCases {

    static final String OPENING = "<html><body><script>var _ = function (msg) { parent.s._(msg, document); };</script>";

    @Requirement("LEG-12.2")
    @LegacyCase(transports = Transport.HTMLFILE, does = "opens the htmlfile stream and reads the head and the first chunk")
    void streamOpensWithAnHtmlBodyThatHandsMessagesToTheParent(LegacyTester t) throws Exception {
        HttpResponse<InputStream> r = t.openHtmlfile(t.handshake().sid());
        try (InputStream body = r.body()) {
            assertThat(r.headers().firstValue("content-type")).hasValue("text/html; charset=UTF-8");
            assertThat(read(body, OPENING.length())).isEqualTo(OPENING);
        }
    }

    @Requirement("LEG-12.3")
    @LegacyCase(transports = Transport.HTMLFILE, does = "reads the first chunk and counts the spaces after the script")
    void openingIsPaddedForOldBrowsers(LegacyTester t) throws Exception {
        HttpResponse<InputStream> r = t.openHtmlfile(t.handshake().sid());
        try (InputStream body = r.body()) {
            read(body, OPENING.length());
            assertThat(read(body, 173)).isEqualTo(" ".repeat(173));
        }
    }

    @Requirement("LEG-12.4")
    @LegacyCase(transports = Transport.HTMLFILE, does = "reads the script after the opening, then POSTs a message with a slash")
    void eachPacketIsAScriptCallWithSlashesEscaped(LegacyTester t) throws Exception {
        String sid = t.handshake().sid();
        HttpResponse<InputStream> r = t.openHtmlfile(sid);
        try (InputStream body = r.body()) {
            read(body, OPENING.length() + 173);
            assertThat(read(body, "<script>_(\"1::\");</script>".length())).isEqualTo("<script>_(\"1::\");</script>");
            t.postPayload(Transport.HTMLFILE, sid, "3:::</script>");
            String expected = "<script>_(\"3:::<\\/script>\");</script>";
            assertThat(read(body, expected.length())).isEqualTo(expected);
        }
    }

    /** Reads exactly {@code chars} ASCII characters, bounded in time. */
    static String read(InputStream in, int chars) throws Exception {
        CompletableFuture<byte[]> bytes = CompletableFuture.supplyAsync(() -> {
            try {
                return in.readNBytes(chars);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        try {
            return new String(bytes.get(Bounds.PROMPT.toMillis(), TimeUnit.MILLISECONDS), StandardCharsets.UTF_8);
        } catch (java.util.concurrent.TimeoutException e) {
            in.close();
            throw new dev.sioconf.suite.wire.TargetMisbehaved("fewer than " + chars + " characters within " + Bounds.PROMPT.toMillis() + " ms");
        }
    }
}
