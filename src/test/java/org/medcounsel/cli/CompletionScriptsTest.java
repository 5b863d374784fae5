package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** The committed completion scripts are exactly what the code generates; the word lists they ask for. */
class CompletionScriptsTest {
    @Test
    void committedScriptsMatchTheGeneratedOnes() throws Exception {
        assertEquals(
                new Cli().run("completion", "bash").out(),
                Files.readString(Path.of("completions/medcounsel.bash")),
                "completions/medcounsel.bash is stale: run bin/medcounsel completion bash > completions/medcounsel.bash");
        assertEquals(
                new Cli().run("completion", "zsh").out(),
                Files.readString(Path.of("completions/_medcounsel")),
                "completions/_medcounsel is stale: run bin/medcounsel completion zsh > completions/_medcounsel");
    }

    @Test
    void scriptsOfferEveryVisibleCommandAndItsOptions() {
        String bash = new Cli().run("completion", "bash").out();
        for (String command :
                new String[] {"info", "risks", "stop", "screen", "list", "leaflet", "check", "completion", "shell"}) {
            assertTrue(bash.contains(command), command);
        }
        assertTrue(bash.contains("screen:-f|screen:--fact)"), "fact keys after -f");
        assertTrue(!bash.contains("__complete)"), "the hidden word-list command is not offered");
    }

    @Test
    void theWordListsComeFromTheSheetsIncludingASitesOwn() {
        Cli cli = new Cli();
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result drugs = cli.run("__complete", "drugs", "--data", "site");
        assertTrue(drugs.out().contains("baricitinib\n") && drugs.out().contains("olumiant\n"), drugs.out());
        assertTrue(drugs.out().contains("testamab\n") && drugs.out().contains("testix\n"), drugs.out());
        assertTrue(!drugs.out().contains("xeljanz xr"), "no multi-word names: a shell splits them");
        assertTrue(cli.run("__complete", "facts").out().contains("pregnant\n"));
    }

    @Test
    void aNameAShellWouldActOnIsNeverAWordForCompletion() {
        Cli cli = new Cli();
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace(
                                "brands: [Testix]", "brands: [Testix, x$(touch$IFS/tmp/pwned), \"y`id`\", \"z\\ez\"]"));
        Result drugs = cli.run("__complete", "drugs", "--data", "site");
        assertEquals(0, drugs.code(), drugs::toString);
        assertTrue(drugs.out().contains("testix\n"), drugs.out());
        assertFalse(drugs.out().contains("touch"), drugs.out());
        assertFalse(drugs.out().contains("`id`"), drugs.out());
        assertFalse(drugs.out().contains("z\u001bz") || drugs.out().contains("z\uFFFDz"), drugs.out());
    }
}
