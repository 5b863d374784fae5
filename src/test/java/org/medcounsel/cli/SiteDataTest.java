package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * Site data never wins silently (issue 15, item 3): a site folder that replaces a bundled sheet
 * says so; a site name that would take a bundled drug's name, or another sheet's, is a check
 * error; so are characters that hide or reorder what a reader sees.
 */
class SiteDataTest {
    final Cli cli = new Cli();

    static final String NOTE = "medcounsel: note: the site folder site replaces the bundled sheet for baricitinib\n";

    static long count(String text, String line) {
        return text.lines().filter(l -> (l + "\n").equals(line)).count();
    }

    @Test
    void aSiteFolderThatReplacesABundledSheetSaysSoOnceOnStderr() {
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        Result r = cli.run("info", "baricitinib", "olumiant", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("baricitinib (Olumiant) - About this medicine"), "the site's sheet: " + r.out());
        assertEquals(NOTE, r.err(), "once, however many times the drug is named");

        Result check = cli.run("check", "--data", "site", "--unapproved");
        assertEquals(1, count(check.err(), NOTE), check.err());
        Result json = cli.run("risks", "baricitinib", "--data", "site", "--format", "json");
        assertEquals(NOTE, json.err(), "stdout stays pure JSON");
        assertTrue(json.out().startsWith("{"), json.out());

        cli.write("extra/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        assertEquals("", cli.run("info", "testix", "--data", "extra").err(), "a folder that only adds says nothing");
        assertEquals("", cli.run("info", "baricitinib").err(), "and no site folder, nothing");
    }

    @Test
    void theNoteNamesTheFolderWhoseSheetIsUsed() {
        cli.write("base/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        cli.write("site/classes/jak-inhibitor.yaml", TestSheets.drugClass("jak-inhibitor"));
        Result r = cli.run("list", "--data", "base", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertEquals(
                NOTE + "medcounsel: note: the site folder site replaces the bundled class sheet for jak-inhibitor\n"
                        // The test class sheet's smoker rule asks what the bundled one asks, in its own words.
                        + "medcounsel: note: the site folder site rewords the advice of jak-inhibitor's screening rule"
                        + " on smoker\n",
                r.err());
    }

    @Test
    void inTheShellTheNoteComesOncePerSession() {
        cli.write("site/drugs/baricitinib.yaml", TestSheets.drug("baricitinib", "Olumiant", null));
        Result r = cli.input("info baricitinib --data site\nrisks olumiant --data site\n")
                .run("shell");
        assertEquals(0, r.code(), r::toString);
        // In a script each message names its line: "medcounsel: stdin:1: note: ...".
        assertEquals(1, count(r.err(), NOTE.replace("medcounsel: ", "medcounsel: stdin:1: ")), r.err());
        assertEquals(0, count(r.err(), NOTE.replace("medcounsel: ", "medcounsel: stdin:2: ")), r.err());
    }

    Result check(String... sheets) {
        for (int i = 0; i < sheets.length; i += 2) cli.write(sheets[i], sheets[i + 1]);
        return cli.run("check", "--data", "site");
    }

    @Test
    void aSiteBrandThatIsABundledDrugsNameIsACheckError() {
        Result r = check("site/drugs/evilamab.yaml", TestSheets.drug("evilamab", "Olumiant", null));
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains("site/drugs/evilamab.yaml:3: error: the brand 'Olumiant' is already a name of the"
                                + " bundled drug baricitinib; a name must find one drug (to replace that drug's sheet, name"
                                + " this file baricitinib.yaml)\n"),
                r.out());

        Result generic = check(
                "site/drugs/evilamab.yaml",
                TestSheets.drug("evilamab", "Evix", null).replace("name: evilamab", "name: Tofacitinib"));
        assertTrue(
                generic.out()
                        .contains("site/drugs/evilamab.yaml:2: error: the generic name 'Tofacitinib' is already a"
                                + " name of the bundled drug tofacitinib"),
                generic.out());

        cli.write("site/drugs/evilamab.yaml", TestSheets.drug("evilamab", "Evix", null));
        Result replacing = check(
                "site/drugs/baricitinib.yaml",
                TestSheets.drug("baricitinib", "Olumiant", null).replace("name: baricitinib", "name: Baricitinib"));
        assertEquals(0, replacing.code(), "a sheet that replaces a bundled one keeps its names: " + replacing);
    }

    @Test
    void aNameTwoSiteSheetsShareIsACheckError() {
        Result r = check(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null),
                "site/drugs/othermab.yaml",
                TestSheets.drug("othermab", "TESTIX", null));
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains("site/drugs/testamab.yaml:3: error: the brand 'Testix' is also a name of othermab"
                                + " (site/drugs/othermab.yaml:3); a name must find one drug\n"),
                r.out());
        assertEquals(1, r.out().split("a name must find one drug").length - 1, "reported once: " + r.out());
    }

    /** Every zero-width character and bidi control the issue names. */
    static final String HIDDEN =
            "\u200b\u200c\u200d\u2060\ufeff\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c";

    @Test
    void everyInvisibleOrBidiCharacterInASheetIsACheckErrorWithItsLine() {
        for (char c : HIDDEN.toCharArray()) {
            Result r = check(
                    "site/drugs/testamab.yaml",
                    TestSheets.drug("testamab", "Testix", null)
                            .replace("It calms the test.", "It calms" + c + " the test."));
            assertEquals(1, r.code(), r::toString);
            String code = String.format("U+%04X", (int) c);
            assertTrue(
                    r.out()
                            .contains("site/drugs/testamab.yaml:9: error: the text holds an invisible character ("
                                    + code + "),"),
                    code + ": " + r.out());
        }
    }

    @Test
    void hiddenCharactersInNamesClassSheetsAndVocabulariesAreFoundToo() {
        Result r = check(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Test\u202eix", "test-blocker"),
                "site/classes/test-blocker.yaml",
                TestSheets.drugClass("test-blocker").replace("Class TB test.", "Class\u200b TB test."),
                "site/facts.yaml",
                "facts:\n  - {key: smoker, type: yes-no, question: \"Do you\u2067 smoke?\"}\n");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:3: error: the text holds an invisible character (U+202E)"),
                r.out());
        assertTrue(
                r.out()
                        .contains(
                                "site/classes/test-blocker.yaml:20: error: the text holds an invisible character (U+200B)"),
                r.out());
        assertTrue(
                r.out().contains("site/facts.yaml:2: error: the text holds an invisible character (U+2067)"), r.out());
        assertFalse(r.out().contains("\u202e") || r.out().contains("\u200b"), "never echoed raw");
    }
}
