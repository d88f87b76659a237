package dev.sioconf.suite.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --targets FILE}: several servers in one run, as JSON. Each entry has {@code url}, and may
 * have {@code name}, {@code profile}, {@code contract} ({@code declared} or {@code none}) and
 * {@code settings}, whose members are the option names without their dashes:
 *
 * <pre>{"targets": [
 *   {"name": "chat", "url": "http://127.0.0.1:3000"},
 *   {"name": "legacy", "url": "http://127.0.0.1:3001", "profile": "legacy", "settings": {"polling-duration": 10}}
 * ]}</pre>
 *
 * A bare array of entries is read too.
 */
final class TargetsFile {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> MEMBERS = Set.of("url", "name", "profile", "contract", "settings");

    private TargetsFile() {
    }

    static List<TargetSpec> read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the targets file " + file + ": " + firstLine(e.getMessage()));
        }
        JsonNode entries = root != null && root.isObject() ? root.get("targets") : root;
        if (entries == null || !entries.isArray() || entries.isEmpty()) {
            throw new IllegalArgumentException(file + ": expected {\"targets\": [...]} or an array of targets, each with a url");
        }
        List<TargetSpec> specs = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < entries.size(); i++) {
            TargetSpec spec = entry(file, i, entries.get(i));
            String shown = spec.name() != null ? spec.name() : spec.url();
            if (!names.add(shown)) {
                throw new IllegalArgumentException(file + ": two targets are named '" + shown + "'; give each a name");
            }
            specs.add(spec);
        }
        return specs;
    }

    private static TargetSpec entry(Path file, int i, JsonNode e) {
        String where = file + ": target " + (i + 1);
        if (!e.isObject()) {
            throw new IllegalArgumentException(where + " is not an object");
        }
        for (Iterator<String> it = e.fieldNames(); it.hasNext();) {
            String member = it.next();
            if (!MEMBERS.contains(member)) {
                throw new IllegalArgumentException(where + " has an unknown member '" + member + "'; known: " + String.join(", ", MEMBERS));
            }
        }
        String url = text(e, "url");
        if (url == null) {
            throw new IllegalArgumentException(where + " has no url");
        }
        Map<String, String> settings = new LinkedHashMap<>();
        JsonNode s = e.get("settings");
        if (s != null) {
            if (!s.isObject()) {
                throw new IllegalArgumentException(where + ": settings must be an object");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> m = it.next();
                String key = TargetSpec.OPTION_KEYS.get("--" + m.getKey());
                if (key == null) {
                    throw new IllegalArgumentException(where + " has an unknown setting '" + m.getKey() + "'; known: "
                            + String.join(", ", TargetSpec.OPTION_KEYS.keySet().stream().map(k -> k.substring(2)).toList()));
                }
                settings.put(key, m.getValue().isTextual() ? m.getValue().asText() : m.getValue().toString());
            }
        }
        String profile = text(e, "profile");
        if (profile != null && !dev.sioconf.suite.target.Targets.PROFILES.contains(profile)) {
            throw new IllegalArgumentException(where + ": unknown profile '" + profile + "'; known: "
                    + String.join(", ", dev.sioconf.suite.target.Targets.PROFILES));
        }
        String contract = text(e, "contract");
        if (contract != null && !contract.equals("declared") && !contract.equals("none")) {
            throw new IllegalArgumentException(where + ": contract must be declared or none, not '" + contract + "'");
        }
        dev.sioconf.suite.target.Targets.parseBase(url);
        try {
            dev.sioconf.suite.target.Targets.checkValues(settings, profile);
        } catch (IllegalArgumentException bad) {
            throw new IllegalArgumentException(where + ": " + TargetSpec.inOptionWords(bad.getMessage()));
        }
        return new TargetSpec(url, text(e, "name"), profile, settings, contract);
    }

    private static String text(JsonNode e, String member) {
        JsonNode v = e.get(member);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().findFirst().orElse("");
    }
}
