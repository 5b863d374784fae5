package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * The shell's Ctrl-C interrupts the thread running a command: the long passes over every sheet
 * (search, check) stop between sheets with exit 130, rather than running on unseen.
 */
class InterruptedCommandsTest {
    @AfterEach
    void clearTheFlag() {
        Thread.interrupted();
    }

    private static Cli withSheets() {
        Cli cli = new Cli();
        for (int i = 0; i < 20; i++) {
            cli.write("site/drugs/testamab" + i + ".yaml", TestSheets.drug("testamab" + i, "Testix" + i, null));
        }
        return cli;
    }

    @Test
    void anInterruptedSearchStopsAndSaysSo() {
        Cli cli = withSheets();
        Thread.currentThread().interrupt();
        Result r = cli.run("search", "infection", "--data", "site");
        assertEquals(Exit.INTERRUPTED, r.code(), r::toString);
        assertTrue(r.err().contains("cancelled"), r.err());
        assertEquals("", r.out(), "no half list of hits");
    }

    @Test
    void anInterruptedCheckStopsAndSaysSo() {
        Cli cli = withSheets();
        Thread.currentThread().interrupt();
        Result r = cli.run("check", "--data", "site");
        assertEquals(Exit.INTERRUPTED, r.code(), r::toString);
        assertTrue(r.err().contains("cancelled"), r.err());
    }

    @Test
    void withoutCtrlCBothRunToTheEnd() {
        Cli cli = withSheets();
        assertEquals(0, cli.run("search", "infection", "--data", "site").code());
        assertEquals(0, cli.run("check", "--data", "site").code());
    }
}
