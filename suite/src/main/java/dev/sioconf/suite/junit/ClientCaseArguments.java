package dev.sioconf.suite.junit;

import dev.sioconf.suite.client.ClientTargets;
import dev.sioconf.suite.client.ClientTester;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/** One {@link ClientTester} per client of the case's profile and per transport, named {@code client · transport}. */
public final class ClientCaseArguments implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        ClientCase spec = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), ClientCase.class)
                .orElseThrow(() -> new IllegalStateException("a client case needs @ClientCase"));
        return ClientTargets.resolve(context::getConfigurationParameter).stream()
                .filter(c -> Arrays.asList(spec.profiles()).contains(c.profile()))
                .flatMap(c -> Arrays.stream(spec.transports())
                        .map(t -> Arguments.of(Named.of(c.name() + " · " + t.reportName(), new ClientTester(c, t)))));
    }
}
