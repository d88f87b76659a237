package dev.sioconf.suite.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
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
    void undeclaredEio4SettingsAreTheSocketIo48Defaults() {
        Target t = external(Map.of(Targets.TARGET, "http://h:1", Targets.PROFILE, "eio4"));
        assertThat(t.profile()).isEqualTo("eio4");
        assertThat(t.engine()).isEqualTo(EngineSettings.defaults());
        assertThat(t.declared()).isNull();
    }

    @Test
    void declaredEio4ValuesAreRead() {
        Target t = external(Map.of(Targets.TARGET, "http://h:1", Targets.PROFILE, "eio4", Targets.TRANSPORTS, "websocket",
                Targets.PING_INTERVAL, "300", Targets.PING_TIMEOUT, "200", Targets.MAX_PAYLOAD, "1000",
                Targets.PATH, "/custom", Targets.CORS, "http://a:1,http://b:2", Targets.ECHO_PATH, "/engine.io/",
                Targets.JSONP, "off"));
        EngineSettings s = t.engine();
        assertThat(s.transports()).containsExactly("websocket");
        assertThat(s.upgrades()).isFalse();
        assertThat(s.pingInterval()).isEqualTo(Duration.ofMillis(300));
        assertThat(s.pingTimeout()).isEqualTo(Duration.ofMillis(200));
        assertThat(s.maxPayload()).isEqualTo(1000);
        assertThat(s.path()).isEqualTo("/custom/");
        assertThat(s.cors()).containsExactly("http://a:1", "http://b:2");
        assertThat(s.echoPath()).isEqualTo("/engine.io/");
        assertThat(s.jsonp()).isFalse();
    }

    @Test
    void eio4BadValuesAndForeignKeysSayWhatIsWrong() {
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "http://h:1", Targets.PROFILE, "eio4", Targets.TRANSPORTS, "xhr-polling")))
                .hasMessageContaining("unknown eio4 transport 'xhr-polling'");
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "http://h:1", Targets.PROFILE, "eio4", Targets.PING_INTERVAL, "1.5")))
                .hasMessageContaining("whole number of milliseconds");
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "http://h:1", Targets.PROFILE, "eio4", Targets.POLLING_DURATION, "10")))
                .hasMessageContaining("is a setting of profile legacy");
        assertThatThrownBy(() -> external(Map.of(Targets.TARGET, "http://h:1", Targets.PING_INTERVAL, "300")))
                .hasMessageContaining("is a setting of profile eio3 and eio4");
    }

    @Test
    void declaringIsTheInverseOfReadingAnEngineDeclaration() {
        EngineSettings s = EngineSettings.eio3Defaults().withTransports(List.of("polling")).withCors(List.of("http://a.example"))
                .withPings(Duration.ofMillis(1000), Duration.ofMillis(2000));
        Map<String, String> config = Targets.declaring("eio3", URI.create("http://127.0.0.1:3000"), "x", s);
        assertThat(Targets.engine(key -> Optional.ofNullable(config.get(key)), "eio3")).isEqualTo(s);
        assertThat(Targets.resolve(key -> Optional.ofNullable(config.get(key)))).singleElement()
                .satisfies(t -> assertThat(t.profile()).isEqualTo("eio3"));
    }

    @Test
    void withoutATargetTheProfileKeyPicksTheReferenceScenarios() {
        assertThat(Targets.resolve(key -> Optional.ofNullable(Map.of(Targets.PROFILE, "eio4").get(key))))
                .extracting(Target::name)
                .containsExactly("reference/eio4-all", "reference/eio4-polling", "reference/eio4-websocket-first");
        assertThat(Targets.resolve(key -> Optional.empty())).extracting(Target::profile).containsOnly("legacy", "eio3", "eio4");
    }

    @Test
    void referenceFaultsOfEitherProfileAreKnownAndOthersRefused() {
        assertThat(EmbeddedReference.parseEio4Faults("no-heartbeats,eio4-no-pings")).extracting(f -> f.wireName())
                .containsExactly("eio4-no-pings");
        assertThat(EmbeddedReference.parseFaults("no-heartbeats,eio4-no-pings")).extracting(f -> f.wireName())
                .containsExactly("no-heartbeats");
        assertThatThrownBy(() -> EmbeddedReference.parseFaults("no-such-fault")).hasMessageContaining("unknown fault 'no-such-fault'");
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
