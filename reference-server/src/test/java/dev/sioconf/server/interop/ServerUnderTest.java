package dev.sioconf.server.interop;

import java.net.URI;

/**
 * A running eio4 server that serves the contract of spec/eio4.md section 23 on {@code /} and
 * {@code /custom}, offering both transports (polling and websocket, so that a client can upgrade).
 * Closing it stops it.
 */
interface ServerUnderTest extends AutoCloseable {

    /** {@code http://127.0.0.1:<port>}, without a path; the clients add the namespace. */
    URI baseUri();

    /** Anything that helps to read a failure (e.g. the server's log tail); empty when there is none. */
    default String diagnostics() {
        return "";
    }

    @Override
    void close();

    /** Starts a fresh server for one test. */
    @FunctionalInterface
    interface Launcher {
        ServerUnderTest start() throws Exception;
    }
}
