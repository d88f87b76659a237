package dev.sioconf.suite.wire;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.reports.WireEntry;
import java.util.ArrayList;
import java.util.List;

/** Everything a case sent and received, in order, with milliseconds since the case began. */
public final class WireLog {

    public static final String SENT = ">";
    public static final String RECEIVED = "<";
    public static final String NOTE = "!";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_TEXT = 64 * 1024;
    /** What one case's log keeps in all: a server that streams without end must not fill the heap or the report. */
    static final long MAX_TOTAL = 8L * 1024 * 1024;

    private final long start = System.nanoTime();
    private final List<WireEntry> entries = new ArrayList<>();
    private long keptChars;
    private long dropped;

    private volatile java.util.function.Consumer<String> outgoingCheck = text -> { };

    /**
     * A check every outgoing text passes before it is sent; one that throws stops the send, and the
     * log notes what was held back.
     */
    public void checkOutgoing(java.util.function.Consumer<String> check) {
        outgoingCheck = check;
    }

    public void sent(String kind, String text) {
        check(text);
        add(SENT, kind, text);
    }

    /** Runs the outgoing check on text about to be sent (for text the log shows otherwise, e.g. bytes as hex). */
    public void check(String text) {
        try {
            outgoingCheck.accept(text);
        } catch (RuntimeException e) {
            note("not sent: " + e.getMessage());
            throw e;
        }
    }

    public void received(String kind, String text) {
        add(RECEIVED, kind, text);
    }

    public void note(String text) {
        add(NOTE, "note", text);
    }

    public long elapsedMillis() {
        return (System.nanoTime() - start) / 1_000_000;
    }

    public synchronized List<WireEntry> entries() {
        if (dropped == 0) {
            return List.copyOf(entries);
        }
        List<WireEntry> all = new ArrayList<>(entries);
        all.add(new WireEntry(elapsedMillis(), NOTE, "note", dropped + " more entries not kept: the log of a case keeps "
                + MAX_TOTAL + " characters at most"));
        return List.copyOf(all);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(entries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized void add(String direction, String kind, String text) {
        String kept = text.length() <= MAX_TEXT ? text
                : text.substring(0, MAX_TEXT) + "... (" + (text.length() - MAX_TEXT) + " more characters)";
        if (keptChars + kept.length() > MAX_TOTAL) {
            dropped++;
            return;
        }
        keptChars += kept.length();
        entries.add(new WireEntry(elapsedMillis(), direction, kind, kept));
    }
}
