package dev.sioconf.suite.load;

import java.util.BitSet;

/**
 * What one session got back of the events it numbered 0 to {@code expected - 1}: each number
 * must come back once and in the order sent. A number seen before is a duplicate; a number below
 * the highest seen so far is reordered (it still counts as delivered); a number never seen by the
 * end is lost. Not thread-safe: a session calls it under its own lock.
 */
final class SequenceCheck {

    enum Outcome { IN_ORDER, REORDERED, DUPLICATE, UNEXPECTED }

    private final int expected;
    private final BitSet seen = new BitSet();
    private int highest = -1;
    private int delivered;
    private int duplicated;
    private int reordered;
    private int unexpected;

    SequenceCheck(int expected) {
        this.expected = expected;
    }

    Outcome accept(long seq) {
        if (seq < 0 || seq >= expected) {
            unexpected++;
            return Outcome.UNEXPECTED;
        }
        int s = (int) seq;
        if (seen.get(s)) {
            duplicated++;
            return Outcome.DUPLICATE;
        }
        seen.set(s);
        delivered++;
        if (s < highest) {
            reordered++;
            return Outcome.REORDERED;
        }
        highest = s;
        return Outcome.IN_ORDER;
    }

    int expected() {
        return expected;
    }

    int delivered() {
        return delivered;
    }

    /** Numbers not (yet) delivered; at the end of a run, the lost events. */
    int lost() {
        return expected - delivered;
    }

    int duplicated() {
        return duplicated;
    }

    int reordered() {
        return reordered;
    }

    /** Echoes with a number this session never sends. */
    int unexpected() {
        return unexpected;
    }

    boolean complete() {
        return delivered == expected;
    }
}
