package dev.sioconf.suite.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sioconf.suite.eio4.Eio4Codec;
import java.util.ArrayList;
import java.util.List;

/**
 * The open packet {@code 0{...}} of a session (spec/eio4.md section 3), read strictly enough that
 * a case can rely on its members, with the JSON kept for cases that check more.
 *
 * @param members the object's member names, in the order written
 */
public record OpenPacket(String packet, JsonNode json, List<String> members) {

    private static final ObjectMapper JSON = new ObjectMapper();

    public static OpenPacket parse(String packet) {
        if (!packet.startsWith("0{")) {
            throw new AssertionError("expected the open packet 0{...}\nActual: " + Eio4Codec.visible(packet));
        }
        JsonNode json;
        try {
            json = JSON.readTree(packet.substring(1));
        } catch (JsonProcessingException e) {
            throw new AssertionError("the open packet's data is not JSON: " + e.getOriginalMessage() + "\nActual: " + packet);
        }
        if (json == null || !json.isObject() || !json.path("sid").isTextual()) {
            throw new AssertionError("the open packet has no string member sid\nActual: " + packet);
        }
        List<String> members = new ArrayList<>();
        json.fieldNames().forEachRemaining(members::add);
        return new OpenPacket(packet, json, List.copyOf(members));
    }

    public String sid() {
        return json.get("sid").asText();
    }

    public List<String> upgrades() {
        List<String> out = new ArrayList<>();
        json.path("upgrades").forEach(n -> out.add(n.asText()));
        return out;
    }

    public JsonNode member(String name) {
        return json.get(name);
    }
}
