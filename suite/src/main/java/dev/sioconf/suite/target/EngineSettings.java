package dev.sioconf.suite.target;

import java.time.Duration;
import java.util.List;

/**
 * What the operator says an Engine.IO target is set up with: eio4 (Engine.IO 4 + Socket.IO 5,
 * spec/eio4.md section 1.2) or eio3 (Engine.IO 3 + Socket.IO 4, spec/eio3.md section 1), whose
 * servers have no connect timeout and do not announce maxPayload. Cases derive every expectation and every timing bound from these.
 *
 * @param path           the protocol's path, with its trailing slash, e.g. {@code /socket.io/}
 * @param transports     offered transports among {@code polling} and {@code websocket}
 * @param allowUpgrades  whether a polling session may upgrade to websocket
 * @param jsonp          whether JSONP polling is served
 * @param pingInterval   the announced ping interval
 * @param pingTimeout    the announced ping timeout
 * @param maxPayload     the announced payload limit in bytes
 * @param upgradeTimeout how long an unfinished upgrade may last
 * @param connectTimeout how long a session may stay without a namespace
 * @param cors           empty for no CORS, {@code ["*"]}, or the allowed origins
 * @param corsCredentials whether CORS answers allow credentials
 * @param echoPath       the Engine.IO echo endpoint's path, or null when there is none
 */
public record EngineSettings(String path, List<String> transports, boolean allowUpgrades, boolean jsonp,
        Duration pingInterval, Duration pingTimeout, long maxPayload, Duration upgradeTimeout, Duration connectTimeout,
        List<String> cors, boolean corsCredentials, String echoPath) {

    public static final List<String> TRANSPORTS = List.of("polling", "websocket");

    public EngineSettings {
        transports = List.copyOf(transports);
        cors = List.copyOf(cors);
    }

    /** socket.io 4.8.x's own defaults. */
    public static EngineSettings defaults() {
        return new EngineSettings("/socket.io/", TRANSPORTS, true, true, Duration.ofMillis(25000), Duration.ofMillis(20000),
                1_000_000, Duration.ofMillis(10000), Duration.ofMillis(45000), List.of(), false, null);
    }

    /** socket.io 2.5.x's defaults (engine.io 3.6): no connect timeout there, so the eio4 one stands in unused. */
    public static EngineSettings eio3Defaults() {
        return new EngineSettings("/socket.io/", TRANSPORTS, true, true, Duration.ofMillis(25000), Duration.ofMillis(20000),
                1_000_000, Duration.ofMillis(10000), Duration.ofMillis(45000), List.of(), false, null);
    }

    public boolean offers(String transport) {
        return transports.contains(transport);
    }

    /** Whether a polling session is told it may upgrade ({@code "upgrades":["websocket"]}). */
    public boolean upgrades() {
        return allowUpgrades && offers("polling") && offers("websocket");
    }

    public boolean corsAnyOrigin() {
        return cors.equals(List.of("*"));
    }

    public EngineSettings withTransports(List<String> t) {
        return new EngineSettings(path, t, allowUpgrades, jsonp, pingInterval, pingTimeout, maxPayload, upgradeTimeout,
                connectTimeout, cors, corsCredentials, echoPath);
    }

    public EngineSettings withPings(Duration interval, Duration timeout) {
        return new EngineSettings(path, transports, allowUpgrades, jsonp, interval, timeout, maxPayload, upgradeTimeout,
                connectTimeout, cors, corsCredentials, echoPath);
    }

    public EngineSettings withCors(List<String> origins) {
        return new EngineSettings(path, transports, allowUpgrades, jsonp, pingInterval, pingTimeout, maxPayload,
                upgradeTimeout, connectTimeout, origins, corsCredentials, echoPath);
    }

    public EngineSettings withEchoPath(String p) {
        return new EngineSettings(path, transports, allowUpgrades, jsonp, pingInterval, pingTimeout, maxPayload,
                upgradeTimeout, connectTimeout, cors, corsCredentials, p);
    }

    public EngineSettings withUpgradeTimeout(Duration d) {
        return new EngineSettings(path, transports, allowUpgrades, jsonp, pingInterval, pingTimeout, maxPayload, d,
                connectTimeout, cors, corsCredentials, echoPath);
    }

    public EngineSettings withConnectTimeout(Duration d) {
        return new EngineSettings(path, transports, allowUpgrades, jsonp, pingInterval, pingTimeout, maxPayload,
                upgradeTimeout, d, cors, corsCredentials, echoPath);
    }

    public String describe() {
        return "path=" + path + " transports=" + String.join(",", transports)
                + (allowUpgrades ? "" : " upgrades=off") + " jsonp=" + (jsonp ? "on" : "off")
                + " ping-interval=" + pingInterval.toMillis() + " ping-timeout=" + pingTimeout.toMillis()
                + " max-payload=" + maxPayload + " upgrade-timeout=" + upgradeTimeout.toMillis()
                + " connect-timeout=" + connectTimeout.toMillis()
                + " cors=" + (cors.isEmpty() ? "none" : String.join(",", cors)) + (corsCredentials ? " cors-credentials=on" : "")
                + " echo-path=" + (echoPath == null ? "none" : echoPath);
    }
}
