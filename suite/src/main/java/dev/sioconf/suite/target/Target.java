package dev.sioconf.suite.target;

import java.net.URI;

/**
 * A server under test: a name for the report, its base URL, its profile, and its declared
 * settings: {@code declared} for the legacy profile, {@code eio4} for the eio4 profile (the other
 * one is null).
 *
 * @param base e.g. {@code http://127.0.0.1:3000}; the legacy resource is {@code /socket.io/1/} under it
 */
public record Target(String name, URI base, String profile, DeclaredSettings declared, Eio4Settings eio4) {

    /** A legacy target. */
    public Target(String name, URI base, String profile, DeclaredSettings declared) {
        this(name, base, profile, declared, null);
    }

    /** An eio4 target. */
    public static Target eio4(String name, URI base, Eio4Settings settings) {
        return new Target(name, base, "eio4", null, settings);
    }

    public boolean offers(String transport) {
        return eio4 != null ? eio4.offers(transport) : declared.transports().contains(transport);
    }

    /** The declared settings in one line, for the CLI and the report. */
    public String describe() {
        return eio4 != null ? eio4.describe() : declared.describe();
    }

    public URI resolve(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
