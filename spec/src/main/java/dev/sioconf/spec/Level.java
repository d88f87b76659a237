package dev.sioconf.spec;

/** The RFC 2119 strength of a requirement. */
public enum Level {
    MUST, SHOULD, MAY
}
