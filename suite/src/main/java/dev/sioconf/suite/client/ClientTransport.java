package dev.sioconf.suite.client;

/**
 * The transport a client case runs over. The tester, being the server, decides it: on
 * {@code POLLING} its open packet offers no upgrade, on {@code WEBSOCKET} it offers one and the
 * case goes on once the client has upgraded.
 */
public enum ClientTransport {
    POLLING("polling"),
    WEBSOCKET("websocket");

    private final String reportName;

    ClientTransport(String reportName) {
        this.reportName = reportName;
    }

    public String reportName() {
        return reportName;
    }
}
