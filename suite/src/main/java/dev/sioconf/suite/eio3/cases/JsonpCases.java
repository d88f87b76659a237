package dev.sioconf.suite.eio3.cases;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.reports.Unimplemented;
import dev.sioconf.suite.eio3.Eio3Codec;
import dev.sioconf.suite.eio3.Sio4Packets;
import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineConnection;
import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.junit.Eio3Case;
import dev.sioconf.suite.junit.Requirement;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.JsStrings;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** spec/eio3.md section 9: JSONP polling. Run only on targets that declare JSONP. */
class JsonpCases {

    static final Pattern ANSWER = Pattern.compile("___eio\\[(\\d*)\\]\\((\"[\\s\\S]*\")\\);");

    /** The text payload inside a JSONP answer {@code ___eio[N]("...");}. */
    static String payloadOf(HttpAnswer a) {
        assertThat(a.status()).as("status (body %s)", a.body()).isEqualTo(200);
        Matcher m = ANSWER.matcher(a.body());
        assertThat(m.matches()).as("body %s is ___eio[N](\"...\");", a.body()).isTrue();
        return JsStrings.unquote(m.group(2));
    }

    /** A JSONP handshake at the protocol path with {@code j=index}; the session id. */
    static String jsonpSession(EngineTester t, String index) {
        HttpAnswer h = t.get(t.eio() + "&transport=polling&j=" + index);
        return OpenPacket.parse(Eio3Codec.split(payloadOf(h)).get(0)).sid();
    }

    /** A JSONP POST of a text payload, as the form engine.io-client writes it. */
    static HttpAnswer jsonpPost(EngineTester t, String sid, String index, String payload) {
        return t.request("POST", t.path(), t.eio() + "&transport=polling&j=" + index + "&sid=" + sid,
                "application/x-www-form-urlencoded", Eio4Codec.jsonpForm(payload));
    }

    @Requirement("EIO3-9.1")
    @Eio3Case(perTransport = false, does = "looks for JSONP among the declared settings")
    void jsonpIsOptional(EngineTester t) {
        if (!t.settings().jsonp() || !t.settings().offers("polling")) {
            throw new Unimplemented("JSONP polling is not declared");
        }
    }

    @Requirement("EIO3-9.2")
    @Eio3Case(transports = EngineTransport.POLLING_JSONP,
            does = "handshakes with j=0, POSTs the ping 1:2 as a form and polls with j=0")
    void jsonpAnswersCallTheNumberedCallbackWithTheStringPayload(EngineTester t) {
        HttpAnswer h = t.get(t.eio() + "&transport=polling&j=0");
        String payload = payloadOf(h);
        List<String> packets = Eio3Codec.split(payload);
        OpenPacket open = OpenPacket.parse(packets.get(0));
        assertThat(h.body()).as("handshake body").isEqualTo(Eio4Codec.jsonpAnswer("0", payload));
        assertThat(h.header("Content-Type").orElse("(none)").toLowerCase()).as("Content-Type of the handshake")
                .matches("(text/plain|text/javascript|application/javascript); ?charset=utf-8");
        EngineTester.assertAnswer(jsonpPost(t, open.sid(), "0", "1:2"), 200, "ok");
        HttpAnswer poll = t.poll(t.path(), open.sid(), "j=0");
        EngineTester.assertAnswer(poll, 200, "___eio[0](\"1:3\");");
        assertThat(poll.header("Content-Type").orElse("(none)").toLowerCase()).as("Content-Type of the poll")
                .matches("(text/plain|text/javascript|application/javascript); ?charset=utf-8");
    }

    @Requirement("EIO3-9.2")
    @Eio3Case(transports = EngineTransport.POLLING_JSONP,
            does = "emits echo with the argument a\\u2028b\\u2029c in a JSONP session and reads the poll answer's text")
    void lineAndParagraphSeparatorsAreEscaped(EngineTester t) {
        String sid = jsonpSession(t, "0");
        EngineTester.assertAnswer(jsonpPost(t, sid, "0", Eio3Codec.payload("42[\"echo\",\"a\u2028b\u2029c\"]")), 200, "ok");
        HttpAnswer a = t.poll(t.path(), sid, "j=0");
        assertThat(a.body()).as("JSONP answer").doesNotContain("\u2028").doesNotContain("\u2029");
        // the echo's JSON may keep the two characters or escape them itself; either way the same event comes back
        assertThat(Eio3Codec.split(payloadOf(a)).stream().map(p -> p.replace("\\u2028", "\u2028").replace("\\u2029", "\u2029")))
                .as("packets of the answer").containsExactly("42[\"echo\",\"a\u2028b\u2029c\"]");
    }

    @Requirement("EIO3-9.3")
    @Eio3Case(transports = EngineTransport.POLLING_JSONP,
            does = "handshakes with j=1x2, POSTs the ping and polls with j=5")
    void callbackIndexIsTheHandshakesDigits(EngineTester t) {
        HttpAnswer h = t.get(t.eio() + "&transport=polling&j=1x2");
        assertThat(h.body()).as("handshake answer").startsWith("___eio[12](");
        String sid = OpenPacket.parse(Eio3Codec.split(payloadOf(h)).get(0)).sid();
        EngineTester.assertAnswer(jsonpPost(t, sid, "5", "1:2"), 200, "ok");
        EngineTester.assertAnswer(t.poll(t.path(), sid, "j=5"), 200, "___eio[12](\"1:3\");");
    }

    @Requirement("EIO3-9.4")
    @Eio3Case(transports = EngineTransport.POLLING_JSONP,
            does = "POSTs as form field d the event 42[\"echo\",<LF>\"a\\nb\",\"c\\\\nd\"] (a line feed between tokens,"
                    + " JSON escapes in the strings) escaped as engine.io-client does, and reads the echo")
    void jsonpPostIsAFormWhoseEscapedLineFeedsAreRestored(EngineTester t) {
        EngineConnection c = Sio4Packets.joined(t);
        String packet = "42[\"echo\",\n\"a\\nb\",\"c\\\\nd\"]";
        EngineTester.assertAnswer(c.post(Eio3Codec.payload(packet)), 200, "ok");
        c.inbox().assertNextSio("2[\"echo\",\"a\\nb\",\"c\\\\nd\"]");
    }
}
