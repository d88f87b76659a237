package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OpenPacketBodyTest {

    @Test
    void thePollingOpenPacketListsItsMembersInTheOrderOfSocketIo48() {
        OpenPacketBody body = new OpenPacketBody("lv_VI97HAXpY6yYWAAAC", List.of("websocket"), 25000, 20000, 1000000);
        assertThat(EnginePacketCodec.encode(body.toPacket())).isEqualTo(
                "0{\"sid\":\"lv_VI97HAXpY6yYWAAAC\",\"upgrades\":[\"websocket\"],\"pingInterval\":25000,"
                        + "\"pingTimeout\":20000,\"maxPayload\":1000000}");
    }

    @Test
    void aWebSocketSessionHasAnEmptyUpgradeList() {
        OpenPacketBody body = new OpenPacketBody("Ie7B1bXxkBfT0lbJAAAB", List.of(), 25000, 20000, 1000000);
        assertThat(body.toJson()).isEqualTo("{\"sid\":\"Ie7B1bXxkBfT0lbJAAAB\",\"upgrades\":[],\"pingInterval\":25000,"
                + "\"pingTimeout\":20000,\"maxPayload\":1000000}");
    }

    @Test
    void theBodyIsAJsonObjectWithExactlyTheFiveMembersAsIntegers() {
        JsonNode json = JsonText.parse(new OpenPacketBody("abc", List.of("websocket"), 300, 200, 1000000).toJson());
        List<String> names = json.properties().stream().map(Map.Entry::getKey).toList();
        assertThat(names).containsExactly("sid", "upgrades", "pingInterval", "pingTimeout", "maxPayload");
        assertThat(json.get("pingInterval").isIntegralNumber()).isTrue();
        assertThat(json.get("pingInterval").intValue()).isEqualTo(300);
        assertThat(json.get("pingTimeout").intValue()).isEqualTo(200);
    }
}
