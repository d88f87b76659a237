package dev.sioconf.reports;

/**
 * The report entries a case publishes (JUnit's {@code publishReportEntry}) so the listener can
 * tell which requirement, target and transport a result belongs to, and what went over the wire.
 */
public final class ReportKeys {
    public static final String CASE = "sioconf.case";
    public static final String PROFILE = "sioconf.profile";
    public static final String REQUIREMENT = "sioconf.requirement";
    public static final String TARGET = "sioconf.target";
    public static final String TRANSPORT = "sioconf.transport";
    public static final String DESCRIPTION = "sioconf.description";
    /** The wire log as a JSON array of {@link WireEntry}. */
    public static final String WIRE = "sioconf.wire";
    /** Set by a case that only records behaviour: its success is INFORMATIONAL, not PASS. */
    public static final String INFORMATIONAL = "sioconf.informational";
    /**
     * How a deployment case's failure message begins: the finding follows, what was found, then
     * after the first colon what to change. The report gathers these into its deployment section.
     */
    public static final String FINDING = "Finding: ";

    private ReportKeys() {
    }
}
