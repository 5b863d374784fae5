package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** The counselling commands, run as a user runs them, on the bundled data and on Jimfs site folders. */
class CounselCommandsTest {
    final Cli cli = new Cli();

    Cli withSite() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        return cli;
    }

    static void assertOk(Result r) {
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err(), r::toString);
    }

    @Test
    void infoOnTheBundledSheetFindsABrandInAnyCase() {
        Result r = cli.run("info", "oLuMiAnT");
        assertOk(r);
        assertTrue(r.out().startsWith("Baricitinib (Olumiant) - About this medicine"), r.out());
        for (String heading : new String[] {
            "What it is", "What it is used for", "How to take it", "If you miss a dose", "If you take too much"
        }) {
            assertTrue(r.out().contains("\n" + heading + "\n"), heading);
        }
    }

    @Test
    void everyOutputEndsWithReviewDateSourcesAndDisclaimer() {
        for (String command : new String[] {"info", "risks", "stop", "screen"}) {
            Result r = withSite().run(command, "testamab", "--data", "site");
            assertTrue(
                    r.out().contains("Checked against the product labels on 2026-09-01.\n"),
                    command + ": the older (class) date is shown, and what it means");
            assertFalse(r.out().contains("Approved"), command + ": no approval is claimed without one");
            assertTrue(r.out().contains("  - Testix label <https://example.org/testamab>\n"), command);
            assertTrue(r.out().contains("  - Class warning <https://example.org/class>\n"), command);
            assertTrue(r.out().strip().endsWith("does not replace, the advice of the prescriber."), command);
        }
    }

    @Test
    void infoShowsUsesWithTheirStatusAndTheClass() {
        Result r = withSite().run("info", "--data", "site", "Testix");
        assertOk(r);
        assertTrue(r.out().contains("  Test disease: licensed use\n"), r.out());
        assertTrue(r.out().contains("  Test blockers: Test blockers calm the test system.\n"), r.out());
        assertTrue(r.out().contains("  - Take one a day with water.\n"), r.out());
    }

    @Test
    void risksInheritTheClassListsBeforeTheDrugsOwn() {
        Result r = withSite().run("risks", "testamab", "--data", "site");
        assertOk(r);
        String out = r.out();
        assertTrue(out.contains("WARNING: Class warning about clots."), out);
        int classSign = out.indexOf("Class sign of a stroke.");
        int drugSign = out.indexOf("Fainting from testamab.");
        assertTrue(classSign > 0 && drugSign > classSign, out);
        assertTrue(out.indexOf("Class liver test.") < out.indexOf("A blood test for testamab."), out);
        assertTrue(out.contains("Less serious, common (up to 1 in 10 people):"), out);
        assertTrue(out.contains("What to do: Tell your doctor if it goes on."), out);
    }

    @Test
    void stopShowsAdviceAndWhatHappensAfter() {
        Result r = withSite().run("stop", "testamab", "--data=site");
        assertOk(r);
        assertTrue(r.out().contains("Before you stop\n  - Do not stop testamab on your own.\n"), r.out());
        assertTrue(r.out().contains("After stopping\n  - The illness may come back.\n"), r.out());
    }

    @Test
    void screenWithoutFactsListsQuestionsAndRemindersAndExits10() {
        Result r = withSite().run("screen", "testamab", "--data", "site");
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        String out = r.out();
        assertTrue(out.contains("\nNot asked yet\n"), out);
        assertTrue(out.indexOf("smoker:") < out.indexOf("pregnant:"), "class question first: " + out);
        assertTrue(out.contains("  - Class TB test.\n  - Check the blood count for testamab.\n"), out);
    }

    @Test
    void listShowsEveryDrugOneALine() {
        Result r = withSite().run("list", "--data", "site");
        assertOk(r);
        assertTrue(r.out().contains("baricitinib\tOlumiant\tJAK inhibitors\tbundled\ten, es, zh-Hans\n"), r.out());
        assertTrue(r.out().contains("testamab\tTestix\tTest blockers\tsite\ten\n"), r.out());
        assertTrue(r.out().contains("selumetinib\tKoselugo\tMEK inhibitors\tbundled\ten, es, zh-Hans\n"), r.out());
        assertTrue(r.out().contains("ritlecitinib\tLitfulo\tJAK inhibitors\tbundled\ten, es, zh-Hans\n"), r.out());
    }

    @Test
    void aSiteSheetReplacesTheBundledOneOfTheSameName() {
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "SiteBrand", null));
        Result r = cli.run("info", "baricitinib", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertEquals("medcounsel: note: the site folder site replaces the bundled sheet for baricitinib\n", r.err());
        assertTrue(r.out().startsWith("baricitinib (SiteBrand)"), r.out());
        assertFalse(r.out().contains("Olumiant"), r.out());
    }

    @Test
    void theEnvironmentVariableAddsAFolderAndLaterDataFoldersWin() {
        cli.write("env/drugs/testamab.yaml", TestSheets.drug("testamab", "FromEnv", null));
        cli.write("flag/drugs/testamab.yaml", TestSheets.drug("testamab", "FromFlag", null));
        cli.env("MEDCOUNSEL_DATA", "env");
        assertTrue(cli.run("info", "testamab").out().startsWith("testamab (FromEnv)"));
        assertTrue(cli.run("info", "testamab", "--data", "flag").out().startsWith("testamab (FromFlag)"));
    }

    @Test
    void anUnknownNameExits3WithSuggestionsAndPrintsNothing() {
        Result r = cli.run("info", "baricitinib", "olumient");
        assertEquals(Exit.UNKNOWN_DRUG, r.code());
        assertEquals("", r.out(), "no half answer for the known name");
        assertEquals("medcounsel: no drug sheet for 'olumient'; did you mean olumiant (baricitinib)?\n", r.err());
    }

    @Test
    void namesNeverBecomePaths() {
        withSite();
        for (String name : new String[] {"../site/drugs/testamab", "/work/site/drugs/testamab", "drugs/testamab"}) {
            Result r = cli.run("info", name, "--data", "site");
            assertEquals(Exit.UNKNOWN_DRUG, r.code(), name);
        }
    }

    @Test
    void aBrokenSheetIsOneLocatedLineWithExit1AndNoPartialOutput() {
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null).replace("summary:", "sumary:"));
        Result r = cli.run("info", "testamab", "--data", "site");
        assertEquals(Exit.DATA_ERROR, r.code());
        assertEquals("", r.out());
        assertEquals(
                "medcounsel: site/drugs/testamab.yaml:9: unknown field 'sumary' in drug sheet"
                        + " (did you mean 'summary'?)\n",
                r.err());
    }

    @Test
    void debugAddsTheStackTrace() {
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null).replace("summary:", "sumary:"));
        Result r = cli.run("info", "testamab", "--data", "site", "--debug");
        assertEquals(Exit.DATA_ERROR, r.code());
        assertTrue(r.err().contains("SheetException"), r.err());
    }

    @Test
    void aBrokenSheetOnlyAffectsCommandsThatNeedIt() {
        withSite().write("site/drugs/broken.yaml", "id: [");
        assertOk(cli.run("info", "olumiant", "--data", "site"));
        Result list = cli.run("list", "--data", "site");
        assertEquals(Exit.DATA_ERROR, list.code());
        assertTrue(list.out().contains("testamab\tTestix"), list.out());
        assertTrue(list.err().startsWith("medcounsel: site/drugs/broken.yaml:"), list.err());
    }

    @Test
    void usageErrorsExit2WithOneLine() {
        Result missing = cli.run("info", "baricitinib", "--data", "nowhere");
        assertEquals(Exit.USAGE, missing.code());
        assertEquals(
                "medcounsel: data folder 'nowhere' does not exist (see 'medcounsel info --help')\n", missing.err());
        Result unknown = cli.run("risks", "--frobnicate", "baricitinib");
        assertEquals(Exit.USAGE, unknown.code());
        assertEquals(1, unknown.err().lines().count(), unknown.err());
        assertEquals(Exit.USAGE, cli.run("info").code(), "a drug name is required");
        assertEquals(Exit.USAGE, cli.run().code(), "a command is required");
        assertEquals(Exit.USAGE, cli.run("info", "baricitinib", "--width", "5").code());
        assertEquals(
                Exit.USAGE,
                cli.run("info", "baricitinib", "--color", "sometimes").code());
    }

    @Test
    void helpDocumentsExitCodesAndVersionIsShown() {
        Result help = cli.run("--help");
        assertEquals(0, help.code());
        for (String code : new String[] {"0", "1", "2", "3", "10", "11", "12"}) {
            assertTrue(help.out().matches("(?s).*\\n\\s+" + code + "\\s+\\S.*"), "exit code " + code);
        }
        Result screenHelp = cli.run("screen", "--help");
        assertTrue(
                screenHelp.out().contains("--data=DIR") && screenHelp.out().contains("--color=WHEN"), screenHelp.out());
        assertTrue(cli.run("--version").out().startsWith("medcounsel "));
    }
}
