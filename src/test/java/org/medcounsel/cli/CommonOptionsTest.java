package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * The common options are declared once and inherited by every command (picocli's INHERIT): typed
 * before the command or after it they mean the same, and nothing typed is dropped.
 */
class CommonOptionsTest {
    final Cli cli = new Cli();

    @Test
    void dataFoldersTypedBeforeAndAfterTheCommandAreAllRead() {
        cli.write("a/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        cli.write("b/drugs/testbumab.yaml", TestSheets.drug("testbumab", "Testbix", null));
        Result both = cli.run("--data", "a", "list", "--data=b");
        assertEquals(0, both.code(), both::toString);
        assertTrue(both.out().contains("testamab"), "the folder before the command is read: " + both.out());
        assertTrue(both.out().contains("testbumab"), "the folder after it too: " + both.out());
    }

    @Test
    void anOptionBeforeTheCommandMeansWhatItMeansAfter() {
        Result before = cli.run("--width", "40", "--color", "always", "risks", "baricitinib");
        Result after = cli.run("risks", "baricitinib", "--width", "40", "--color", "always");
        assertEquals(0, before.code(), before::toString);
        assertEquals(after.out(), before.out());
        assertTrue(before.out().contains("\u001b["), "coloured as asked");
        assertTrue(
                before.out()
                        .lines()
                        .allMatch(l -> l.replaceAll("\u001b\\[[0-9;]*m", "").length() <= 40 || l.contains("://")),
                "wrapped at 40: " + before.out());
    }

    @Test
    void aWrongWordAfterCommonOptionsIsStillNamedAsAnUnknownCommand() {
        Result r = cli.run("--data", "a", "--width", "50", "rsiks", "baricitinib");
        assertEquals(Exit.USAGE, r.code(), r::toString);
        assertEquals("medcounsel: unknown command 'rsiks' (did you mean 'risks'?)\n", r.err());
    }

    @Test
    void formatAndLanguageBeforeTheCommandGoToThatCommandsOwnOption() {
        cli.write("a/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result json = cli.run("--format", "json", "--data", "a", "info", "baricitinib");
        assertEquals(0, json.code(), json::toString);
        assertTrue(json.out().startsWith("{"), json.out());
        Result none = cli.run("--lang", "es", "completion", "bash");
        assertEquals(Exit.USAGE, none.code(), none::toString);
        assertEquals("medcounsel: 'completion' has no --lang option (see 'medcounsel help completion')\n", none.err());
    }
}
