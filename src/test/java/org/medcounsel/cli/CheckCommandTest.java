package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/** {@code medcounsel check} on sheets made to break each rule, and on the shipped data. */
class CheckCommandTest {
    final Cli cli = new Cli();

    /** Runs check over a site folder holding one drug sheet (and the test class). */
    Result check(String drugYaml, String... options) {
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        cli.write("site/drugs/testamab.yaml", drugYaml);
        List<String> args = new ArrayList<>(List.of("check", "--data", "site"));
        args.addAll(List.of(options));
        return cli.run(args.toArray(String[]::new));
    }

    static String valid() {
        return TestSheets.drug("testamab", "Testix", "test-blocker");
    }

    @Test
    void theShippedDataHasNoErrorsAndNoWarnings() {
        Result r = cli.run("check", "--strict");
        assertEquals(0, r.code(), r::toString);
        assertTrue(
                r.out()
                        .matches("read the bundled data: \\d+ drug sheets, \\d+ class sheets\\n"
                                + "checked \\d+ files: 0 errors, 0 warnings\\n"),
                r.out());
    }

    @Test
    void aCleanSiteSheetPasses() {
        Result r = check(valid());
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().endsWith("0 errors, 0 warnings\n"), r.out());
    }

    @Test
    void structuralProblemsAreAllReportedWithFileAndLine() {
        Result r = check(valid().replace("summary:", "sumary:")
                .replace("status: licensed", "status: approved")
                .replace("reviewed: 2026-10-01", "reviewed: soon"));
        assertEquals(1, r.code());
        String out = r.out();
        assertTrue(out.contains("site/drugs/testamab.yaml:10: error: unknown field 'sumary'"), out);
        assertTrue(out.contains("site/drugs/testamab.yaml:5: error: 'reviewed' must be a date"), out);
        assertTrue(out.contains("site/drugs/testamab.yaml:13: error: 'status' must be one of"), out);
    }

    @Test
    void aBrokenSheetDoesNotHideProblemsInOthers() {
        cli.write("site/drugs/other.yaml", "id: other\nname: [");
        Result r = check(valid().replace("name: testamab", "name: testamab\nnmae: x"));
        assertEquals(1, r.code());
        assertTrue(r.out().contains("site/drugs/other.yaml:"), r.out());
        assertTrue(r.out().contains("site/drugs/testamab.yaml:3: error: unknown field 'nmae'"), r.out());
    }

    @Test
    void hardReadingIsAWarningAboveEightAndAnErrorAboveTen() {
        String hard = "Immunosuppressive pharmacotherapy necessitates comprehensive haematological monitoring "
                + "considering potential myelosuppression, hepatotoxicity and opportunistic infections.";
        Result r = check(valid().replace("overdose: Call your doctor at once.", "overdose: " + hard));
        assertEquals(1, r.code());
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:18: error: 'overdose' reads at Flesch-Kincaid grade"),
                r.out());
        Result lenient = check(
                valid().replace("overdose: Call your doctor at once.", "overdose: " + hard),
                "--error-grade",
                "60",
                "--warn-grade",
                "50");
        assertEquals(0, lenient.code(), lenient::toString);
        // 22 words, 29 syllables, one sentence: grade 8.5
        String medium = "If you take too many tablets by mistake, call your doctor or the hospital straight away "
                + "and tell them what you took.";
        Result warn = check(valid().replace("overdose: Call your doctor at once.", "overdose: " + medium));
        assertEquals(0, warn.code(), warn::toString);
        assertTrue(warn.out().contains(":18: warning: 'overdose' reads at Flesch-Kincaid grade"), warn.out());
        assertEquals(
                1,
                check(valid().replace("overdose: Call your doctor at once.", "overdose: " + medium), "--strict")
                        .code());
    }

    @Test
    void anotherScriptIsCaught() {
        Result r = check(valid().replace("Take one a day with water.", "Take one a day with water 每天一次."));
        assertEquals(1, r.code());
        assertTrue(r.out().contains(":16: error: text in another script (Han)"), r.out());
    }

    @Test
    void aRepeatedParagraphIsCaught() {
        Result r = check(
                valid().replace(
                                "  - Take one a day with water.\n",
                                "  - Take one a day with a full glass of water.\n  - Take one a day with a full glass of water.\n"));
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:17: warning: 'how-to-take' repeats the text on line 16"),
                r.out());
    }

    @Test
    void textCopiedFromTheClassIsCaught() {
        Result r =
                check(valid().replace("monitoring:\n", "monitoring:\n  - Class liver test and a lot more words here.\n")
                        .replace("A blood test for testamab.", "Class liver test and a lot more words here."));
        assertTrue(r.out().contains("warning: 'monitoring' repeats the text on line"), r.out());
    }

    @Test
    void aReviewDateInTheFutureIsAWarning() {
        Result r = check(valid().replace("reviewed: 2026-10-01", "reviewed: 2027-01-01"));
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:5: warning: reviewed date 2027-01-01 is in the future"),
                r.out());
        assertEquals(0, check(valid()).out().split(": warning:").length - 1, "an ordinary date is fine");
    }

    @Test
    void anOldReviewDateIsAWarning() {
        Result r = check(valid().replace("reviewed: 2026-10-01", "reviewed: 2024-11-01"));
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:5: warning: reviewed 2024-11-01, more than 2 years ago"),
                r.out());
        assertEquals(
                0,
                check(valid().replace("reviewed: 2026-10-01", "reviewed: 2024-11-25"))
                                .out()
                                .split(": warning:")
                                .length
                        - 1,
                "just under two years is fine");
    }

    @Test
    void aLicensedUseNeedsASource() {
        Result r = check(valid().replace("    status: licensed\n    source: label\n", "    status: licensed\n"));
        assertEquals(1, r.code());
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:12: error: a use marked licensed needs a 'source'"),
                r.out());
    }

    @Test
    void missingMissedDoseOrUrgentHelpIsAnError() {
        Result missed = check(valid().replace("missed-dose: Take the next dose at the usual time.\n", ""));
        assertTrue(missed.out().contains("error: missing required field 'missed-dose'"), missed.out());
        String noUrgent = TestSheets.drug("testamab", "Testix", null).replaceAll("urgent-help:\\n  - .*\\n", "");
        Result urgent = check(noUrgent);
        assertEquals(1, urgent.code());
        assertTrue(urgent.out().contains("site/drugs/testamab.yaml:1: error: no 'urgent-help' items"), urgent.out());
    }

    @Test
    void aBrokenClassReferenceIsAnError() {
        Result r = check(valid().replace("class: test-blocker", "class: test-blockers"));
        assertEquals(1, r.code());
        assertTrue(
                r.out()
                        .contains(":4: error: class 'test-blockers' has no sheet in classes/ (did you mean "
                                + "'test-blocker'?)"),
                r.out());
    }

    @Test
    void jsonReportsTheSameProblemsForTools() throws Exception {
        Result r = check(valid().replace("summary:", "sumary:"), "--format", "json");
        assertEquals(1, r.code());
        JsonNode json = new ObjectMapper().readTree(r.out());
        assertEquals(1, json.get("errors").asInt());
        JsonNode p = json.get("problems").get(0);
        assertEquals("site/drugs/testamab.yaml", p.get("file").asText());
        assertEquals(10, p.get("line").asInt());
        assertEquals("error", p.get("level").asText());
        assertEquals("structure", p.get("rule").asText());
        JsonNode clean =
                new ObjectMapper().readTree(cli.run("check", "--format=json").out());
        assertTrue(clean.get("grades").get("baricitinib").asDouble() <= 8, clean.toString());
    }

    @Test
    void gradesCanBeShown() {
        Result r = cli.run("check", "--grades");
        assertTrue(r.out().matches("(?s).*baricitinib: Flesch-Kincaid grade \\d+\\.\\d\\n.*"), r.out());
    }

    @Test
    void aNameOrBrandAShellWouldActOnIsAnError() {
        Result r = check(valid().replace(
                        "name: testamab\nbrands: [Testix]",
                        "name: test;amab\nbrands:\n"
                                + "  - Testix\n  - x$(touch pwned)\n  - \"Bell\\aix\"\n  - Testix 2.5% w/v"));
        assertEquals(1, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains("site/drugs/testamab.yaml:2: error: the name 'test;amab' holds ';', which a shell"
                                + " acts on: names and brands may not hold $ ` \\ \" ' ; & | < > ( ) { } * ? [ ] ! # or control"
                                + " characters\n"),
                r.out());
        assertTrue(
                r.out().contains("site/drugs/testamab.yaml:5: error: the name 'x$(touch pwned)' holds '$'"), r.out());
        assertTrue(
                r.out()
                        .contains("site/drugs/testamab.yaml:6: error: the name 'Bell\uFFFDix' holds a control"
                                + " character (U+0007)"),
                r.out());
        assertEquals(3, r.out().split(": error: the name").length - 1, "an ordinary brand is fine: " + r.out());
    }
}
