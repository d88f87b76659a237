package dev.sioconf.server.legacy.contract;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.sioconf.server.legacy.Fault;
import dev.sioconf.server.json.JsonString;
import dev.sioconf.server.legacy.codec.Packet;
import dev.sioconf.server.legacy.session.PacketHandler;
import dev.sioconf.server.legacy.session.Session;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The application every server under test sets up (spec/legacy.md, "server contract"), on the
 * default endpoint and on {@code /custom}: {@code sendMessage} gets {@code helloBack}, {@code echo}
 * comes straight back (and as the ack when one is asked for), messages and json messages are
 * echoed. Nothing else is sent, so the suite can tell every packet's cause (LEG-16.7); a connect
 * to an endpoint outside the contract gets no answer (LEG-14.5).
 */
public final class ServerContract implements PacketHandler {

    public static final Set<String> ENDPOINTS = Set.of("", "/custom");
    static final String HELLO_BACK_ARGS = "[{\"message\":\"Hello back!\"}]";
    static final String WRONG_HELLO_BACK_ARGS = "[{\"message\":\"Hello back\"}]";

    private static final Logger LOG = Logger.getLogger(ServerContract.class.getName());

    // Exact decimals so that an echo gives back numbers as they were written.
    private final ObjectMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();
    private final Set<Fault> faults;

    public ServerContract() {
        this(Set.of());
    }

    /** The contract as a server started with {@code faults} runs it. */
    public ServerContract(Set<Fault> faults) {
        this.faults = Set.copyOf(faults);
    }

    @Override
    public void onPacket(Session session, Packet packet) {
        String endpoint = packet.endpoint();
        switch (packet.type()) {
            case CONNECT -> {
                if (!endpoint.isEmpty() && ENDPOINTS.contains(endpoint)) {
                    session.send(Packet.connect(endpoint));
                }
            }
            case MESSAGE -> {
                if (ENDPOINTS.contains(endpoint)) {
                    session.send(Packet.message(endpoint, packet.data()));
                    ackWithData(session, packet, "[" + JsonString.quote(packet.data()) + "]");
                }
            }
            case JSON -> {
                if (ENDPOINTS.contains(endpoint) && parse(packet.data()) != null) {
                    session.send(Packet.json(endpoint, packet.data()));
                    ackWithData(session, packet, "[" + packet.data() + "]");
                }
            }
            case EVENT -> {
                if (ENDPOINTS.contains(endpoint)) {
                    onEvent(session, packet);
                }
            }
            default -> {
                // acks, errors, noops and endpoint disconnects need no answer
            }
        }
    }

    private void onEvent(Session session, Packet packet) {
        JsonNode event = parse(packet.data());
        if (event == null || !event.path("name").isTextual()) {
            LOG.fine(() -> "session " + session.id() + ": event without a name: " + packet.data());
            return;
        }
        String endpoint = packet.endpoint();
        JsonNode args = event.path("args");
        String argsJson = args.isArray() ? args.toString() : "[]";
        switch (event.get("name").asText()) {
            case "sendMessage" -> session.send(Packet.event(endpoint, "helloBack",
                    faults.contains(Fault.HELLOBACK_WRONG) ? WRONG_HELLO_BACK_ARGS : HELLO_BACK_ARGS));
            case "echo" -> {
                session.send(Packet.event(endpoint, "echo", argsJson));
                ackWithData(session, packet, argsJson);
            }
            default -> LOG.fine(() -> "session " + session.id() + ": event outside the contract: " + packet.data());
        }
    }

    private static void ackWithData(Session session, Packet packet, String argsJson) {
        if (packet.dataAck()) {
            session.send(Packet.ack(packet.endpoint(), packet.id(), argsJson));
        }
    }

    private JsonNode parse(String text) {
        try {
            JsonNode node = json.readTree(text);
            return node == null || node.isMissingNode() ? null : node;
        } catch (JsonProcessingException e) {
            return null;
        }
    }
}
