package dev.sioconf.suite.junit;

import dev.sioconf.suite.engine.EngineTransport;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * An eio3-profile case, written once and run for every eio3 target and every transport it
 * applies to, each combination its own named result {@code target · transport}. The case
 * receives a {@link dev.sioconf.suite.engine.EngineTester}. With no eio3 target in the run it yields
 * no invocation at all (not a failure).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}", allowZeroInvocations = true)
@ArgumentsSource(Eio3CaseArguments.class)
@ExtendWith(CaseExtension.class)
public @interface Eio3Case {

    /** What the tester does, in a sentence, for the report. */
    String does();

    /** Run once per offered transport among {@link #transports()}; false runs once per target. */
    boolean perTransport() default true;

    EngineTransport[] transports() default {EngineTransport.POLLING, EngineTransport.POLLING_JSONP, EngineTransport.WEBSOCKET,
            EngineTransport.UPGRADE};

    EngineTrait onlyIf() default EngineTrait.ANY;
}
