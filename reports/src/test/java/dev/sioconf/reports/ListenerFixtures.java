package dev.sioconf.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestReporter;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Tests that {@link ReportOnFinishListenerTest} runs in a launcher of its own. They run only when
 * that launcher sets {@value #KEY}, so the build's own test run never executes them.
 */
final class ListenerFixtures {

    static final String KEY = "sioconf.test.fixture";

    private ListenerFixtures() {
    }

    static final class OnlyInsideTheListenerTest implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            return context.getConfigurationParameter(KEY).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("launched by ReportOnFinishListenerTest")
                    : ConditionEvaluationResult.disabled("a fixture of ReportOnFinishListenerTest");
        }
    }

    /** Two sioconf cases as the suite publishes them: one passing, one missing a MUST. */
    @ExtendWith(OnlyInsideTheListenerTest.class)
    static class SioconfCases {

        @Test
        void passes(TestReporter reporter) {
            reporter.publishEntry(entries("FixtureCases.passes", "LEG-3.1", "websocket"));
        }

        @Test
        void failsAMust(TestReporter reporter) {
            reporter.publishEntry(entries("FixtureCases.failsAMust", "LEG-3.5", "xhr-polling"));
            assertEquals("websocket,xhr-polling", "xhr-polling,websocket", "transports field");
        }

        private static Map<String, String> entries(String id, String requirement, String transport) {
            Map<String, String> e = new HashMap<>();
            e.put(ReportKeys.CASE, id);
            e.put(ReportKeys.PROFILE, "legacy");
            e.put(ReportKeys.REQUIREMENT, requirement);
            e.put(ReportKeys.TARGET, "fixture-target");
            e.put(ReportKeys.TRANSPORT, transport);
            e.put(ReportKeys.DESCRIPTION, "handshakes");
            e.put(ReportKeys.WIRE, "[{\"atMillis\":1,\"direction\":\">\",\"kind\":\"http\",\"text\":\"GET /socket.io/1/\"}]");
            return e;
        }
    }

    /** An ordinary unit test, as in any other module: no sioconf case. */
    @ExtendWith(OnlyInsideTheListenerTest.class)
    static class PlainTests {

        @Test
        void addsUp() {
            assertEquals(2, 1 + 1);
        }
    }
}
