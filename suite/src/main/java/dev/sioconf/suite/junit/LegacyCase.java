package dev.sioconf.suite.junit;

import dev.sioconf.suite.legacy.Transport;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A legacy-profile case, written once and run for every target and every transport it applies
 * to, each combination its own named result (Spring's parameterized server tests do the same).
 * The case receives a {@link dev.sioconf.suite.legacy.LegacyTester}.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}", allowZeroInvocations = true)
@ArgumentsSource(LegacyCaseArguments.class)
@ExtendWith(CaseExtension.class)
public @interface LegacyCase {

    /** What the tester does, in a sentence, for the report. */
    String does();

    /** Run once per offered transport among {@link #transports()}; false runs once per target. */
    boolean perTransport() default true;

    Transport[] transports() default {Transport.WEBSOCKET, Transport.HTMLFILE, Transport.XHR_POLLING, Transport.JSONP_POLLING};

    TargetTrait onlyIf() default TargetTrait.ANY;
}
