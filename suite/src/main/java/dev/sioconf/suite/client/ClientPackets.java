package dev.sioconf.suite.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Socket.IO packets a client sends inside Engine.IO message packets ({@code 4} then the
 * Socket.IO packet), e.g. {@code 42/custom,7["answer",1]}, for the cases to match on.
 */
public final class ClientPackets {

    private static final Pattern PACKET = Pattern.compile("^4([0-6])(?:(\\d+)-)?(?:(/[^,]*),)?(\\d+)?(.*)$", Pattern.DOTALL);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A Socket.IO packet: type 0 to 6, its namespace ({@code /} when none is written), id (or -1), and JSON data as written. */
    public record Parsed(int type, int attachments, String nsp, long id, String data) {

        /** The event's name when the data is an array starting with a string. */
        public Optional<String> eventName() {
            return json().filter(JsonNode::isArray).filter(a -> !a.isEmpty() && a.get(0).isTextual()).map(a -> a.get(0).asText());
        }

        public Optional<JsonNode> json() {
            if (data.isEmpty()) {
                return Optional.empty();
            }
            try {
                return Optional.of(JSON.readTree(data));
            } catch (JsonProcessingException e) {
                return Optional.empty();
            }
        }
    }

    private ClientPackets() {
    }

    /** The Socket.IO packet in an Engine.IO packet's text, or empty when it is not a message packet. */
    public static Optional<Parsed> parse(String engineText) {
        if (engineText == null) {
            return Optional.empty();
        }
        Matcher m = PACKET.matcher(engineText);
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Parsed(Integer.parseInt(m.group(1)), m.group(2) == null ? 0 : Integer.parseInt(m.group(2)),
                m.group(3) == null ? "/" : m.group(3), m.group(4) == null ? -1 : Long.parseLong(m.group(4)), m.group(5)));
    }

    /** Whether the text is an event of this name on this namespace ({@code /} for the main one). */
    public static boolean isEvent(String engineText, String nsp, String name) {
        return parse(engineText).filter(p -> p.type() == 2 && p.nsp().equals(nsp))
                .flatMap(Parsed::eventName).filter(name::equals).isPresent();
    }
}
