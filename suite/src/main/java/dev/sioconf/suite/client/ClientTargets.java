package dev.sioconf.suite.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The clients of a run, carried in the configuration key {@code sioconf.clients} as JSON, the
 * form a {@code --clients FILE} has too:
 * {@code {"clients": [{"name": ..., "command": ["node", "client.js"], "profile": "eio4", "reconnectionDelay": 1000, ...}]}}.
 * With no clients configured, the client cases yield no invocation.
 */
public final class ClientTargets {

    public static final String CLIENTS = "sioconf.clients";
    public static final List<String> PROFILES = List.of("eio4", "eio3", "legacy");

    private static final ObjectMapper JSON = new ObjectMapper();

    private ClientTargets() {
    }

    public static List<ClientTarget> resolve(Function<String, Optional<String>> config) {
        return config.apply(CLIENTS).filter(s -> !s.isBlank()).map(ClientTargets::parse).orElse(List.of());
    }

    /** Reads the JSON form; throws {@link IllegalArgumentException} saying what is wrong. */
    public static List<ClientTarget> parse(String json) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the clients are not JSON: " + e.getOriginalMessage());
        }
        JsonNode clients = root == null ? null : root.get("clients");
        if (clients == null || !clients.isArray() || clients.isEmpty()) {
            throw new IllegalArgumentException("the clients JSON needs a non-empty array \"clients\"");
        }
        List<ClientTarget> targets = new ArrayList<>();
        for (JsonNode c : clients) {
            String name = text(c, "name");
            JsonNode command = c.get("command");
            if (command == null || !command.isArray() || command.isEmpty()) {
                throw new IllegalArgumentException("client " + name + ": \"command\" must be a non-empty array of strings");
            }
            List<String> words = new ArrayList<>();
            command.forEach(w -> words.add(w.asText()));
            String profile = c.has("profile") ? c.get("profile").asText() : "eio4";
            if (!PROFILES.contains(profile)) {
                throw new IllegalArgumentException("client " + name + ": unknown client profile '" + profile + "'; known: "
                        + String.join(", ", PROFILES));
            }
            ClientSettings d = ClientSettings.defaultsOf(profile);
            ClientSettings settings = new ClientSettings(
                    Duration.ofMillis(c.path("reconnectionDelay").asLong(d.reconnectionDelay().toMillis())),
                    Duration.ofMillis(c.path("reconnectionDelayMax").asLong(d.reconnectionDelayMax().toMillis())),
                    c.path("randomizationFactor").asDouble(d.randomizationFactor()));
            if (targets.stream().anyMatch(t -> t.name().equals(name))) {
                throw new IllegalArgumentException("two clients are named " + name);
            }
            targets.add(new ClientTarget(name, words, profile, settings));
        }
        return List.copyOf(targets);
    }

    /** A client requirement id as the profile's catalogue numbers it: {@code EIO4C-5.1} on profile eio3 is {@code EIO3C-5.1}. */
    public static String requirementOf(String id, String profile) {
        return profile.equals("legacy") ? id : id.replaceFirst("^EIO[34]C-", profile.toUpperCase(java.util.Locale.ROOT) + "C-");
    }

    public static String toJson(List<ClientTarget> targets) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode clients = root.putArray("clients");
        for (ClientTarget t : targets) {
            ObjectNode c = clients.addObject();
            c.put("name", t.name());
            ArrayNode command = c.putArray("command");
            t.command().forEach(command::add);
            c.put("profile", t.profile());
            c.put("reconnectionDelay", t.settings().reconnectionDelay().toMillis());
            c.put("reconnectionDelayMax", t.settings().reconnectionDelayMax().toMillis());
            c.put("randomizationFactor", t.settings().randomizationFactor());
        }
        return root.toString();
    }

    private static String text(JsonNode c, String field) {
        JsonNode v = c.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            throw new IllegalArgumentException("each client needs a \"" + field + "\"");
        }
        return v.asText();
    }
}
