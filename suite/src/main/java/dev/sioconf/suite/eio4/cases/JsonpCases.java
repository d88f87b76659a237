package dev.sioconf.suite.eio4.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio4Case;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.JsStrings;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** spec/eio4.md section 8: JSONP polling. Run only on targets that declare JSONP. */
class JsonpCases {

    static final Pattern ANSWER = Pattern.compile("___eio\\[(\\d*)\\]\\((\"[\\s\\S]*\")\\);");

    @Requirement("EIO4-8.1")
    @Eio4Case(perTransport = false, does = "looks for JSONP among the declared settings")
    void jsonpIsOptional(EngineTester t) {
        if (!t.settings().jsonp() || !t.settings().offers("polling")) {
            throw new Unimplemented("JSONP polling is not declared");
        }
    }

    @Requirement("EIO4-8.2")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP,
            does = "handshakes with j=0, then polls with j=0 until the ping comes")
    void jsonpAnswersCallTheNumberedCallbackWithTheStringPayload(EngineTester t) {
        HttpAnswer h = t.get("EIO=4&transport=polling&j=0");
        assertThat(h.status()).as("handshake status").isEqualTo(200);
        Matcher m = ANSWER.matcher(h.body());
        assertThat(m.matches()).as("handshake body %s is ___eio[0](\"...\");", h.body()).isTrue();
        assertThat(m.group(1)).as("callback index").isEqualTo("0");
        OpenPacket open = OpenPacket.parse(JsStrings.unquote(m.group(2)));
        assertThat(h.body()).isEqualTo(Eio4Codec.jsonpAnswer("0", open.packet()));
        HttpAnswer poll = t.poll(t.path(), open.sid(), "j=0");
        EngineTester.assertAnswer(poll, 200, "___eio[0](\"2\");");
    }

    @Requirement("EIO4-8.3")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP,
            does = "at the echo path sends 4a\\u2028b\\u2029c and reads the JSONP answer's text")
    void lineAndParagraphSeparatorsAreEscaped(EngineTester t) {
        String sid = jsonpSession(t, t.echoPath(), "0");
        EngineTester.assertAnswer(t.request("POST", t.echoPath(), "EIO=4&transport=polling&j=0&sid=" + sid,
                "application/x-www-form-urlencoded", Eio4Codec.jsonpForm("4a\u2028b\u2029c")), 200, "ok");
        HttpAnswer a = t.poll(t.echoPath(), sid, "j=0");
        assertThat(a.body()).as("JSONP answer").doesNotContain("\u2028").doesNotContain("\u2029")
                .contains("4a\\u2028b\\u2029c");
    }

    @Requirement("EIO4-8.4")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP, does = "handshakes with j=0 and reads the media type")
    void jsonpMediaTypeIsTextPlainOrJavascriptInUtf8(EngineTester t) {
        String type = t.get("EIO=4&transport=polling&j=0").header("Content-Type").orElse("(none)").toLowerCase();
        assertThat(type).as("Content-Type").matches("(text/plain|text/javascript|application/javascript); ?charset=utf-8");
    }

    @Requirement("EIO4-8.5")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP, does = "handshakes with j=3 and polls with j=3")
    void callbackIndexIsTheHandshakes(EngineTester t) {
        String sid = jsonpSession(t, t.path(), "3");
        assertThat(t.poll(t.path(), sid, "j=3").body()).as("poll answer").startsWith("___eio[3](");
    }

    @Requirement("EIO4-8.6")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP, does = "handshakes with j=1a2")
    void nonDigitsOfTheIndexAreDropped(EngineTester t) {
        assertThat(t.get("EIO=4&transport=polling&j=1a2").body()).as("handshake answer").startsWith("___eio[12](");
    }

    @Requirement("EIO4-8.7")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP,
            does = "at the echo path POSTs the form d=4hello%1E4world and reads the echoes")
    void jsonpPostIsAFormWithFieldD(EngineTester t) {
        EngineConnection c = t.openEcho();
        HttpAnswer a = c.post("4hello" + Eio4Codec.SEP + "4world");
        EngineTester.assertAnswer(a, 200, "ok");
        c.inbox().assertNext("4hello", "4world");
    }

    @Requirement("EIO4-8.8")
    @Eio4Case(transports = EngineTransport.POLLING_JSONP,
            does = "at the echo path POSTs a message holding a line feed and a backslash-n, escaped as a client does")
    void escapedLineFeedsOfFieldDAreRestored(EngineTester t) {
        EngineConnection c = t.openEcho();
        c.send("4a\nb\\nc");
        c.inbox().assertNext("4a\nb\\nc");
    }

    static String jsonpSession(EngineTester t, String path, String index) {
        HttpAnswer h = t.request("GET", path, "EIO=4&transport=polling&j=" + index, null, null);
        Matcher m = ANSWER.matcher(h.body());
        assertThat(m.matches()).as("handshake body %s", h.body()).isTrue();
        return OpenPacket.parse(JsStrings.unquote(m.group(2))).sid();
    }
}
