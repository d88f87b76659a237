package dev.sioconf.suite.junit;

import dev.sioconf.reports.ReportKeys;
import dev.sioconf.suite.legacy.LegacyTester;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;

/**
 * Tells the report which requirement, target and transport each invocation is, and hands it the
 * wire log when the invocation ends, pass or fail.
 */
public final class CaseExtension implements InvocationInterceptor {

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        LegacyTester tester = call.getArguments().stream()
                .filter(LegacyTester.class::isInstance).map(LegacyTester.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("a legacy case takes a LegacyTester"));
        Method method = call.getExecutable();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ReportKeys.CASE, method.getDeclaringClass().getSimpleName() + "." + method.getName());
        entries.put(ReportKeys.PROFILE, "legacy");
        entries.put(ReportKeys.REQUIREMENT, requirementOf(method));
        entries.put(ReportKeys.DESCRIPTION, method.getAnnotation(LegacyCase.class).does());
        entries.put(ReportKeys.TARGET, tester.target().name());
        entries.put(ReportKeys.TRANSPORT, tester.perTransport() ? tester.transport().wireName() : "-");
        context.publishReportEntry(entries);
        try {
            invocation.proceed();
        } finally {
            context.publishReportEntry(ReportKeys.WIRE, tester.log().toJson());
        }
    }

    static String requirementOf(Method method) {
        Requirement r = method.getAnnotation(Requirement.class);
        if (r == null) {
            throw new IllegalStateException(method + " names no @Requirement");
        }
        return r.value();
    }
}
