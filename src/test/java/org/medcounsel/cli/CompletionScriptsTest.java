package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        assertEquals(
                new Cli().run("completion", "fish").out(),
                Files.readString(Path.of("completions/medcounsel.fish")),
                "completions/medcounsel.fish is stale: run bin/medcounsel completion fish > completions/medcounsel.fish");
    }

    @Test
    void scriptsOfferEveryVisibleCommandAndItsOptions() {
        String bash = new Cli().run("completion", "bash").out();
        for (String command :
                new String[] {"info", "risks", "stop", "screen", "list", "leaflet", "check", "completion", "shell"}) {
            assertTrue(bash.contains(command), command);
        }
        assertTrue(bash.contains("screen:-f|screen:--fact) REPLY='fact'"), "fact keys after -f");
        assertTrue(bash.contains("info:--format|"), "--format's values, also after '='");
        assertTrue(!bash.contains("__complete)"), "the hidden word-list command is not offered");
        String zsh = new Cli().run("completion", "zsh").out();
        assertTrue(zsh.contains("--format='[") && zsh.contains("{-f,--fact=}'["), "zsh takes --opt=VALUE too");
    }

    static final String US = "\u001f";

    /** A Cli whose home has a cache folder, and a site folder with one drug of two brands. */
    private static Cli withSite() {
        Cli cli = new Cli().env("HOME", "/home/p");
        cli.write(
                "/site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace("brands: [Testix]", "brands: [Testix, Testix Forte]"));
        return cli;
    }

    @Test
    void theTableOffersEveryNameAsPrintedAndWhatEachFactTakes() {
        Cli cli = withSite();
        Result table = cli.run("__complete", "table", "--data", "/site");
        assertEquals(0, table.code(), table::toString);
        List<String> rows = table.out().lines().toList();
        assertEquals("#medcounsel-complete 1", rows.get(0));
        assertEquals("#data\t\t/site", rows.get(1), "made for no MEDCOUNSEL_DATA and one --data folder");
        assertTrue(rows.get(2).startsWith("#watch\t+") && rows.get(2).endsWith("\t+/site\t+/site/drugs"), rows.get(2));
        for (String row : List.of(
                "d" + US + "olumiant\tOlumiant\tbaricitinib\tbaricitinib",
                "d" + US + "baricitinib\tbaricitinib\tOlumiant\tbaricitinib",
                "d" + US + "xeljanz xr\tXeljanz XR\ttofacitinib\ttofacitinib",
                "d" + US + "testix forte\tTestix Forte\ttestamab\ttestamab",
                "d" + US + "testamab\ttestamab\tTestix, Testix Forte\ttestamab",
                "k" + US + "pregnant\tpregnant\tyes or no\tyes-no",
                "k" + US + "age\tage\ta number from 0 to 120 (years)\tnumber",
                "v" + US + "pregnant=no\tno",
                "v" + US + "liver-impairment=moderate\tmoderate",
                "m" + US + "warfarin\twarfarin")) {
            assertTrue(rows.contains(row), row + " in\n" + table.out());
        }
    }

    @Test
    void theTableIsKeptForTheNextTabDatedBeforeTheSheetsWereRead() throws Exception {
        Cli cli = withSite();
        Result table = cli.run("__complete", "table", "--data", "/site");
        Path kept = cli.fs.getPath("/home/p/.cache/medcounsel/complete-__site.tsv");
        assertEquals(table.out(), Files.readString(kept));
        assertEquals(
                Cli.NOW.getEpochSecond() - 1,
                Files.getLastModifiedTime(kept).toInstant().getEpochSecond(),
                "a sheet changed while the table was made is newer than it");
        Result bundled = cli.run("__complete", "table");
        assertTrue(
                Files.exists(cli.fs.getPath("/home/p/.cache/medcounsel/complete-.tsv")),
                "one table per set of folders");
        assertFalse(bundled.out().contains("testix"), bundled.out());
    }

    @Test
    void aRelativeXdgCacheHomeIsIgnoredAsTheScriptsIgnoreIt() {
        Cli cli = new Cli().env("HOME", "/home/p").env("XDG_CACHE_HOME", "relative/cache");
        cli.run("__complete", "table");
        assertTrue(
                Files.exists(cli.fs.getPath("/home/p/.cache/medcounsel/complete-.tsv")),
                "where the scripts look for it: XDG says a relative path is to be ignored");
        assertFalse(Files.exists(cli.fs.getPath("/work/relative/cache")));
        Cli absolute = new Cli().env("HOME", "/home/p").env("XDG_CACHE_HOME", "/var/cache/p");
        absolute.run("__complete", "table");
        assertTrue(Files.exists(absolute.fs.getPath("/var/cache/p/medcounsel/complete-.tsv")));
    }

    @Test
    void aTableForARelativeFolderIsOfferedButNeverKept() throws Exception {
        Cli cli = withSite();
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Result table = cli.run("__complete", "table", "--data", "site");
        assertTrue(table.out().contains("d" + US + "testix\tTestix\t"), table.out());
        Path cache = cli.fs.getPath("/home/p/.cache/medcounsel");
        try (var files = Files.list(cache)) {
            assertFalse(
                    files.anyMatch(f -> f.getFileName().toString().startsWith("complete-")),
                    "a relative folder means another folder elsewhere: no table is kept for it");
        }
    }

    @Test
    void usesAreTheDrugsOwnAndAnUnknownDrugOffersNothing() {
        Result uses = new Cli().run("__complete", "uses", "Olumiant");
        assertEquals(0, uses.code());
        assertTrue(uses.out().contains("rheumatoid-arthritis\t"), uses.out());
        assertFalse(new Cli().run("__complete", "uses", "koselugo").out().contains("rheumatoid"));
        Result unknown = new Cli().run("__complete", "uses", "nosuchdrug");
        assertEquals(0, unknown.code(), "a Tab press never fails");
        assertEquals("", unknown.out() + unknown.err());
    }

    @Test
    void aNameAShellWouldActOnIsNeverAWordForCompletion() {
        Cli cli = new Cli();
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null)
                        .replace(
                                "brands: [Testix]", "brands: [Testix, x$(touch$IFS/tmp/pwned), \"y`id`\", \"z\\ez\"]"));
        Result table = cli.run("__complete", "table", "--data", "site");
        assertEquals(0, table.code(), table::toString);
        assertTrue(table.out().contains("\tTestix\t"), table.out());
        assertFalse(table.out().contains("touch"), table.out());
        assertFalse(table.out().contains("`id`"), table.out());
        assertFalse(table.out().contains("z\u001bz") || table.out().contains("z\uFFFDz"), table.out());
    }
}
