package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * A sheet last reviewed more than two years ago (the test clock says 2026-11-24) gets one line on
 * stderr where it is used; stdout stays exactly as it would be.
 */
class StaleSheetsTest {
    final Cli cli = new Cli();

    static final String NOTE = "medcounsel: note: sitedrug was last reviewed on 2019-01-01, over 7 years ago\n";

    Cli withSheet(String reviewed) {
        cli.write(
                "site/drugs/sitedrug.yaml",
                TestSheets.drug("sitedrug", "Sitix", null).replace("reviewed: 2026-10-01", "reviewed: " + reviewed));
        return cli;
    }

    @Test
    void anOldSiteSheetGetsOneNoteOnStderrForEachCommandThatUsesIt() {
        withSheet("2019-01-01");
        for (String command : new String[] {"info", "risks", "stop", "screen"}) {
            Result r = cli.run(command, "sitedrug", "Sitix", "SITEDRUG", "--data", "site");
            assertTrue(command.equals("screen") ? r.code() >= 10 : r.code() == 0, command + ": " + r);
            assertEquals(NOTE, r.err(), command + ": once per drug, however often it is named");
        }
    }

    @Test
    void theNoteNeverChangesStdout() {
        String fresh = withSheet("2026-10-01")
                .run("info", "sitedrug", "--data", "site")
                .out();
        Result stale = withSheet("2019-01-01").run("info", "sitedrug", "--data", "site");
        assertEquals(NOTE, stale.err());
        assertEquals(fresh.replace("2026-10-01", "2019-01-01"), stale.out(), "only the date itself differs");

        Result json = cli.run("risks", "sitedrug", "--data", "site", "--format", "json");
        assertEquals(NOTE, json.err());
        assertTrue(json.out().startsWith("{") && !json.out().contains("note:"), json.out());
    }

    @Test
    void theThresholdIsTwoYearsToTheDay() {
        assertEquals(
                "",
                withSheet("2024-11-24")
                        .run("info", "sitedrug", "--data", "site")
                        .err(),
                "two years: not yet");
        assertEquals(
                "medcounsel: note: sitedrug was last reviewed on 2024-11-23, over 2 years ago\n",
                withSheet("2024-11-23")
                        .run("info", "sitedrug", "--data", "site")
                        .err());
    }

    @Test
    void anOldClassSheetMakesItsDrugsStale() {
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        cli.write(
                "site/classes/test-blocker.yaml",
                TestSheets.drugClass("test-blocker").replace("reviewed: 2026-09-01", "reviewed: 2023-05-01"));
        Result r = cli.run("info", "testamab", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        assertEquals("medcounsel: note: testamab was last reviewed on 2023-05-01, over 3 years ago\n", r.err());
    }

    @Test
    void freshBundledSheetsSayNothing() {
        Result r = cli.run("info", "baricitinib", "upadacitinib", "selumetinib");
        assertEquals(0, r.code(), r::toString);
        assertEquals("", r.err());
    }

    @Test
    void aLeafletBatchNotesEachStaleSheetOnce() {
        withSheet("2019-01-01");
        cli.write(
                "site/drugs/olddrug.yaml",
                TestSheets.drug("olddrug", "Oldix", null).replace("reviewed: 2026-10-01", "reviewed: 2020-06-30"));
        Result r = cli.run("leaflet", "--all", "--data", "site", "--out", "out", "--quiet");
        assertEquals(0, r.code(), r::toString);
        assertEquals(
                "medcounsel: note: olddrug was last reviewed on 2020-06-30, over 6 years ago\n" + NOTE,
                r.err(),
                "one note per stale sheet, in id order; the bundled sheets are fresh");
    }

    @Test
    void aSiteMayRewordTheNote() {
        withSheet("2019-01-01");
        cli.write("site/words.yaml", "note-stale: \"{drug}: checked {date}, {years} years ago; check the label\"\n");
        Result r = cli.run("info", "sitedrug", "--data", "site");
        assertEquals("medcounsel: note: sitedrug: checked 2019-01-01, 7 years ago; check the label\n", r.err());
    }
}
