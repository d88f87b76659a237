package dev.sioconf.suite.junit;

import org.opentest4j.TestAbortedException;

/**
 * A case reached for the contract application (an event only the contract answers, the
 * {@code /custom} namespace) on a target that runs none: the case is SKIPPED with the section it
 * needs, never failed for what the server was not asked to do.
 */
public final class ContractNeeded extends TestAbortedException {

    public ContractNeeded(String message) {
        super(message);
    }
}
