package dev.sioconf.suite.client;

import java.util.List;

/**
 * A client under test: the command that runs it (a program following the contract of
 * spec/eio4-client.md section 1, started once per case with {@code SIOCONF_URL} set), its name
 * in the report, the profile it speaks and its declared settings.
 */
public record ClientTarget(String name, List<String> command, String profile, ClientSettings settings) {

    public ClientTarget {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a client needs a command to run");
        }
        command = List.copyOf(command);
    }

    /** The profile of the client requirements, e.g. {@code eio4-client} for an eio4 client. */
    public String requirementProfile() {
        return profile + "-client";
    }

    public String describe() {
        return String.join(" ", command) + " · " + settings.describe();
    }
}
