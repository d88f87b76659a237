package dev.sioconf.server;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small seeded source of awkward wire input for the codec property tests, and the loop that
 * runs a property over it. Text leans towards what breaks codecs (separators, frame marks,
 * U+001E, U+2028/U+2029, U+FFFD, astral and lone surrogates, escapes and HTML fragments, empty
 * and long strings); bytes cover every value; a mutation is one to four edits of a valid
 * encoding, edge numbers in place of its lengths and counts among them.
 *
 * <p>Every run draws the same samples: the base seed is {@value #DEFAULT_SEED} unless
 * {@code -Dwire.seed=N} says otherwise, and each property mixes its own name into it. A failure
 * names the seed, the property, the try and the input.
 */
public final class WireSamples {

    public static final long DEFAULT_SEED = 20261125L;

    /** Characters that mean something on one of the wires, or are known to trip parsers. */
    public static final String TRICKY = ":,/\\\"'+-_[]{}<>!?b0123456789 \u0000\u0001\n\r\t\u001e\u007f\u00e9"
            + "\u2028\u2029\ufffd\ufeff\ud800\udbff\udc00\udfff";

    /**
     * Pieces that only mean something together: escapes, HTML that changes a script's parsing,
     * frame marks, numbers at the edge of int and of exact doubles, digits outside ASCII.
     */
    public static final List<String> FRAGMENTS = List.of("\\u", "\\u00", "\\", "\"", "<!--", "-->", "</",
            "<script>", "</script>", "\ufffd", "\u001e", "\u2028\u2029", "2147483647", "2147483648", "4294967296",
            "9007199254740993", "-1", "0x1F", "1e999", "\u0661\u0662", "\uff11", "{\"_placeholder\":true,\"num\":",
            "[\"", "\"]", "null", "b4", "b", "5:::", "::");

    /** Numbers at the limits of int, long and exact doubles, and a few small oddities. */
    public static final List<String> EDGE_NUMBERS = List.of("0", "00", "-1", "2147483646", "2147483647", "2147483648",
            "4294967296", "9007199254740993", "9223372036854775807", "9223372036854775808", "99999999999999999999");

    /** What may follow a backslash-u: hex digits, and characters a lenient number parser also takes. */
    private static final String ALMOST_HEX = "0123456789abcdefABCDEF+- \u0661\uff11";

    private static final int SHOWN_FAILURES = 5;
    private static final int SHOWN_CHARS = 160;

    private WireSamples() {
    }

    // ---- text

    /** Any UTF-16 text, lone surrogates included, from empty to a few thousand units. */
    public static String text(SplittableRandom r) {
        int pick = r.nextInt(14);
        if (pick < 4) {
            return units(r, shortLength(r), WireSamples::anyUnit);
        } else if (pick < 8) {
            return units(r, shortLength(r), WireSamples::trickyUnit);
        } else if (pick < 10) {
            return astral(r);
        } else if (pick < 11) {
            return units(r, shortLength(r), x -> x.nextBoolean() ? anyUnit(x) : trickyUnit(x));
        } else if (pick < 13) {
            return fragments(r);
        }
        return units(r, r.nextInt(1000, 5001), WireSamples::anyUnit);
    }

    /** Text without lone surrogates, as UTF-8 carries it unchanged. */
    public static String wellFormedText(SplittableRandom r) {
        return replaceLoneSurrogates(text(r));
    }

    /** Code points above U+FFFF (surrogate pairs) among tricky characters, up to 20 of them. */
    public static String astral(SplittableRandom r) {
        StringBuilder out = new StringBuilder();
        int n = r.nextInt(21);
        for (int i = 0; i < n; i++) {
            if (r.nextBoolean()) {
                out.appendCodePoint(r.nextInt(0x10000, 0x110000));
            } else {
                out.append(trickyUnit(r));
            }
        }
        return out.toString();
    }

    /** Up to 20 pieces: {@link #FRAGMENTS fragments}, backslash-u and four almost-hex units, tricky units. */
    public static String fragments(SplittableRandom r) {
        StringBuilder out = new StringBuilder();
        int n = r.nextInt(21);
        for (int i = 0; i < n; i++) {
            switch (r.nextInt(5)) {
                case 0, 1 -> out.append(FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
                case 2 -> out.append("\\u").append(units(r, 4, x -> ALMOST_HEX.charAt(x.nextInt(ALMOST_HEX.length()))));
                default -> out.append(trickyUnit(r));
            }
        }
        return out.toString();
    }

    /** A length up to 40, zero one time in eight. */
    private static int shortLength(SplittableRandom r) {
        return r.nextInt(8) == 0 ? 0 : r.nextInt(1, 41);
    }

    private static String units(SplittableRandom r, int length, Function<SplittableRandom, Character> unit) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = unit.apply(r);
        }
        return new String(out);
    }

    /** Any UTF-16 code unit, with ASCII drawn as often as the rest. */
    private static char anyUnit(SplittableRandom r) {
        return (char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x10000));
    }

    public static char trickyUnit(SplittableRandom r) {
        return TRICKY.charAt(r.nextInt(TRICKY.length()));
    }

    private static String replaceLoneSurrogates(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                out.append(c).append(s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\ufffd');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Up to twelve ASCII digits, empty one time in eight. */
    public static String digits(SplittableRandom r) {
        return units(r, r.nextInt(8) == 0 ? 0 : r.nextInt(1, 13), x -> (char) ('0' + x.nextInt(10)));
    }

    // ---- bytes and numbers

    /** Bytes of any value, from none to 300; one time in ten all 256 values in order. */
    public static byte[] bytes(SplittableRandom r) {
        if (r.nextInt(10) == 0) {
            return everyByteValue();
        }
        byte[] out = new byte[r.nextInt(8) == 0 ? 0 : r.nextInt(1, 301)];
        r.nextBytes(out);
        return out;
    }

    public static byte[] everyByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    /** Any long, the limits and small values among them. */
    public static long anyLong(SplittableRandom r) {
        return switch (r.nextInt(6)) {
            case 0 -> new long[] {0, 1, -1, Long.MIN_VALUE, Long.MAX_VALUE, 1L << 53, (1L << 53) + 1}[r.nextInt(7)];
            case 1 -> r.nextLong(-1000, 1001);
            default -> r.nextLong();
        };
    }

    /** Any finite double: limits, zeros, round decimals and arbitrary bit patterns. */
    public static double anyDouble(SplittableRandom r) {
        switch (r.nextInt(4)) {
            case 0:
                return new double[] {0.0, -0.0, 1.0, -1.5, 0.1, 1e21, 1e-7, Double.MIN_VALUE, Double.MAX_VALUE,
                        -Double.MAX_VALUE, 9007199254740993.0}[r.nextInt(11)];
            case 1:
                return Math.round(r.nextDouble(-1e6, 1e6) * 100) / 100.0;
            default:
                double d;
                do {
                    d = Double.longBitsToDouble(r.nextLong());
                } while (!Double.isFinite(d));
                return d;
        }
    }

    // ---- combinators

    public static <T> List<T> listOf(SplittableRandom r, int min, int max, Function<SplittableRandom, T> element) {
        int n = r.nextInt(min, max + 1);
        List<T> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(element.apply(r));
        }
        return out;
    }

    /** A sample that satisfies {@code keep}, drawn again until one does. */
    public static <T> T sampleWhere(SplittableRandom r, Function<SplittableRandom, T> sample, Predicate<T> keep) {
        for (int i = 0; i < 10_000; i++) {
            T t = sample.apply(r);
            if (keep.test(t)) {
                return t;
            }
        }
        throw new IllegalStateException("no sample kept after 10000 draws");
    }

    @SafeVarargs
    public static <T> T oneOf(SplittableRandom r, Function<SplittableRandom, ? extends T>... choices) {
        return choices[r.nextInt(choices.length)].apply(r);
    }

    public static <T> T orNull(SplittableRandom r, double nullChance, Function<SplittableRandom, T> sample) {
        return r.nextDouble() < nullChance ? null : sample.apply(r);
    }

    /** Two samples drawn together, for a property of two inputs. */
    public record Both<A, B>(A first, B second) {
    }

    public static <A, B> Both<A, B> both(SplittableRandom r, Function<SplittableRandom, A> first,
            Function<SplittableRandom, B> second) {
        return new Both<>(first.apply(r), second.apply(r));
    }

    public static <E extends Enum<E>> E anyOf(SplittableRandom r, Class<E> type) {
        E[] values = type.getEnumConstants();
        return values[r.nextInt(values.length)];
    }

    // ---- mutations of a valid encoding

    /** Which edit a {@link Mutation} makes. */
    public enum Edit { TRUNCATE, DELETE, INSERT, REPLACE, REPEAT_PREFIX, NUMBER }

    /**
     * One edit at {@code position} (taken modulo the length plus one): cut there, remove
     * {@code span} (one to four) units, insert {@code text}, overwrite one unit with it, write
     * the part before it twice, or put {@code text} (an {@link #EDGE_NUMBERS edge number}) in
     * place of the next run of digits (from the start if none follows; appended if none at all).
     */
    public record Mutation(Edit edit, int position, int span, String text) {

        public String apply(String s) {
            int at = Math.floorMod(position, s.length() + 1);
            String head = s.substring(0, at);
            return switch (edit) {
                case TRUNCATE -> head;
                case DELETE -> head + s.substring(Math.min(s.length(), at + span));
                case INSERT -> head + text + s.substring(at);
                case REPLACE -> head + text + s.substring(Math.min(s.length(), at + 1));
                case REPEAT_PREFIX -> head + s;
                case NUMBER -> {
                    int[] run = digitRun(s.length(), at, i -> s.charAt(i) >= '0' && s.charAt(i) <= '9');
                    yield s.substring(0, run[0]) + text + s.substring(run[1]);
                }
            };
        }

        /** On bytes a unit is a byte; a digit is an ASCII digit or a digit value 0-9 (eio3 binary lengths). */
        public byte[] apply(byte[] b) {
            int at = Math.floorMod(position, b.length + 1);
            byte[] insert = new byte[] {(byte) text.charAt(0)};
            return switch (edit) {
                case TRUNCATE -> Arrays.copyOf(b, at);
                case DELETE -> splice(b, at, Math.min(b.length, at + span), new byte[0]);
                case INSERT -> splice(b, at, at, insert);
                case REPLACE -> splice(b, at, Math.min(b.length, at + 1), insert);
                case REPEAT_PREFIX -> splice(b, at, at, Arrays.copyOf(b, at));
                case NUMBER -> {
                    boolean ascii = b.length == 0 || b[0] > 9;
                    int[] run = digitRun(b.length, at, i -> ascii ? b[i] >= '0' && b[i] <= '9' : b[i] >= 0 && b[i] <= 9);
                    byte[] digits = new byte[text.length()];
                    for (int i = 0; i < digits.length; i++) {
                        char d = text.charAt(i);
                        digits[i] = (byte) (ascii || d == '-' ? d : d - '0');
                    }
                    yield splice(b, run[0], run[1], digits);
                }
            };
        }

        private static byte[] splice(byte[] b, int from, int to, byte[] middle) {
            byte[] out = new byte[from + middle.length + b.length - to];
            System.arraycopy(b, 0, out, 0, from);
            System.arraycopy(middle, 0, out, from, middle.length);
            System.arraycopy(b, to, out, from + middle.length, b.length - to);
            return out;
        }

        /** [start, end) of the first digit run at or after {@code at}, else the first one, else [length, length). */
        private static int[] digitRun(int length, int at, java.util.function.IntPredicate isDigit) {
            for (int from : new int[] {at, 0}) {
                for (int i = from; i < length; i++) {
                    if (isDigit.test(i)) {
                        int end = i;
                        while (end < length && isDigit.test(end)) {
                            end++;
                        }
                        return new int[] {i, end};
                    }
                }
            }
            return new int[] {length, length};
        }

        @Override
        public String toString() {
            return edit + "@" + position + switch (edit) {
                case DELETE -> "x" + span;
                case INSERT, REPLACE, NUMBER -> " " + show(text);
                default -> "";
            };
        }
    }

    /** One to four edits; an inserted or written unit is tricky or any Latin-1 value (a byte). */
    public static List<Mutation> mutations(SplittableRandom r) {
        return listOf(r, 1, 4, x -> {
            Edit edit = anyOf(x, Edit.class);
            String text = edit == Edit.NUMBER ? EDGE_NUMBERS.get(x.nextInt(EDGE_NUMBERS.size()))
                    : String.valueOf(x.nextBoolean() ? trickyUnit(x) : (char) x.nextInt(0x100));
            return new Mutation(edit, x.nextInt(), x.nextInt(1, 5), text);
        });
    }

    public static String mutate(String s, List<Mutation> edits) {
        for (Mutation m : edits) {
            s = m.apply(s);
        }
        return s;
    }

    public static byte[] mutate(byte[] b, List<Mutation> edits) {
        for (Mutation m : edits) {
            b = m.apply(b);
        }
        return b;
    }

    // ---- running a property

    /**
     * Checks {@code property} on {@code tries} samples and fails with the first few inputs it
     * does not hold for (any throwable counts), after trying them all.
     */
    public static <T> void forAll(String name, int tries, Function<SplittableRandom, T> sample,
            Consumer<? super T> property) {
        long seed = Long.getLong("wire.seed", DEFAULT_SEED);
        SplittableRandom root = new SplittableRandom(seed ^ name.hashCode());
        List<String> failures = new ArrayList<>();
        int failed = 0;
        for (int i = 0; i < tries; i++) {
            T input = sample.apply(root.split());
            try {
                property.accept(input);
            } catch (Throwable t) {
                if (failed++ < SHOWN_FAILURES) {
                    failures.add("  try " + i + ": " + show(input) + "\n    -> " + firstLine(t));
                }
            }
        }
        if (failed > 0) {
            throw new AssertionError(name + " failed on " + failed + " of " + tries + " tries (-Dwire.seed=" + seed
                    + "); first inputs:\n" + String.join("\n", failures));
        }
    }

    /** Runs {@code action} and fails if it throws anything but {@code allowed}. */
    public static void throwsAtMost(Class<? extends Throwable> allowed, Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            if (!allowed.isInstance(t)) {
                throw new AssertionError("expected success or " + allowed.getSimpleName() + ", got " + t, t);
            }
        }
    }

    /** A readable, bounded rendering of a sample: escaped text, hex bytes, lists and records. */
    public static String show(Object o) {
        if (o instanceof String s) {
            StringBuilder out = new StringBuilder("\"");
            int n = Math.min(s.length(), SHOWN_CHARS);
            for (int i = 0; i < n; i++) {
                char c = s.charAt(i);
                if (c == '"' || c == '\\') {
                    out.append('\\').append(c);
                } else if (c >= 0x20 && c < 0x7f) {
                    out.append(c);
                } else {
                    out.append(String.format("\\u%04x", (int) c));
                }
            }
            out.append('"');
            return s.length() > n ? out + "...(" + s.length() + " chars)" : out.toString();
        }
        if (o instanceof byte[] b) {
            String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, SHOWN_CHARS / 2));
            return "bytes[" + b.length + "]:" + hex + (b.length > SHOWN_CHARS / 2 ? "..." : "");
        }
        if (o instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            list.forEach(e -> parts.add(show(e)));
            return parts.toString();
        }
        if (o instanceof Both<?, ?> both) {
            return show(both.first()) + " and " + show(both.second());
        }
        if (o == null || o instanceof Mutation || o instanceof Number || o instanceof Enum<?>) {
            return String.valueOf(o);
        }
        return show(o.toString());
    }

    /** The throwable on one line, at most 400 characters (AssertJ spreads its messages over several). */
    private static String firstLine(Throwable t) {
        String s = String.valueOf(t).strip().replaceAll("\\s*\n\\s*", " ");
        return s.length() <= 400 ? s : s.substring(0, 400) + " ...";
    }
}
