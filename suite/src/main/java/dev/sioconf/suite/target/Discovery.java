package dev.sioconf.suite.target;

import dev.sioconf.suite.eio4.Eio4Codec;
import dev.sioconf.suite.engine.EngineRevision;
import dev.sioconf.suite.engine.OpenPacket;
import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.wire.Http;
import dev.sioconf.suite.wire.HttpAnswer;
import dev.sioconf.suite.wire.TargetMisbehaved;
import dev.sioconf.suite.wire.WebSocketWire;
import dev.sioconf.suite.wire.WireLog;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads, from a server's own handshakes, which profile it speaks and what it announces (ping
 * timings, payload limit, upgrades; legacy heartbeat and close timeouts and transports), so that a
 * server can be checked without its settings being typed in. What it finds is given back as the
 * {@code sioconf.*} keys a user would have declared; explicit options go on top of them. A value
 * the server announces but does not honour still fails the cases that time it.
 */
public final class Discovery {

    /** Each probe's bound: a live server answers a handshake at once. */
    public static final Duration BOUND = Duration.ofSeconds(5);
    /** A probe keeps this much of an answer: a handshake is a few hundred bytes, and an endless body must not hold discovery. */
    static final long MAX_ANSWER = 64 * 1024;
    /** An origin no deployment allows, to see whether the server answers CORS for any origin. */
    static final String PROBE_ORIGIN = "http://sioconf-probe.invalid";

    private static final Pattern LEGACY_HANDSHAKE = Pattern.compile("([^:\\s]+):(\\d*):(\\d*):([a-z,-]+)");
    private static final Pattern EIO3_FRAMED_OPEN = Pattern.compile("\\d+:0\\{.*", Pattern.DOTALL);

    /**
     * What discovery found.
     *
     * @param profile   legacy, eio3 or eio4
     * @param evidence  the handshake answer that told the profile, as received
     * @param announced the settings read off the server, as {@code sioconf.*} keys and values
     * @param assumed   the settings a server does not announce, with the defaults the run assumes
     * @param also      the other profiles the same server answers
     * @param notes     what else a user should know (e.g. a CORS origin reflected)
     */
    public record Found(String profile, String evidence, Map<String, String> announced, Map<String, String> assumed,
            List<String> also, List<String> notes) {
    }

    /** No socket.io endpoint answered as the profile wanted, or nothing answered at all: the run cannot start. */
    public static final class NotFound extends RuntimeException {
        public NotFound(String message) {
            super(message);
        }
    }

    private final URI base;
    private final String path;
    private final WireLog log = new WireLog();
    private final Http http = new Http(log, MAX_ANSWER);

    /**
     * @param base e.g. {@code http://127.0.0.1:3000}
     * @param path the Engine.IO path, with trailing slash; legacy is always under {@code /socket.io/1/}
     */
    public Discovery(URI base, String path) {
        this.base = base;
        this.path = path;
    }

    /** The wire of every probe, for a user who wants to see what discovery read. */
    public WireLog log() {
        return log;
    }

    /**
     * Probes the server. With {@code profile} null, eio4 first, then eio3, then legacy; with a
     * profile, that one only, and a failure names the profile the server does speak, if any.
     */
    public Found discover(String profile) {
        Probe eio4 = null;
        Probe eio3 = null;
        Probe legacy = null;
        if (profile == null || profile.equals("eio4")) {
            eio4 = probeEngine(EngineRevision.EIO4);
            if (eio4.found()) {
                return engine("eio4", eio4, alsoSpeaks("eio4"));
            }
        }
        if (profile == null || profile.equals("eio3")) {
            eio3 = probeEngine(EngineRevision.EIO3);
            if (eio3.found()) {
                return engine("eio3", eio3, alsoSpeaks("eio3"));
            }
        }
        if (profile == null || profile.equals("legacy")) {
            legacy = probeLegacy();
            if (legacy.found()) {
                return legacy(legacy, alsoSpeaks("legacy"));
            }
        }
        Probe first = profile == null ? eio4 : switch (profile) {
            case "eio4" -> eio4;
            case "eio3" -> eio3;
            default -> legacy;
        };
        if (profile != null) {
            List<String> other = alsoSpeaks(profile);
            if (!other.isEmpty()) {
                throw new NotFound("no " + profile + " endpoint at " + first.where() + " (" + first.why() + "); the server answers as "
                        + other.get(0) + " (" + about(other.get(0)) + "): use --profile " + other.get(0) + ", or leave --profile out to detect it");
            }
        }
        throw new NotFound("no socket.io endpoint at " + first.where() + " (" + first.why() + "): check --path"
                + (profile == null ? "" : " and --profile"));
    }

    static String about(String profile) {
        return switch (profile) {
            case "eio4" -> "Engine.IO 4, socket.io 3.x and 4.x";
            case "eio3" -> "Engine.IO 3, socket.io 1.x and 2.x";
            default -> "socket.io 0.9";
        };
    }

    // ---- probes ---------------------------------------------------------------------------------

    /** One handshake attempt: where it went, the open packet or legacy handshake found, or why not. */
    private record Probe(String where, String packet, HttpAnswer answer, String why) {
        boolean found() {
            return packet != null;
        }
    }

    private Probe probeEngine(EngineRevision revision) {
        String query = revision.query() + "&transport=polling";
        URI uri = uri(path + "?" + query);
        HttpAnswer a = get(uri);
        String open = openPacketIn(revision, a);
        if (open != null) {
            return new Probe(uri.toString(), open, a, "");
        }
        // polling may be off: socket.io answers {"code":0,"message":"Transport unknown"}; try a WebSocket alone
        if (a.status() == 400 && a.body().contains("\"code\":0")) {
            Optional<String> ws = webSocketOpen(revision);
            if (ws.isPresent()) {
                return new Probe(uri.toString(), ws.get(), null, "");
            }
        }
        return new Probe(uri.toString(), null, a, answered(a));
    }

    /** The open packet of a polling handshake answer of this revision, or null when the answer is not one. */
    static String openPacketIn(EngineRevision revision, HttpAnswer a) {
        if (a.status() != 200) {
            return null;
        }
        String body = a.body();
        if (revision == EngineRevision.EIO4) {
            return body.startsWith("0{") ? first(body.split(Eio4Codec.SEP, -1)[0]) : null;
        }
        if (!EIO3_FRAMED_OPEN.matcher(body).matches()) {
            return null;
        }
        try {
            List<String> packets = revision.split(a);
            return packets.isEmpty() ? null : first(packets.get(0));
        } catch (RuntimeException | AssertionError e) {
            return null;
        }
    }

    private static String first(String packet) {
        try {
            OpenPacket.parse(packet);
            return packet;
        } catch (AssertionError e) {
            return null;
        }
    }

    private Optional<String> webSocketOpen(EngineRevision revision) {
        URI uri = URI.create(base.toString().replaceFirst("^http", "ws").replaceAll("/+$", "") + path + "?" + revision.query()
                + "&transport=websocket");
        try (WebSocketWire ws = WebSocketWire.connect(uri, BOUND, log)) {
            WebSocketWire.Frame f = ws.nextFrame(BOUND);
            return f.binary() ? Optional.empty() : Optional.ofNullable(first(f.text()));
        } catch (AssertionError | RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean webSocketOffered(EngineRevision revision) {
        return webSocketOpen(revision).isPresent();
    }

    private Probe probeLegacy() {
        URI uri = uri(LegacyTester.RESOURCE + "?t=" + System.currentTimeMillis());
        HttpAnswer a = get(uri);
        if (a.status() == 200 && LEGACY_HANDSHAKE.matcher(a.body().strip()).matches()) {
            return new Probe(uri.toString(), a.body().strip(), a, "");
        }
        return new Probe(uri.toString(), null, a, answered(a));
    }

    /** The other profiles this server answers, newest first; a probe that fails here only means "not that one". */
    private List<String> alsoSpeaks(String found) {
        List<String> also = new ArrayList<>();
        try {
            if (!found.equals("eio4") && probeEngine(EngineRevision.EIO4).found()) {
                also.add("eio4");
            }
            if (!found.equals("eio3") && probeEngine(EngineRevision.EIO3).found()) {
                also.add("eio3");
            }
            if (!found.equals("legacy") && probeLegacy().found()) {
                also.add("legacy");
            }
        } catch (NotFound e) {
            // the server stopped answering after its first handshake; the cases will say so
        }
        return also;
    }

    // ---- what a found handshake announces -------------------------------------------------------

    private Found engine(String profile, Probe p, List<String> also) {
        EngineRevision revision = EngineRevision.of(profile);
        OpenPacket open = OpenPacket.parse(p.packet());
        Map<String, String> announced = new LinkedHashMap<>();
        Map<String, String> assumed = new LinkedHashMap<>();
        List<String> notes = new ArrayList<>();
        announced.put(Targets.PATH, path);
        boolean polling = p.answer() != null;
        boolean websocket = open.upgrades().contains("websocket") || webSocketOffered(revision);
        List<String> transports = new ArrayList<>();
        if (polling) {
            transports.add("polling");
        }
        if (websocket) {
            transports.add("websocket");
        }
        announced.put(Targets.TRANSPORTS, String.join(",", transports));
        if (polling && websocket) {
            announced.put(Targets.ALLOW_UPGRADES, open.upgrades().contains("websocket") ? "on" : "off");
        }
        putMillis(announced, Targets.PING_INTERVAL, open, "pingInterval", notes);
        putMillis(announced, Targets.PING_TIMEOUT, open, "pingTimeout", notes);
        if (revision == EngineRevision.EIO4) {
            if (open.member("maxPayload") != null && open.member("maxPayload").canConvertToLong()) {
                announced.put(Targets.MAX_PAYLOAD, Long.toString(open.member("maxPayload").asLong()));
            } else {
                assumed.put(Targets.MAX_PAYLOAD, Long.toString(EngineSettings.defaults().maxPayload()));
                notes.add("the open packet announces no maxPayload (EIO4-3.2 wants it)");
            }
        } else {
            assumed.put(Targets.MAX_PAYLOAD, Long.toString(EngineSettings.eio3Defaults().maxPayload()));
        }
        if (polling) {
            announced.put(Targets.JSONP, jsonpServed(revision) ? "on" : "off");
            cors(revision, announced, notes);
        }
        EngineSettings d = revision == EngineRevision.EIO4 ? EngineSettings.defaults() : EngineSettings.eio3Defaults();
        assumed.put(Targets.UPGRADE_TIMEOUT, Long.toString(d.upgradeTimeout().toMillis()));
        if (revision == EngineRevision.EIO4) {
            assumed.put(Targets.CONNECT_TIMEOUT, Long.toString(d.connectTimeout().toMillis()));
        }
        assumed.put(Targets.ECHO_PATH, "none");
        return new Found(profile, p.packet(), announced, assumed, also, notes);
    }

    private static void putMillis(Map<String, String> into, String key, OpenPacket open, String member, List<String> notes) {
        var v = open.member(member);
        if (v != null && v.canConvertToLong() && v.asLong() > 0) {
            into.put(key, Long.toString(v.asLong()));
        } else {
            notes.add("the open packet has no positive " + member + ": " + open.packet());
        }
    }

    private boolean jsonpServed(EngineRevision revision) {
        HttpAnswer a = get(uri(path + "?" + revision.query() + "&transport=polling&j=0"));
        return a.status() == 200 && a.body().startsWith("___eio[0](");
    }

    private void cors(EngineRevision revision, Map<String, String> announced, List<String> notes) {
        HttpAnswer a = get(uri(path + "?" + revision.query() + "&transport=polling"), "Origin", PROBE_ORIGIN);
        Optional<String> allow = a.header("Access-Control-Allow-Origin");
        boolean credentials = a.header("Access-Control-Allow-Credentials").map("true"::equalsIgnoreCase).orElse(false);
        if (allow.isEmpty()) {
            announced.put(Targets.CORS, "none");
        } else if (allow.get().equals("*")) {
            announced.put(Targets.CORS, "*");
            announced.put(Targets.CORS_CREDENTIALS, credentials ? "on" : "off");
        } else {
            // A reflected origin says the server allows some list, or any origin; only the operator knows which.
            announced.put(Targets.CORS, "none");
            notes.add("the server answered Origin " + PROBE_ORIGIN + " with Access-Control-Allow-Origin " + allow.get()
                    + "; declare --cors with the origins it allows");
        }
    }

    private Found legacy(Probe p, List<String> also) {
        Matcher m = LEGACY_HANDSHAKE.matcher(p.packet());
        if (!m.matches()) {
            throw new IllegalStateException("not a legacy handshake: " + p.packet());
        }
        Map<String, String> announced = new LinkedHashMap<>();
        Map<String, String> assumed = new LinkedHashMap<>();
        announced.put(Targets.HEARTBEAT_TIMEOUT, m.group(2).isEmpty() ? "off" : m.group(2));
        if (!m.group(3).isEmpty()) {
            announced.put(Targets.CLOSE_TIMEOUT, m.group(3));
        }
        announced.put(Targets.TRANSPORTS, m.group(4));
        DeclaredSettings d = DeclaredSettings.legacyDefaults();
        assumed.put(Targets.POLLING_DURATION, Long.toString(d.pollingDuration().toSeconds()));
        assumed.put(Targets.ORIGINS, String.join(",", d.origins()));
        return new Found("legacy", p.packet(), announced, assumed, also, List.of());
    }

    // ---- HTTP -----------------------------------------------------------------------------------

    private URI uri(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }

    /** A bounded GET; a target that gives no HTTP answer at all ends discovery with the reason. */
    private HttpAnswer get(URI uri, String... headers) {
        try {
            return http.get(uri, BOUND, headers);
        } catch (TargetMisbehaved e) {
            String m = String.valueOf(e.getMessage());
            if (m.startsWith("no answer to ")) {
                throw new NotFound("cannot reach " + base + ": no answer within " + BOUND.toSeconds() + " s to GET "
                        + uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery())
                        + (uri.getRawPath().startsWith(LegacyTester.RESOURCE) ? "" : " (check --path)"));
            }
            if (m.contains("larger than")) {
                throw new NotFound("no socket.io endpoint at " + uri + ": its answer is longer than " + MAX_ANSWER
                        + " bytes, far longer than a handshake");
            }
            throw new NotFound("cannot reach " + base + ": " + (e.getCause() == null ? m : Http.why(e.getCause())));
        }
    }

    private static String answered(HttpAnswer a) {
        String body = a.body().strip();
        String shown = body.length() > 80 ? body.substring(0, 80) + "..." : body;
        return "HTTP " + a.status() + (shown.isEmpty() ? "" : ": " + Eio4Codec.visible(shown));
    }
}
