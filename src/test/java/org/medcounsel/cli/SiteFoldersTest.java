package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * Site folders explained (issue 16): a folder laid out wrongly says which file is not read and
 * where it should go, {@code check} names every folder it read and never passes one whose sheets
 * it skipped, {@code check FILE...} checks single sheets, and a folder named in MEDCOUNSEL_DATA
 * says so in its errors.
 */
class SiteFoldersTest {
    final Cli cli = new Cli();

    static String drug(String id) {
        return TestSheets.drug(id, "Testix", null);
    }

    static String lines(String text, String start) {
        StringBuilder b = new StringBuilder();
        text.lines().filter(l -> l.startsWith(start)).forEach(l -> b.append(l).append('\n'));
        return b.toString();
    }

    @Test
    void aFlatFolderOfSheetsSaysWhereEachShouldGoAndCheckFails() {
        cli.write("flat/testamab.yaml", drug("testamab"));
        cli.write("flat/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        cli.write("flat/notes.yaml", "owner: the pharmacy\n");

        Result info = cli.run("info", "testamab", "--data", "flat");
        assertEquals(3, info.code(), "the sheet is not read, so the drug is unknown: " + info);
        assertTrue(
                info.err()
                        .startsWith("medcounsel: note: flat/notes.yaml is not read: sheets go in flat/drugs/ (drug"
                                + " sheets) or flat/classes/ (class sheets), one sheet a file named after its id\n"
                                + "medcounsel: note: flat/test-blocker.yaml is not read: class sheets go in"
                                + " flat/classes/ (move it to flat/classes/test-blocker.yaml)\n"
                                + "medcounsel: note: flat/testamab.yaml is not read: drug sheets go in flat/drugs/"
                                + " (move it to flat/drugs/testamab.yaml)\n"
                                + "medcounsel: no drug sheet for 'testamab'"),
                info.err());

        Result ok = cli.run("info", "baricitinib", "--data", "flat");
        assertEquals(0, ok.code(), ok::toString);
        assertEquals(3, ok.err().lines().count(), "a note a file, once: " + ok.err());
        assertFalse(ok.out().contains("not read"), "notes never reach stdout");

        Result check = cli.run("check", "--data", "flat");
        assertEquals(1, check.code(), "never a clean run for a folder whose sheets were skipped: " + check);
        assertEquals("", check.err(), "check reports them as errors, not notes");
        assertTrue(
                check.out()
                        .startsWith("read flat: 0 drug sheets, 0 class sheets; 3 files not read (see below)\n"
                                + "read the bundled data: "),
                check.out());
        assertTrue(
                check.out()
                        .contains("flat/testamab.yaml: error: not read: drug sheets go in flat/drugs/ (move it to"
                                + " flat/drugs/testamab.yaml)\n"),
                check.out());
        assertTrue(check.out().endsWith(": 3 errors, 0 warnings\n"), check.out());

        cli.write("flat/drugs/testamab.yaml", drug("testamab"));
        cli.write("flat/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        Result beside = cli.run("check", "--data", "flat");
        assertEquals(1, beside.code(), "sheets left beside drugs/ are still named: " + beside);
        assertTrue(beside.out().contains("flat/testamab.yaml: error: not read"), beside.out());
        assertFalse(beside.out().contains("notes.yaml"), "other YAML beside drugs/ is the site's own business");
    }

    @Test
    void aFolderGivenOneLevelTooDeepNamesTheFolderToGive() {
        cli.write("/srv/site/drugs/testamab.yaml", drug("testamab"));
        Result info = cli.run("info", "testamab", "--data", "/srv/site/drugs");
        assertEquals(3, info.code(), info::toString);
        assertTrue(
                info.err()
                        .startsWith("medcounsel: note: /srv/site/drugs is not read: it is a drugs/ folder itself;"
                                + " give the folder that holds it (--data /srv/site)\n"),
                info.err());
        assertEquals(0, cli.run("info", "testamab", "--data", "/srv/site").code(), "the parent works");

        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        Result check = cli.run("check", "--data", "site/classes/");
        assertEquals(1, check.code(), check::toString);
        assertTrue(
                check.out()
                        .contains("site/classes/: error: not read: it is a classes/ folder itself; give the folder"
                                + " that holds it (--data site)\n"),
                check.out());
    }

    @Test
    void ymlFilesAndNamesThatAreNotIdsAreNamedWithTheNameToUse() {
        cli.write("site/drugs/testamab.yml", drug("testamab"));
        cli.write("site/drugs/Other_Drug.yaml", drug("other-drug"));
        cli.write("site/drugs/fine.yaml", drug("fine"));
        Result r = cli.run("info", "fine", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertEquals(
                "medcounsel: note: site/drugs/Other_Drug.yaml is not read: a sheet's file name is its id, in"
                        + " lower-case letters, digits and dashes (rename it to site/drugs/other-drug.yaml)\n"
                        + "medcounsel: note: site/drugs/testamab.yml is not read: sheets end in .yaml (rename it to"
                        + " site/drugs/testamab.yaml)\n",
                r.err());

        Result check = cli.run("check", "--data", "site");
        assertEquals(1, check.code(), check::toString);
        assertTrue(
                check.out().startsWith("read site: 1 drug sheet, 0 class sheets; 2 files not read (see below)\n"),
                check.out());
        assertTrue(
                check.out()
                        .contains("site/drugs/testamab.yml: error: not read: sheets end in .yaml (rename it to"
                                + " site/drugs/testamab.yaml)\n"),
                check.out());
    }

    @Test
    void aFolderWithNoSheetsSaysSoAndCheckFails() {
        cli.write("empty/README.txt", "nothing yet\n");
        Result r = cli.run("info", "baricitinib", "--data", "empty");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.err().startsWith("medcounsel: note: empty is not read: it holds no sheets"), r.err());
        Result check = cli.run("check", "--data", "empty");
        assertEquals(1, check.code(), check::toString);
        assertTrue(check.out().contains("empty: error: not read: it holds no sheets"), check.out());

        cli.write("words/words.yaml", "disclaimer: Ask your pharmacist.\n");
        assertEquals("", cli.run("info", "baricitinib", "--data", "words").err(), "rewording only is a use");
    }

    @Test
    void checkNamesEveryFolderItReadWithItsSheets() throws Exception {
        cli.write("base/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        cli.write("base/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        cli.write("base/facts.yaml", TestSheets.FACTS);
        cli.write("site/drugs/otheramab.yaml", TestSheets.drug("otheramab", "Otherix", "test-blocker"));
        cli.env("MEDCOUNSEL_DATA", "base");
        Result r = cli.run("check", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertEquals(
                "read base: 1 drug sheet, 1 class sheet and facts.yaml (from MEDCOUNSEL_DATA)\n"
                        + "read site: 1 drug sheet, 0 class sheets\n",
                lines(r.out(), "read ").replaceAll("read the bundled data.*\n", ""));
        assertTrue(r.out().contains("\nread the bundled data: "), r.out());

        JsonNode json = new ObjectMapper()
                .readTree(cli.run("check", "--data", "site", "--format", "json").out());
        assertEquals("base", json.get("folders").get(0).get("folder").asText());
        assertEquals("MEDCOUNSEL_DATA", json.get("folders").get(0).get("from").asText());
        assertEquals(1, json.get("folders").get(1).get("drugs").asInt());
        assertEquals("--data", json.get("folders").get(1).get("from").asText());
        assertEquals("bundled", json.get("folders").get(2).get("from").asText());
    }

    @Test
    void checkFileChecksOneGoodSheet() {
        cli.write("drafts/drugs/testamab.yaml", drug("testamab"));
        Result r = cli.run("check", "drafts/drugs/testamab.yaml");
        assertEquals(0, r.code(), r::toString);
        assertEquals("checked 1 file: 0 errors, 0 warnings\n", r.out());
    }

    @Test
    void checkFileNamesTheFileAndLineOfEachProblem() {
        cli.write("drafts/drugs/testamab.yaml", drug("testamab").replace("summary:", "sumary:"));
        cli.write("drafts/drugs/fine.yaml", drug("fine").replace("Testix", "Finix"));
        Result r = cli.run("check", "drafts/drugs/testamab.yaml", "drafts/drugs/fine.yaml");
        assertEquals(1, r.code(), r::toString);
        assertTrue(r.out().contains("drafts/drugs/testamab.yaml:9: error: unknown field 'sumary'"), r.out());
        assertFalse(r.out().contains("drafts/drugs/fine.yaml"), r.out());
        assertTrue(r.out().startsWith("drafts/drugs/testamab.yaml:"), "only the given sheets: " + r.out());
        assertTrue(r.out().endsWith("checked 2 files: 1 error, 0 warnings\n"), r.out());
    }

    @Test
    void checkFileTellsADrugFromAClassByItsFieldsAndChecksReferences() {
        cli.write("loose/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        cli.write("loose/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        Result r = cli.run("check", "loose/testamab.yaml", "loose/test-blocker.yaml");
        assertEquals(0, r.code(), "drug and class found by their fields, the class found by the drug: " + r);

        Result alone = cli.run("check", "loose/testamab.yaml");
        assertEquals(1, alone.code(), alone::toString);
        assertTrue(alone.out().contains("loose/testamab.yaml:4: error:"), "the missing class: " + alone.out());

        cli.write("loose/other.yaml", "just: notes\n");
        Result neither = cli.run("check", "loose/other.yaml");
        assertEquals(1, neither.code(), neither::toString);
        assertTrue(
                neither.out().startsWith("loose/other.yaml: error: neither a drug nor a class sheet"), neither.out());
    }

    @Test
    void checkFileOnAYmlFileSaysItWouldNotBeReadAndStillChecksIt() {
        cli.write("site/drugs/testamab.yml", drug("testamab").replace("summary:", "sumary:"));
        Result r = cli.run("check", "site/drugs/testamab.yml");
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .startsWith("site/drugs/testamab.yml: error: medcounsel would not read this file: sheets end"
                                + " in .yaml (rename it to testamab.yaml)\n"),
                r.out());
        assertTrue(r.out().contains("site/drugs/testamab.yml:9: error: unknown field 'sumary'"), r.out());
    }

    @Test
    void checkFileThatDoesNotExistIsAUsageError() {
        Result r = cli.run("check", "nope.yaml");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.err().startsWith("medcounsel: sheet file 'nope.yaml' does not exist"), r.err());
        assertEquals("", r.out());
    }

    @Test
    void errorsFromAFolderNamedInMedcounselDataSaySo() {
        Result missing = cli.env("MEDCOUNSEL_DATA", "/srv/gone").run("info", "baricitinib");
        assertEquals(2, missing.code(), missing::toString);
        assertTrue(
                missing.err().startsWith("medcounsel: data folder '/srv/gone' does not exist (from MEDCOUNSEL_DATA)"),
                missing.err());

        cli.write("/srv/site/drugs/testamab.yaml", drug("testamab").replace("summary:", "sumary:"));
        Result broken = cli.env("MEDCOUNSEL_DATA", "/srv/site").run("info", "testamab");
        assertEquals(1, broken.code(), broken::toString);
        assertTrue(
                broken.err()
                        .matches("medcounsel: /srv/site/drugs/testamab.yaml:9: unknown field 'sumary'.*"
                                + " \\(from MEDCOUNSEL_DATA\\).*\n"),
                broken.err());

        Result typed = new Cli().run("info", "baricitinib", "--data", "/srv/elsewhere");
        assertFalse(typed.err().contains("MEDCOUNSEL_DATA"), "a folder the user typed is not attributed");

        cli.write("/srv/flat/testamab.yaml", drug("testamab"));
        Result note = cli.env("MEDCOUNSEL_DATA", "/srv/flat").run("info", "baricitinib");
        assertEquals(
                "medcounsel: note: /srv/flat/testamab.yaml is not read: drug sheets go in /srv/flat/drugs/ (move it"
                        + " to /srv/flat/drugs/testamab.yaml) (from MEDCOUNSEL_DATA)\n",
                note.err());
    }
}
