package dev.sioconf.suite.target;

import dev.sioconf.suite.junit.ContractNeeded;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Which traffic only a contract application answers, per profile: its events ({@code sendMessage},
 * {@code echo}, {@code message}, {@code message-with-ack}, and {@code join} and {@code broadcast} of the
 * deployment section), the {@code /custom} namespace and, in
 * legacy, echoed message and json packets. On a target with no contract, a case that sends such
 * traffic, or checks a requirement of the contract section itself, is SKIPPED before anything goes out.
 */
public final class ContractUse {

    private static final Pattern ENGINE = Pattern.compile("\\[\\s*\"(sendMessage|echo|message|message-with-ack|join|broadcast)\"|/custom\\b");
    private static final Pattern LEGACY = Pattern.compile(
            "(?m)\"name\"\\s*:\\s*\"(sendMessage|echo)\"|/custom\\b|(^|\ufffd|\")[34]:[0-9]*\\+?:[^:]*:");

    private ContractUse() {
    }

    /** The contract's section, e.g. {@code spec/eio4.md section 23}. */
    public static String section(String profile) {
        return "spec/" + profile + ".md section " + (profile.equals("legacy") ? 16 : 23);
    }

    /** The requirement id prefix of the contract section: {@code LEG-16}, {@code SIO4-23}, {@code SIO5-23}. */
    public static String requirementPrefix(String profile) {
        return switch (profile) {
            case "legacy" -> "LEG-16.";
            case "eio3" -> "SIO4-23.";
            default -> "SIO5-23.";
        };
    }

    public static ContractNeeded needed(String profile, String what) {
        return new ContractNeeded("needs the contract of " + section(profile) + " (" + what + "); the target runs none");
    }

    /** Whether text going out (a body, a query, a frame) uses the contract of {@code profile}. */
    public static boolean uses(String profile, String outgoing) {
        String text = outgoing.replace("\\\"", "\"");
        if (text.contains("%")) {
            try {
                text = text + "\n" + URLDecoder.decode(text, StandardCharsets.UTF_8).replace("\\\"", "\"");
            } catch (IllegalArgumentException notEncoded) {
                // a stray % in a hostile body: the text as it is
            }
        }
        return (profile.equals("legacy") ? LEGACY : ENGINE).matcher(text).find();
    }

    /** The check a tester puts on its wire log for a target with no contract. */
    public static Consumer<String> guard(String profile) {
        return outgoing -> {
            if (uses(profile, outgoing)) {
                throw needed(profile, "it would send " + shorten(outgoing));
            }
        };
    }

    private static String shorten(String s) {
        String one = s.replace("\n", " ");
        return one.length() > 120 ? one.substring(0, 120) + "..." : one;
    }
}
