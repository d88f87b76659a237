package dev.sioconf.suite.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the revision 1 packets a 0.9 client sends, {@code type:id:endpoint:data}, e.g. {@code 5:1+::{"name":"answer","args":[]}}. */
public final class LegacyClientPackets {

    private static final Pattern PACKET = Pattern.compile("^(\\d):([0-9]*\\+?):([^:]*)(?::(.*))?$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A packet: its type, id as written (with its {@code +} when it asks for data), endpoint and data. */
    public record Parsed(int type, String id, String endpoint, String data) {

        /** An event's name, from its JSON data. */
        public Optional<String> eventName() {
            if (type != 5) {
                return Optional.empty();
            }
            try {
                JsonNode json = JSON.readTree(data);
                return json != null && json.path("name").isTextual() ? Optional.of(json.get("name").asText()) : Optional.empty();
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
    }

    private LegacyClientPackets() {
    }

    public static Optional<Parsed> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher m = PACKET.matcher(text);
        return m.matches() ? Optional.of(new Parsed(Integer.parseInt(m.group(1)), m.group(2), m.group(3),
                m.group(4) == null ? "" : m.group(4))) : Optional.empty();
    }

    /** Whether the text is an event of this name on this endpoint ({@code ""} for the main one). */
    public static boolean isEvent(String text, String endpoint, String name) {
        return parse(text).filter(p -> p.endpoint().equals(endpoint)).flatMap(Parsed::eventName).filter(name::equals).isPresent();
    }
}
