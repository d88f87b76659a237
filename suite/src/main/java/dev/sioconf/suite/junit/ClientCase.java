package dev.sioconf.suite.junit;

import dev.sioconf.suite.client.ClientTransport;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * A client case, written once and run for every client under test of its profile and every
 * transport it names, each combination its own named result {@code client · transport}. The case
 * receives a {@link dev.sioconf.suite.client.ClientTester}. With no client in the run it yields no
 * invocation at all.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@ParameterizedTest(name = "{0}", allowZeroInvocations = true)
@ArgumentsSource(ClientCaseArguments.class)
@ExtendWith(CaseExtension.class)
public @interface ClientCase {

    /** What the tester does, in a sentence, for the report. */
    String does();

    /**
     * The protocol profiles of the clients this case checks. Its {@code @Requirement} is numbered
     * as in eio4-client.md, and eio3-client.md keeps that numbering where the rule is the same.
     */
    String[] profiles() default {"eio4", "eio3"};

    ClientTransport[] transports() default {ClientTransport.POLLING, ClientTransport.WEBSOCKET};
}
