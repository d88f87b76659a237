package dev.sioconf.suite.junit;

import dev.sioconf.suite.engine.EngineTester;
import dev.sioconf.suite.engine.EngineTransport;
import dev.sioconf.suite.target.Target;
import dev.sioconf.suite.target.Targets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.params.provider.Arguments;

/** One {@link EngineTester} per target of an Engine.IO profile and applicable transport, named {@code target · transport}. */
final class EngineCaseArguments {

    private EngineCaseArguments() {
    }

    static Stream<? extends Arguments> of(ExtensionContext context, String profile, boolean perTransport,
            EngineTransport[] transports, EngineTrait onlyIf) {
        List<Target> targets = Targets.resolve(context::getConfigurationParameter, profile);
        List<EngineTransport> wanted = Arrays.asList(transports);
        return targets.stream()
                .filter(onlyIf::appliesTo)
                .flatMap(target -> perTransport
                        ? Arrays.stream(EngineTransport.values())
                                .filter(wanted::contains)
                                .filter(t -> t.offeredBy(target.engine()))
                                .map(t -> Arguments.of(Named.of(target.name() + " · " + t.reportName(), new EngineTester(target, t))))
                        : Stream.of(Arguments.of(Named.of(target.name(), new EngineTester(target, null)))));
    }
}
