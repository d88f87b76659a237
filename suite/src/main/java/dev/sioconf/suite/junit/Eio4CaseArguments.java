package dev.sioconf.suite.junit;

import dev.sioconf.suite.eio4.Eio4Tester;
import dev.sioconf.suite.eio4.Eio4Transport;
import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.target.Targets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.junit.jupiter.params.support.ParameterDeclarations;
import org.junit.platform.commons.support.AnnotationSupport;

/** One {@link Eio4Tester} per eio4 target and applicable transport, named {@code target · transport}. */
public final class Eio4CaseArguments implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        Eio4Case spec = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), Eio4Case.class)
                .orElseThrow(() -> new IllegalStateException("an eio4 case needs @Eio4Case"));
        List<Target> targets = Targets.resolve(context::getConfigurationParameter, "eio4");
        List<Eio4Transport> wanted = Arrays.asList(spec.transports());
        return targets.stream()
                .filter(spec.onlyIf()::appliesTo)
                .flatMap(target -> spec.perTransport()
                        ? Arrays.stream(Eio4Transport.values())
                                .filter(wanted::contains)
                                .filter(t -> t.offeredBy(target.eio4()))
                                .map(t -> Arguments.of(Named.of(target.name() + " · " + t.reportName(), new Eio4Tester(target, t))))
                        : Stream.of(Arguments.of(Named.of(target.name(), new Eio4Tester(target, null)))));
    }
}
