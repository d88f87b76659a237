package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import dev.sioconf.reports.ReportWriter;
import dev.sioconf.reports.Verdict;
import dev.sioconf.reports.WireEntry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A hand-made run: two targets, several transports, every verdict, and one hostile server. */
final class SampleRun {

    static final String SCRIPT = "<script>alert(1)</script>";
    static final String IMG = "\"><img src=x onerror=alert(1)>";
    static final String ALPHA = "alpha";
    /** A target name is user input too. */
    static final String BETA = "beta" + IMG;

    static final String FAILING_CASE = "SessionCases.messageWithAnIdIsAcknowledgedAutomatically";
    static final String FAILING_EXPECTED = "6:::1";
    static final String FAILING_ACTUAL = "6:::1" + SCRIPT + IMG;

    static final Instant DATE = Instant.parse("2025-03-01T12:00:00Z");

    private SampleRun() {
    }

    static Map<String, String> targets() {
        Map<String, String> targets = new LinkedHashMap<>();
        targets.put(ALPHA, "http://127.0.0.1:3000 transports=websocket,xhr-polling,jsonp-polling polling-duration=2");
        targets.put(BETA, "http://127.0.0.1:3001 transports=websocket,xhr-polling " + SCRIPT);
        return targets;
    }

    static List<CaseResult> results() {
        List<CaseResult> r = new ArrayList<>();
        for (String target : List.of(ALPHA, BETA)) {
            r.add(result("HandshakeCases.handshakeAnswersSidHeartbeatCloseAndTransports", "LEG-3.1", target, "-",
                    Verdict.PASS, handshakeWire()));
            r.add(result("FlashsocketCases.flashsocketIsOptional", "LEG-13.1", target, "-", Verdict.UNIMPLEMENTED, List.of()));
            r.add(result(FAILING_CASE, "LEG-6.3", target, "websocket", Verdict.PASS, handshakeWire()));
            // beta's is a miss, whose page draws the timeline; alpha's passes, and its page draws none
            r.add(result("PollingCases.emptyPollIsHeldForThePollingDurationThenAnsweredWithANoop", "LEG-9.1", target,
                    "xhr-polling", target.equals(ALPHA) ? Verdict.PASS : Verdict.NON_STRICT, heldPollWire()));
        }
        r.add(result(FAILING_CASE, "LEG-6.3", ALPHA, "xhr-polling", Verdict.PASS, handshakeWire()));
        r.add(new CaseResult(FAILING_CASE, "legacy", "LEG-6.3", "sends 5:1::{} " + SCRIPT, BETA, "xhr-polling",
                Verdict.FAIL, FAILING_EXPECTED, FAILING_ACTUAL, "expected: " + FAILING_EXPECTED + " but was: "
                + FAILING_ACTUAL, 1234, hostileWire()));
        r.add(result("HandshakeCases.sessionIdIsUrlSafe", "LEG-3.8", ALPHA, "-", Verdict.NON_STRICT, handshakeWire()));
        r.add(result("HeartbeatCases.heartbeatArrivesBeforeTheAnnouncedTimeout", "LEG-7.1", ALPHA, "websocket",
                Verdict.ERROR, List.of(new WireEntry(3, "!", "note", "connection refused"))));
        r.add(result("JsonpPollingCases.pollIsWrappedInTheCallbackOfTheRequestedIndex", "LEG-11.1", ALPHA,
                "jsonp-polling", Verdict.SKIPPED, List.of()));
        r.add(result("NotesCases.recordsSomething", "LEG-99.1", ALPHA, "-", Verdict.INFORMATIONAL, List.of()));
        return r;
    }

    static Path write(Path dir) throws IOException {
        return ReportWriter.write(dir, "legacy", targets(), results(), DATE, "0.0.0-test");
    }

    private static CaseResult result(String id, String requirement, String target, String transport, Verdict v,
                                     List<WireEntry> wire) {
        return new CaseResult(id, "legacy", requirement, "does " + id, target, transport, v, "", "",
                v == Verdict.PASS ? "" : v.name().toLowerCase(), 42, wire);
    }

    private static List<WireEntry> handshakeWire() {
        return List.of(new WireEntry(10, ">", "http", "GET /socket.io/1/?t=1 HTTP/1.1"),
                new WireEntry(25, "<", "http", "HTTP/1.1 200\ncontent-type: text/plain\n\nsid:60:60:websocket\n(after 15 ms)"));
    }

    private static List<WireEntry> heldPollWire() {
        return List.of(new WireEntry(0, ">", "http", "GET /socket.io/1/xhr-polling/sid HTTP/1.1"),
                new WireEntry(5, "<", "http", "HTTP/1.1 200\n\n1::\n(after 5 ms)"),
                new WireEntry(6, ">", "http", "GET /socket.io/1/xhr-polling/sid HTTP/1.1"),
                new WireEntry(2010, "<", "http", "HTTP/1.1 200\n\n8::\n(after 2004 ms)"));
    }

    /** What a hostile server sends back: markup in headers and body, and a NUL byte. */
    private static List<WireEntry> hostileWire() {
        return List.of(new WireEntry(0, ">", "http", "POST /socket.io/1/xhr-polling/sid HTTP/1.1\n\n5:1::{}"),
                new WireEntry(7, "<", "http", "HTTP/1.1 200\nX-Evil: " + IMG + "\n\n" + SCRIPT + "\u0000\n(after 7 ms)"),
                new WireEntry(8, "!", "note" + SCRIPT, "server said " + IMG));
    }
}
