package dev.sioconf.suite.junit;

import dev.sioconf.suite.legacy.LegacyTester;
import dev.sioconf.suite.legacy.Transport;
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

/** One {@link LegacyTester} per target and applicable transport, named {@code target · transport}. */
public final class LegacyCaseArguments implements ArgumentsProvider {

    @Override
    public Stream<? extends Arguments> provideArguments(ParameterDeclarations parameters, ExtensionContext context) {
        LegacyCase spec = AnnotationSupport.findAnnotation(context.getRequiredTestMethod(), LegacyCase.class)
                .orElseThrow(() -> new IllegalStateException("a legacy case needs @LegacyCase"));
        List<Target> targets = Targets.resolve(context::getConfigurationParameter, "legacy");
        List<Transport> wanted = Arrays.asList(spec.transports());
        return targets.stream()
                .filter(spec.onlyIf()::appliesTo)
                .flatMap(target -> spec.perTransport()
                        ? target.declared().transports().stream()
                                .map(Transport::of)
                                .filter(wanted::contains)
                                .map(t -> Arguments.of(Named.of(target.name() + " · " + t.wireName(), new LegacyTester(target, t))))
                        : Stream.of(Arguments.of(Named.of(target.name(), new LegacyTester(target, null)))));
    }
}
