package dev.sioconf.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The requirements of one profile, read from its markdown document.
 *
 * <p>The document is the single source: a requirement is a line
 * {@code - **LEG-3.2** (MUST) text}, and its section is the nearest {@code ## 3. Title} above it.
 * Anything that looks like a requirement but breaks the format is an error, so a typo cannot
 * silently drop a requirement from the catalogue.
 */
public final class RequirementCatalogue {

    private static final Pattern SECTION = Pattern.compile("^## (\\d+)\\. (.+)$");
    private static final Pattern REQUIREMENT =
            Pattern.compile("^- \\*\\*([A-Z0-9]+)-(\\d+)\\.(\\d+)\\*\\* \\((MUST|SHOULD|MAY)\\) (\\S.*)$");
    private static final Pattern LOOKS_LIKE_REQUIREMENT = Pattern.compile("^\\s*[-*] \\*\\*[A-Z0-9]+-\\d");

    private final String profile;
    private final Map<String, Requirement> byId;

    private RequirementCatalogue(String profile, Map<String, Requirement> byId) {
        this.profile = profile;
        this.byId = Collections.unmodifiableMap(byId);
    }

    /** Loads the catalogue of a profile ({@code legacy}, ...) bundled on the classpath. */
    public static RequirementCatalogue load(String profile) {
        String resource = profile + ".md";
        try (InputStream in = RequirementCatalogue.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no spec document for profile '" + profile + "'");
            }
            return parse(profile, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses a profile document; throws {@link IllegalArgumentException} naming the first bad line. */
    public static RequirementCatalogue parse(String profile, String markdown) {
        Map<String, Requirement> byId = new LinkedHashMap<>();
        String sectionNumber = null;
        String sectionTitle = null;
        int expectedIndex = 1;
        String[] lines = markdown.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            Matcher section = SECTION.matcher(line);
            if (section.matches()) {
                sectionNumber = section.group(1);
                sectionTitle = section.group(1) + ". " + section.group(2).trim();
                expectedIndex = 1;
                continue;
            }
            if (!LOOKS_LIKE_REQUIREMENT.matcher(line).find()) {
                continue;
            }
            int lineNumber = i + 1;
            Matcher m = REQUIREMENT.matcher(line);
            if (!m.matches()) {
                throw bad(profile, lineNumber, "not of the form '- **ID-N.K** (MUST|SHOULD|MAY) text'");
            }
            String id = m.group(1) + "-" + m.group(2) + "." + m.group(3);
            if (sectionNumber == null || !sectionNumber.equals(m.group(2))) {
                throw bad(profile, lineNumber, id + " stands outside section " + m.group(2));
            }
            if (Integer.parseInt(m.group(3)) != expectedIndex) {
                throw bad(profile, lineNumber, id + " is out of sequence, expected index " + expectedIndex);
            }
            expectedIndex++;
            Level level = Level.valueOf(m.group(4));
            String text = m.group(5).trim();
            if (!text.contains(level.name())) {
                throw bad(profile, lineNumber, id + " is marked " + level + " but its text does not say " + level);
            }
            if (byId.put(id, new Requirement(id, level, sectionTitle, text)) != null) {
                throw bad(profile, lineNumber, id + " is defined twice");
            }
        }
        return new RequirementCatalogue(profile, byId);
    }

    private static IllegalArgumentException bad(String profile, int line, String why) {
        return new IllegalArgumentException(profile + ".md line " + line + ": " + why);
    }

    public String profile() {
        return profile;
    }

    public Optional<Requirement> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Requirement get(String id) {
        Requirement r = byId.get(id);
        if (r == null) {
            throw new IllegalArgumentException("unknown requirement id '" + id + "' in profile " + profile);
        }
        return r;
    }

    /** Every requirement, in document order. */
    public List<Requirement> all() {
        return new ArrayList<>(byId.values());
    }

    public List<Requirement> withLevel(Level level) {
        return byId.values().stream().filter(r -> r.level() == level).toList();
    }
}
