package dev.sioconf.reports;

/**
 * One thing seen on the wire during a case.
 *
 * @param atMillis  milliseconds since the case started
 * @param direction {@code >} for what the tester sent, {@code <} for what the server sent, {@code !} for a note
 * @param kind      {@code http}, {@code ws}, {@code tcp} or {@code note}
 * @param text      the request or response (line, headers, body), the frame, or the note
 */
public record WireEntry(long atMillis, String direction, String kind, String text) {
}
