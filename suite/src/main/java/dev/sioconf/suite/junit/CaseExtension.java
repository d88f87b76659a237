package dev.sioconf.suite.junit;

import dev.sioconf.reports.ReportKeys;
import dev.sioconf.suite.target.ContractUse;
import java.lang.reflect.Method;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.opentest4j.AssertionFailedError;

/**
 * Tells the report which requirement, target and transport each invocation is, and hands it the
 * wire log when the invocation ends, pass or fail.
 */
public final class CaseExtension implements InvocationInterceptor {

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> call,
            ExtensionContext context) throws Throwable {
        CaseTester tester = call.getArguments().stream()
                .filter(CaseTester.class::isInstance).map(CaseTester.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("a case takes a tester"));
        Method method = call.getExecutable();
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put(ReportKeys.CASE, method.getDeclaringClass().getSimpleName() + "." + method.getName());
        entries.put(ReportKeys.PROFILE, tester.profile());
        entries.put(ReportKeys.REQUIREMENT, tester.requirement(requirementOf(method)));
        entries.put(ReportKeys.DESCRIPTION, describe(method));
        entries.put(ReportKeys.TARGET, tester.targetName());
        entries.put(ReportKeys.TRANSPORT, tester.transportName());
        context.publishReportEntry(entries);
        String profile = tester.profile();
        if (tester.contractFree() && entries.get(ReportKeys.REQUIREMENT).startsWith(ContractUse.requirementPrefix(profile))) {
            invocation.skip();
            throw ContractUse.needed(profile, "its requirement is one of the contract's");
        }
        try {
            invocation.proceed();
        } catch (AssertionError e) {
            throw withMismatches(e, tester.mismatches());
        } finally {
            context.publishReportEntry(ReportKeys.WIRE, tester.log().toJson());
        }
    }

    /**
     * A failure on a target whose handshake contradicts what the user declared says so: the
     * declared value, not the server, may be what the case tripped over.
     */
    static AssertionError withMismatches(AssertionError e, String mismatches) {
        if (mismatches.isEmpty()) {
            return e;
        }
        String message = (e.getMessage() == null ? "" : e.getMessage()) + "\n" + ProgressLines.MISMATCH + mismatches + ")";
        AssertionFailedError marked = e instanceof AssertionFailedError afe && afe.isExpectedDefined() && afe.isActualDefined()
                ? new AssertionFailedError(message, afe.getExpected().getValue(), afe.getActual().getValue(), e)
                : new AssertionFailedError(message, e);
        marked.setStackTrace(e.getStackTrace());
        return marked;
    }

    static String describe(Method method) {
        LegacyCase legacy = method.getAnnotation(LegacyCase.class);
        if (legacy != null) {
            return legacy.does();
        }
        Eio3Case eio3 = method.getAnnotation(Eio3Case.class);
        if (eio3 != null) {
            return eio3.does();
        }
        Eio4Case eio4 = method.getAnnotation(Eio4Case.class);
        if (eio4 != null) {
            return eio4.does();
        }
        ClientCase client = method.getAnnotation(ClientCase.class);
        if (client != null) {
            return client.does();
        }
        throw new IllegalStateException(method + " is not a @LegacyCase, @Eio3Case, @Eio4Case or @ClientCase");
    }

    static String requirementOf(Method method) {
        Requirement r = method.getAnnotation(Requirement.class);
        if (r == null) {
            throw new IllegalStateException(method + " names no @Requirement");
        }
        return r.value();
    }
}
