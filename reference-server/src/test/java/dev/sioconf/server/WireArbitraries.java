package dev.sioconf.server;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators shared by the codec property tests: text that tends to break codecs (separators,
 * frame marks, astral and lone surrogates, line separators, long strings), bytes of every value,
 * and mutations of a valid encoding (truncation, deletion, insertion, replacement).
 */
public final class WireArbitraries {

    /** Characters with a meaning on some wire of the family, or a history of breaking parsers. */
    public static final String TRICKY = ":,/\\\"'+-_[]{}<>!?b0123456789 \u0000\u0001\n\r\t\u001e\u007f\u00e9"
            + "\u2028\u2029\ufffd\ufeff\ud800\udbff\udc00\udfff";

    private WireArbitraries() {
    }

    /** Any UTF-16 text, lone surrogates included, from empty to a few thousand units. */
    public static Arbitrary<String> text() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().all().ofMaxLength(40)),
                net.jqwik.api.Tuple.of(4, Arbitraries.strings().withChars(TRICKY).ofMaxLength(40)),
                net.jqwik.api.Tuple.of(2, astral()),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMinLength(1000).ofMaxLength(5000)));
    }

    /** Text without lone surrogates: what UTF-8 can carry unchanged. */
    public static Arbitrary<String> wellFormedText() {
        return text().map(WireArbitraries::replaceLoneSurrogates);
    }

    /** Text with characters above U+FFFF (surrogate pairs), mixed with tricky ones. */
    public static Arbitrary<String> astral() {
        Arbitrary<String> astralChar = Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString);
        Arbitrary<String> tricky = Arbitraries.of(TRICKY.chars().mapToObj(c -> String.valueOf((char) c)).toList());
        return Arbitraries.oneOf(astralChar, tricky).list().ofMaxSize(20).map(parts -> String.join("", parts));
    }

    /** Bytes of any value, from none to a few hundred. */
    public static Arbitrary<byte[]> bytes() {
        return Arbitraries.oneOf(
                Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
                Arbitraries.just(everyByteValue()));
    }

    public static byte[] everyByteValue() {
        byte[] all = new byte[256];
        for (int i = 0; i < all.length; i++) {
            all[i] = (byte) i;
        }
        return all;
    }

    /** One edit of a valid encoding; positions are taken modulo the length when applied. */
    public record Mutation(int kind, int position, int length, char c) {

        public String apply(String s) {
            int at = Math.floorMod(position, s.length() + 1);
            return switch (kind) {
                case 0 -> s.substring(0, at); // truncated
                case 1 -> s.substring(0, at) + s.substring(Math.min(s.length(), at + 1 + length % 4)); // deleted
                case 2 -> s.substring(0, at) + c + s.substring(at); // inserted
                case 3 -> at == s.length() ? s + c : s.substring(0, at) + c + s.substring(at + 1); // replaced
                default -> s.substring(0, at) + s.substring(0, at) + s.substring(at); // prefix repeated
            };
        }

        public byte[] apply(byte[] b) {
            int at = Math.floorMod(position, b.length + 1);
            byte x = (byte) c;
            byte[] out;
            switch (kind) {
                case 0 -> out = java.util.Arrays.copyOf(b, at);
                case 1 -> {
                    int end = Math.min(b.length, at + 1 + length % 4);
                    out = new byte[b.length - (end - at)];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, end, out, at, b.length - end);
                }
                case 2 -> {
                    out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = x;
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                }
                case 3 -> {
                    out = java.util.Arrays.copyOf(b, Math.max(b.length, at + 1));
                    out[at] = x;
                }
                default -> {
                    out = new byte[b.length + at];
                    System.arraycopy(b, 0, out, 0, at);
                    System.arraycopy(b, 0, out, at, b.length);
                }
            }
            return out;
        }
    }

    /** Between one and four edits; characters come from {@link #TRICKY} or any byte value. */
    public static Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Character> c = Arbitraries.oneOf(Arbitraries.of(TRICKY.chars().mapToObj(i -> (char) i).toList()),
                Arbitraries.chars().range('\u0000', '\u00ff'));
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers(),
                Arbitraries.integers().between(0, 3), c).as(Mutation::new).list().ofMinSize(1).ofMaxSize(4);
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

    /**
     * Runs {@code action} and fails if it throws anything but {@code allowed}: an escaping
     * NullPointerException, IndexOutOfBoundsException, NumberFormatException or
     * StackOverflowError is a bug of the codec, not a refusal of the input.
     */
    public static void throwsAtMost(Class<? extends Throwable> allowed, Runnable action) {
        try {
            action.run();
        } catch (Throwable t) {
            if (!allowed.isInstance(t)) {
                throw new AssertionError("expected success or " + allowed.getSimpleName() + ", got " + t, t);
            }
        }
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
}
