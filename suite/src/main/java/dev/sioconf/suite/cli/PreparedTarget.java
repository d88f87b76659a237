package dev.sioconf.suite.cli;

import dev.sioconf.suite.target.ContractProbe;
import dev.sioconf.suite.target.ContractUse;
import dev.sioconf.suite.target.Discovery;
import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.target.Targets;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A user's server made ready for the cases: its profile and settings discovered from its
 * handshakes, the user's own settings on top, and whether it runs the contract application.
 *
 * @param config     the {@code sioconf.*} configuration the cases run with
 * @param target     the target as the cases see it
 * @param discovered the settings read off the server and not declared by the user, as {@code option=value}
 * @param lines      what the console says of this target before the run
 * @param contractBy how the contract status was known: {@code declared}, {@code none} (declared) or {@code detected}
 */
record PreparedTarget(Map<String, String> config, Target target, List<String> discovered, List<String> lines, String contractBy) {

    static PreparedTarget prepare(TargetSpec spec) {
        URI base = Targets.parseBase(spec.url());
        String path = spec.settings().containsKey(Targets.PATH) ? Targets.parsePath(Targets.PATH, spec.settings().get(Targets.PATH))
                : "/socket.io/";
        Discovery.Found found = new Discovery(base, path).discover(spec.profile());
        List<String> foreign = spec.optionsForeignTo(found.profile());
        if (!foreign.isEmpty()) {
            throw new IllegalArgumentException(foreign.get(0) + " is a setting of profile "
                    + (found.profile().equals("legacy") ? "eio3 and eio4" : "legacy") + ", not of " + found.profile()
                    + (spec.profile() == null ? " (the profile the server speaks)" : ""));
        }
        List<String> lines = new ArrayList<>();
        Map<String, String> config = new LinkedHashMap<>();
        config.put(Targets.TARGET, spec.url());
        if (spec.name() != null) {
            config.put(Targets.NAME, spec.name());
        }
        config.put(Targets.PROFILE, found.profile());
        config.putAll(found.assumed());
        config.putAll(found.announced());
        List<String> discovered = new ArrayList<>();
        List<String> assumed = new ArrayList<>();
        found.announced().forEach((k, v) -> {
            if (!spec.settings().containsKey(k)) {
                discovered.add(TargetSpec.optionOf(k).substring(2) + "=" + v);
            }
        });
        found.assumed().forEach((k, v) -> {
            if (!spec.settings().containsKey(k)) {
                assumed.add(TargetSpec.optionOf(k).substring(2) + "=" + v);
            }
        });
        lines.add("profile " + found.profile() + (spec.profile() == null ? " (discovered: " : " (declared; the handshake answered ")
                + shorten(found.evidence()) + ")");
        if (!discovered.isEmpty()) {
            lines.add("discovered, not declared: " + String.join(" ", discovered));
        }
        if (!assumed.isEmpty()) {
            lines.add("not announced by the server, defaults assumed: " + String.join(" ", assumed));
        }
        for (String other : found.also()) {
            lines.add("also answers " + other + " (" + mentioned(other) + "): --profile " + other + " checks that");
        }
        found.notes().forEach(n -> lines.add("note: " + n));
        List<String> mismatches = new ArrayList<>();
        spec.settings().forEach((k, v) -> {
            String announced = found.announced().get(k);
            if (announced != null && !same(k, v, announced)) {
                mismatches.add("declared " + TargetSpec.optionOf(k) + " " + v + ", but the server announces " + announced);
            }
        });
        mismatches.forEach(m -> lines.add("MISMATCH: " + m
                + ": the cases that depend on it will fail (leave the option out to use the announced value)"));
        config.putAll(spec.settings());
        if (!mismatches.isEmpty()) {
            config.put(Targets.MISMATCHES, String.join("; ", mismatches));
        }
        Target target = Targets.resolve(k -> java.util.Optional.ofNullable(config.get(k))).get(0);

        String contractBy = spec.contract() == null ? "detected" : spec.contract();
        switch (contractBy) {
            case "declared" -> lines.add("contract: declared (" + ContractUse.section(found.profile()) + ")");
            case "none" -> {
                config.put(Targets.CONTRACT, "none");
                lines.add("contract: none, as declared: the cases that need " + ContractUse.section(found.profile()) + " are SKIPPED");
            }
            case "detected" -> {
                ContractProbe.Outcome o = ContractProbe.probe(target);
                if (o.answers()) {
                    lines.add("contract: found (" + o.why() + ")");
                } else {
                    config.put(Targets.CONTRACT, "none");
                    lines.add("CONTRACT NOT FOUND: " + o.why() + ". Checking without the contract of "
                            + ContractUse.section(found.profile()) + ": the cases that need it are SKIPPED"
                            + " (--contract declared runs them anyway)");
                }
            }
            default -> throw new IllegalArgumentException("--contract must be declared or none, not '" + spec.contract() + "'");
        }
        target = Targets.resolve(k -> java.util.Optional.ofNullable(config.get(k))).get(0);
        return new PreparedTarget(Map.copyOf(config), target, List.copyOf(discovered), List.copyOf(lines),
                target.contractFree() && contractBy.equals("detected") ? "detected" : contractBy);
    }

    /** The target's settings in one line for the report, saying which were read off the server. */
    String describe() {
        return target.base() + " " + target.describe()
                + (discovered.isEmpty() ? "" : " · discovered, not declared: " + String.join(" ", discovered))
                + (target.contractFree() ? " · contract none (" + (contractBy.equals("detected") ? "detected" : "declared") + ")" : "");
    }

    private static boolean same(String key, String declared, String announced) {
        if (Objects.equals(declared.trim(), announced)) {
            return true;
        }
        try {
            return new java.math.BigDecimal(declared.trim()).compareTo(new java.math.BigDecimal(announced)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String mentioned(String profile) {
        return switch (profile) {
            case "eio4" -> "socket.io 3.x and 4.x clients";
            case "eio3" -> "socket.io 1.x and 2.x clients";
            default -> "socket.io 0.9 clients";
        };
    }

    private static String shorten(String s) {
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
