package dev.sioconf.suite.junit;

import dev.sioconf.suite.engine.EngineTester;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/** One {@link EngineTester} per eio4 target and applicable transport, named {@code target · transport}. */
public final class Eio4CaseArguments implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        Eio4Case spec = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Eio4Case.class)
                .orElseThrow(() -> new IllegalStateException("an eio4 case needs @Eio4Case"));
        return EngineCaseArguments.of(context, "eio4", spec.perTransport(), spec.transports(), spec.onlyIf());
    }
}
