package dev.sioconf.spec;

/**
 * One numbered requirement of a profile document.
 *
 * @param id      stable id such as {@code LEG-3.2}
 * @param level   its RFC 2119 strength
 * @param section the heading of the top-level section it stands in, such as {@code 3. Handshake}
 * @param text    the requirement sentence(s), markdown as written
 */
public record Requirement(String id, Level level, String section, String text) {
}
