package dev.sioconf.suite.target;

import java.net.URI;

/**
 * A server under test: a name for the report, its base URL, and its declared settings.
 *
 * @param base e.g. {@code http://127.0.0.1:3000}; the legacy resource is {@code /socket.io/1/} under it
 */
public record Target(String name, URI base, String profile, DeclaredSettings declared) {

    public boolean offers(String transport) {
        return declared.transports().contains(transport);
    }

    public URI resolve(String pathAndQuery) {
        return URI.create(base.toString().replaceAll("/+$", "") + pathAndQuery);
    }
}
