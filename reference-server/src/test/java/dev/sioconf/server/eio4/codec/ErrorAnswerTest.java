package dev.sioconf.server.eio4.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ErrorAnswerTest {

    @Test
    void eachRefusalHasTheCodeAndMessageOfTheTable() {
        assertThat(ErrorAnswer.TRANSPORT_UNKNOWN.body()).isEqualTo("{\"code\":0,\"message\":\"Transport unknown\"}");
        assertThat(ErrorAnswer.SESSION_ID_UNKNOWN.body()).isEqualTo("{\"code\":1,\"message\":\"Session ID unknown\"}");
        assertThat(ErrorAnswer.BAD_HANDSHAKE_METHOD.body()).isEqualTo("{\"code\":2,\"message\":\"Bad handshake method\"}");
        assertThat(ErrorAnswer.BAD_REQUEST.body()).isEqualTo("{\"code\":3,\"message\":\"Bad request\"}");
        assertThat(ErrorAnswer.FORBIDDEN.body()).isEqualTo("{\"code\":4,\"message\":\"Forbidden\"}");
        assertThat(ErrorAnswer.UNSUPPORTED_PROTOCOL_VERSION.body())
                .isEqualTo("{\"code\":5,\"message\":\"Unsupported protocol version\"}");
    }

    @Test
    void onlyTheAuthorizationRefusalIs403() {
        for (ErrorAnswer answer : ErrorAnswer.values()) {
            assertThat(answer.httpStatus()).isEqualTo(answer == ErrorAnswer.FORBIDDEN ? 403 : 400);
        }
    }

    @Test
    void anAuthorizationHookMessageIsQuotedAsJson() {
        assertThat(ErrorAnswer.FORBIDDEN.body("not \"you\""))
                .isEqualTo("{\"code\":4,\"message\":\"not \\\"you\\\"\"}");
    }

    @Test
    void codesReadBackToTheirAnswer() {
        for (ErrorAnswer answer : ErrorAnswer.values()) {
            assertThat(ErrorAnswer.ofCode(answer.code())).isSameAs(answer);
        }
        assertThatThrownBy(() -> ErrorAnswer.ofCode(6)).isInstanceOf(IllegalArgumentException.class);
    }
}
