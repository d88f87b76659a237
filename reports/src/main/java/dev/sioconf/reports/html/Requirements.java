package dev.sioconf.reports.html;

import dev.sioconf.spec.Requirement;
import dev.sioconf.spec.RequirementCatalogue;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Looks requirements up in spec/ for the report. A result naming an unknown profile or id still
 * gets a page; it is just shown without the requirement's text and under "Other".
 */
final class Requirements {

    static final String OTHER_SECTION = "Other";

    private final Map<String, Optional<RequirementCatalogue>> catalogues = new HashMap<>();

    Optional<Requirement> find(String profile, String id) {
        if (profile == null || profile.isEmpty() || id == null) {
            return Optional.empty();
        }
        return catalogues.computeIfAbsent(profile, Requirements::load).flatMap(c -> c.find(id));
    }

    String section(String profile, String id) {
        return find(profile, id).map(Requirement::section).orElse(OTHER_SECTION);
    }

    String level(String profile, String id) {
        return find(profile, id).map(r -> r.level().name()).orElse("?");
    }

    private static Optional<RequirementCatalogue> load(String profile) {
        try {
            return Optional.of(RequirementCatalogue.load(profile));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
