package dev.sioconf.suite.load;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which part of a load plan one process runs: shard {@code index} of {@code count} takes the
 * sessions whose number leaves {@code index} when divided by {@code count}, so that the shards'
 * sessions are disjoint and together are the whole plan. {@code 0/1} is the whole plan.
 */
public record LoadShard(int index, int count) {

    public static final LoadShard WHOLE = new LoadShard(0, 1);
    public static final int MAX_SHARDS = 1000;
    private static final Pattern FORM = Pattern.compile("(\\d{1,4})/(\\d{1,4})");

    public LoadShard {
        if (count < 1 || count > MAX_SHARDS || index < 0 || index >= count) {
            throw new IllegalArgumentException("--shard must be I/N with 0 <= I < N <= " + MAX_SHARDS + ", got " + index + "/" + count);
        }
    }

    /** {@code I/N}, e.g. {@code 2/4}. */
    public static LoadShard parse(String text) {
        Matcher m = FORM.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("--shard must be I/N, e.g. 0/4, got '" + text + "'");
        }
        return new LoadShard(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }

    /** The numbers of this shard's sessions among {@code sessions} in the whole plan. */
    public List<Integer> sessionIds(int sessions) {
        List<Integer> ids = new ArrayList<>();
        for (int id = index; id < sessions; id += count) {
            ids.add(id);
        }
        return ids;
    }

    public int sessionsOf(int sessions) {
        return sessions <= index ? 0 : (sessions - index + count - 1) / count;
    }

    @Override
    public String toString() {
        return index + "/" + count;
    }
}
