package dev.sioconf.suite.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetsTest {

    static Target external(Map<String, String> config) {
        return Targets.external(config.get(Targets.TARGET), k -> Optional.ofNullable(config.get(k)));
    }

    @Test
    void undeclaredSettingsAreTheSocketIo09Defaults() {
        Target t = external(Map.of(Targets.TARGET, "http://127.0.0.1:3000"));
        assertThat(t.declared()).isEqualTo(DeclaredSettings.legacyDefaults());
        assertThat(t.name()).isEqualTo("127.0.0.1:3000");
    }

    @Test
    void heartbeatOffDeclaresNoHeartbeats() {
        Target t = external(Map.of(Targets.TARGET, "http://h:1", Targets.HEARTBEAT_TIMEOUT, "off"));
        assertThat(t.declared().heartbeatTimeout()).isNull();
    }

    @Test
    void declaredValuesAreRead() {
        Target t = external(Map.of(Targets.TARGET, "http://h:1", Targets.TRANSPORTS, "xhr-polling, websocket",
                Targets.POLLING_DURATION, "10", Targets.CLOSE_TIMEOUT, "2.5", Targets.ORIGINS, "a:1,*:2"));
        assertThat(t.declared().transports()).containsExactly("xhr-polling", "websocket");
        assertThat(t.declared().pollingDuration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(t.declared().closeTimeout()).isEqualTo(Duration.ofMillis(2500));
        assertThat(t.declared().origins()).containsExactly("a:1", "*:2");
    }

    @Test
    void badValuesSayWhatIsWrong() {
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "http://h:1", Targets.TRANSPORTS, "xhr-polling,xhr-polling")))
                .hasMessageContaining("listed twice");
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "http://h:1", Targets.POLLING_DURATION, "-1")))
                .hasMessageContaining("must be above 0");
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "h:1"))).hasMessageContaining("http://host:port");
    }
}
