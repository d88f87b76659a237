package dev.sioconf.reports.html;

import dev.sioconf.reports.CaseResult;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The file name of each result's page, {@code cases/<slug>-<hash>.html}. Target names come from
 * the user and may hold {@code /}, {@code ..} or anything else, so the slug keeps only
 * {@code [a-z0-9-]} and the hash of the full key keeps names apart.
 */
final class PageNames {

    static final String DIR = "cases";

    private final Map<CaseResult, String> names = new IdentityHashMap<>();

    PageNames(List<CaseResult> results) {
        Set<String> taken = new HashSet<>();
        for (CaseResult r : results) {
            String key = r.id() + "\n" + r.target() + "\n" + r.transport();
            String name = slug(r) + "-" + hash(key) + ".html";
            // the same case, target and transport twice (a rerun): keep both pages
            for (int n = 2; !taken.add(name); n++) {
                name = slug(r) + "-" + hash(key + "\n" + n) + ".html";
            }
            names.put(r, name);
        }
    }

    /** The page's path relative to the report directory, with {@code /} separators. */
    String href(CaseResult r) {
        return DIR + "/" + fileName(r);
    }

    String fileName(CaseResult r) {
        String name = names.get(r);
        if (name == null) {
            throw new IllegalArgumentException("not a result of this report: " + r.id());
        }
        return name;
    }

    static String slug(CaseResult r) {
        // aBurstOnACustomNamespace: a-burst-on-a-custom-namespace, a capital before a word is a word of its own
        String method = r.id().substring(r.id().lastIndexOf('.') + 1).replaceAll("([a-z0-9])([A-Z])", "$1-$2")
                .replaceAll("([A-Z])([A-Z][a-z])", "$1-$2");
        String slug = part(method, 50) + "-" + part(r.transport(), 16) + "-" + part(r.target(), 30);
        slug = slug.replaceAll("-+", "-").replaceAll("^-|-$", "");
        return slug.isEmpty() ? "case" : slug;
    }

    /** Lower case letters and digits, runs of anything else as one {@code -}, at most {@code max} long. */
    private static String part(String s, int max) {
        String p = s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return p.length() <= max ? p : p.substring(0, max).replaceAll("-+$", "");
    }

    static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder();
            for (int i = 0; i < 5; i++) {
                hex.append(String.format("%02x", digest[i]));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
