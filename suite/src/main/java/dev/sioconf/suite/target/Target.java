package dev.sioconf.suite.target;

import java.net.URI;

/**
 * A server under test: a name for the report, its base URL, its profile, and its declared
 * settings: {@code declared} for the legacy profile, {@code engine} for the Engine.IO profiles
 * {@code eio3} and {@code eio4} (the other one is null).
 *
 * @param base e.g. {@code http://127.0.0.1:3000}; the legacy resource is {@code /socket.io/1/} under it
 */
public record Target(String name, URI base, String profile, DeclaredSettings declared, EngineSettings engine) {

    /** A legacy target. */
    public Target(String name, URI base, String profile, DeclaredSettings declared) {
        this(name, base, profile, declared, null);
    }

    /** An Engine.IO target of profile {@code eio3} or {@code eio4}. */
    public static Target engine(String name, URI base, String profile, EngineSettings settings) {
        return new Target(name, base, profile, null, settings);
    }

    public boolean offers(String transport) {
        return engine != null ? engine.offers(transport) : declared.transports().contains(transport);
    }

    /** The declared settings in one line, for the CLI and the report. */
    public String describe() {
        return engine != null ? engine.describe() : declared.describe();
    }

    public URI resolve(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
