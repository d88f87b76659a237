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

    /** The protocol revision the client speaks: Engine.IO 4 or 3 for profiles eio4 and eio3, socket.io 0.9's revision 1 for legacy. */
    public int revision() {
        return switch (profile) {
            case "eio3" -> 3;
            case "legacy" -> 1;
            default -> 4;
        };
    }

    /** The profile of the client requirements, e.g. {@code eio4-client} for an eio4 client. */
    public String requirementProfile() {
        return profile + "-client";
    }

    /** The command and settings in one line; absolute paths by their file name, a classpath cut short, so the line reads the same on any machine. */
    public String describe() {
        return String.join(" ", command.stream().map(ClientTarget::shortWord).toList()) + " · " + settings.describe();
    }

    private static String shortWord(String word) {
        if (word.length() > MAX_WORD) {
            return word.substring(0, MAX_WORD / 4) + "…";
        }
        return word.startsWith("/") && !word.endsWith("/") ? word.substring(word.lastIndexOf('/') + 1) : word;
    }

    private static final int MAX_WORD = 120;
}
