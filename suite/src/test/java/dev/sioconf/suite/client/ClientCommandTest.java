package dev.sioconf.suite.client;

import static dev.sioconf.suite.cli.CliRun.sioconf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sioconf.suite.cli.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sioconf client}: bad input and clients that never connect end at once with exit 2 and one clear line. */
class ClientCommandTest {

    @TempDir
    Path dir;

    @Test
    void noCommandIsAUsageError() {
        CliRun run = sioconf("client");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("name the client to run after --");
    }

    @Test
    void anUnknownClientProfileIsNamed() {
        CliRun run = sioconf("client", "--profile", "eio9", "--", "node", "x.js");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("unknown client profile 'eio9'; known: eio4");
    }

    @Test
    void aCommandThatCannotRunEndsTheRunBeforeAnyCase() {
        CliRun run = sioconf("client", "--report", dir.resolve("r").toString(), "--", "no-such-program-sioconf");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("cannot start the client no-such-program-sioconf");
        assertThat(dir.resolve("r")).doesNotExist();
    }

    @Test
    void aClientThatExitsWithoutARequestIsReportedWithWhatItPrinted() {
        CliRun run = sioconf("client", "--name", "quitter", "--", "sh", "-c", "echo cannot find the module; exit 3");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("the client quitter exited with status 3 without a request to SIOCONF_URL")
                .contains("cannot find the module");
    }

    @Test
    void aClientsFileAndACommandAreNotBothGiven() throws Exception {
        Path file = Files.writeString(dir.resolve("clients.json"), "{\"clients\":[{\"name\":\"a\",\"command\":[\"true\"]}]}");
        CliRun run = sioconf("client", "--clients", file.toString(), "--", "node", "x.js");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("--clients FILE names every client");
    }

    @Test
    void aSelectionThatMatchesNoClientCaseIsRefused() {
        CliRun run = sioconf("client", "--select", "EIO4C-99", "--", "true");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("no client case matches");
    }
}
