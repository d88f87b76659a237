package dev.sioconf.suite.target;

import java.net.URI;

/**
 * A server under test: a name for the report, its base URL, its profile, and its declared
 * settings: {@code declared} for the legacy profile, {@code engine} for the Engine.IO profiles
 * {@code eio3} and {@code eio4} (the other one is null), and whether it runs the spec's contract
 * application (section 16 of legacy, 23 of eio3 and eio4).
 *
 * @param mismatches declared settings that the server's handshake contradicts, in one line for a
 *                   failing case to mention, or empty
 * @param base e.g. {@code http://127.0.0.1:3000}; the legacy resource is {@code /socket.io/1/} under it
 */
public record Target(String name, URI base, String profile, DeclaredSettings declared, EngineSettings engine,
        boolean contractFree, String mismatches) {

    /** A legacy target. */
    public Target(String name, URI base, String profile, DeclaredSettings declared) {
        this(name, base, profile, declared, null, false, "");
    }

    public Target(String name, URI base, String profile, DeclaredSettings declared, EngineSettings engine) {
        this(name, base, profile, declared, engine, false, "");
    }

    /**
     * The same server, known to run no contract application ({@code --contract none}): the cases
     * that need one are SKIPPED, the others run.
     */
    public Target withoutContract() {
        return new Target(name, base, profile, declared, engine, true, mismatches);
    }

    public Target withMismatches(String contradicted) {
        return new Target(name, base, profile, declared, engine, contractFree, contradicted);
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
