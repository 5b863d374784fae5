package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * Nothing the pharmacist types is dropped or misread: every medicine matched or reported, every
 * fact echoed, a site cannot quietly weaken screening, and "clear" only after every question.
 */
class ScreeningTrustTest {
    /** The site folder's facts.yaml (TestSheets.FACTS) words some bundled questions its own way: said once a run. */
    static final String REWORDED =
            "medcounsel: note: the site folder site rewords the screening questions for pregnant, smoker, egfr,"
                    + " medicines\n";

    final Cli cli = new Cli();

    static final String RULES = "screening:\n"
            + "  - {fact: egfr, below: 30, level: do-not-start, advice: Kidneys too weak., source: label}\n"
            + "  - {fact: medicines, includes: [strong-cyp3a4-inhibitors], level: caution, advice: Lower the dose.,"
            + " source: label}\n";

    @BeforeEach
    void site() {
        cli.write("site/facts.yaml", TestSheets.FACTS);
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", null).replace("screening:\n", RULES));
    }

    Result screen(String... args) {
        List<String> all = new ArrayList<>(List.of("screen", "testamab", "--data", "site", "--width", "1000"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    JsonNode json(String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--format", "json"));
        return new ObjectMapper().readTree(screen(all.toArray(String[]::new)).out());
    }

    @Test
    void medicinesAreNormalisedMatchedAndReportedWithTheirGroups() throws Exception {
        Result r = screen("-f", "pregnant=no", "-f", "egfr=90", "-f", "medicines=Nizoral 200mg tablets");
        assertEquals(Exit.CAUTION, r.code(), r::toString);
        assertTrue(r.out().contains("Nizoral 200mg tablets -> ketoconazole (strong CYP3A4 inhibitor)"), r.out());
        assertTrue(
                r.out().contains("medicines Nizoral 200mg tablets (includes strong-cyp3a4-inhibitors): Lower"),
                r.out());
        JsonNode med = json("-f", "medicines=Nizoral 200mg").get("medicines").get(0);
        assertEquals("Nizoral 200mg", med.get("typed").asText());
        assertEquals("ketoconazole", med.get("matched").asText());
        assertEquals("strong CYP3A4 inhibitor", med.get("groups").get(0).asText());
    }

    @Test
    void otherSpellingsAndBrandsAreRecognised() throws Exception {
        for (String typed : List.of("acetaminophen", "Frusemide 40 mg", "Xarelto", "St John's wort")) {
            JsonNode med = json("-f", "medicines=" + typed).get("medicines").get(0);
            assertFalse(med.get("matched").isNull(), typed);
        }
    }

    @Test
    void anUnrecognisedMedicineIsShownWithASuggestionAndKeepsTheVerdictFromClear() throws Exception {
        Result r = screen("-f", "pregnant=no", "-f", "egfr=90", "-f", "medicines=probenicid");
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(
                r.out()
                        .contains("probenicid: not recognised, so not checked; check it by hand (did you mean"
                                + " probenecid?)"),
                r.out());
        assertTrue(r.out().lines().findFirst().orElseThrow().contains("1 medicine not recognised (probenicid)"));
        JsonNode j = json("-f", "pregnant=no", "-f", "egfr=90", "-f", "medicines=probenicid");
        assertFalse(j.get("complete").asBoolean());
        assertTrue(j.get("medicines").get(0).get("matched").isNull());
        assertEquals("probenecid", j.get("medicines").get(0).get("suggestion").asText());
    }

    @Test
    void repeatedMedicinesAddUpAndMergeWithThePatientFile() throws Exception {
        cli.write("p.yaml", "medicines: [paracetamol]\n");
        JsonNode j = json("--patient", "p.yaml", "-f", "medicines=ibuprofen", "-f", "medicines=Nizoral");
        List<String> typed = new ArrayList<>();
        j.get("medicines").forEach(m -> typed.add(m.get("typed").asText()));
        assertEquals(List.of("paracetamol", "ibuprofen", "Nizoral"), typed);
    }

    @Test
    void aSingleFactGivenTwiceDifferentlyIsAUsageError() {
        Result r = screen("-f", "egfr=40", "-f", "egfr=50");
        assertEquals(Exit.USAGE, r.code());
        assertEquals(
                REWORDED
                        + "medcounsel: 'egfr' is given twice, as 40 mL/min/1.73m2 and 50 mL/min/1.73m2; give it once\n",
                r.err());
        assertEquals(Exit.INCOMPLETE, screen("-f", "egfr=40", "-f", "egfr=40").code(), "the same twice is fine");
    }

    @Test
    void everyFactGivenIsEchoedAndThoseNoRuleUsesAreListed() throws Exception {
        Result r = screen(
                "-f", "pregnant=no", "-f", "egfr=90", "-f", "medicines=ibuprofen", "-f", "age=50", "-f", "smoker=yes");
        assertEquals(Exit.OK, r.code(), r::toString);
        assertTrue(r.out().contains("Given, but not used for this drug\n  - age\n  - smoker\n"), r.out());
        List<String> unused = new ArrayList<>();
        json("-f", "age=50").get("unused").forEach(u -> unused.add(u.asText()));
        assertEquals(List.of("age"), unused);
    }

    @Test
    void clearOnlyWhenEveryQuestionIsAnswered() throws Exception {
        assertEquals(
                Exit.OK,
                screen("-f", "pregnant=no", "-f", "egfr=90", "-f", "medicines=ibuprofen")
                        .code());
        JsonNode open = json("-f", "pregnant=no", "-f", "medicines=ibuprofen");
        assertEquals("incomplete", open.get("verdict").asText());
        assertFalse(open.get("complete").asBoolean());
        assertEquals("egfr", open.get("unanswered").get(0).asText());
    }

    @Test
    void theOtherKidneyMeasureNearACutOffIsACautionThatSaysSo() throws Exception {
        // The rule uses eGFR; only creatinine clearance is given.
        Result near = screen("-f", "pregnant=no", "-f", "medicines=ibuprofen", "-f", "crcl=33");
        assertEquals(Exit.INCOMPLETE, near.code(), "eGFR itself is still not known, and could rule it out");
        assertTrue(
                near.out().contains("crcl 33 mL/min given instead of egfr, near this rule's limit: work out egfr"),
                near.out());
        Result far = screen("-f", "pregnant=no", "-f", "medicines=ibuprofen", "-f", "crcl=110");
        assertEquals(Exit.INCOMPLETE, far.code(), "never clear on another measure");
        assertFalse(far.out().contains("Findings"), far.out());
    }

    @Test
    void aSiteSheetWithoutScreeningQuestionsSaysSoAndIsNeverClear() {
        cli.write(
                "bare/drugs/bareamab.yaml",
                TestSheets.drug("bareamab", "Barix", null)
                        .replaceAll("(?s)screening:.*", "screening:\n  - reminder: Check the blood count.\n"));
        Result r = cli.run("screen", "bareamab", "--data", "bare", "--width", "1000");
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(r.out().contains("this sheet has no screening questions, so nothing was checked"), r.out());
        Result check = cli.run("check", "--data", "bare");
        assertTrue(check.out().contains("bareamab.yaml:1: warning: no screening questions"), check.out());
    }

    @Test
    void aSiteCannotChangeWhatABundledFactMeasures() {
        cli.write(
                "weak/facts.yaml",
                "facts:\n  - {key: age, type: number, question: \"Age?\", unit: months, min: 0, max: 1500}\n");
        Result r = cli.run("check", "--data", "weak");
        assertEquals(Exit.DATA_ERROR, r.code());
        assertTrue(
                r.out().contains("weak/facts.yaml: error: fact 'age' changes the type, unit, range or choices"),
                r.out());
        cli.write(
                "reworded/facts.yaml",
                "facts:\n  - {key: age, type: number, question: \"What is your age?\","
                        + " unit: years, min: 0, max: 120}\n");
        Result reworded = cli.run("check", "--data", "reworded");
        assertEquals(Exit.OK, reworded.code(), "rewording is allowed");
        assertTrue(
                reworded.out()
                        .contains(
                                "reworded/facts.yaml: warning: the site folder reworded rewords the screening question"
                                        + " for age;"),
                "but listed, for a second person to read: " + reworded.out());
    }

    @Test
    void factsListsEveryKeyWithWhatItTakesAndWhoAsks() {
        Result all = cli.run("facts");
        assertEquals(Exit.OK, all.code(), all::toString);
        assertTrue(all.out().contains("liver-impairment (choice): one of none, mild, moderate, severe\n"), all.out());
        assertTrue(all.out().contains("crcl (number): a number from 0 to 250 (mL/min)\n"), all.out());
        Result one = cli.run("facts", "--drug", "olumiant");
        assertTrue(one.out().contains("asked for: baricitinib"), one.out());
        assertFalse(one.out().contains("asked for: tofacitinib"), one.out());
    }

    @Test
    void aTemplateIsAPatientFileThatAsksNothingUntilFilledIn() throws Exception {
        Result t = screen("--template");
        assertEquals(Exit.OK, t.code(), t::toString);
        assertTrue(t.out().contains("# Are you pregnant?\n# (yes or no)\npregnant:\n"), t.out());
        cli.write("blank.yaml", t.out());
        Result blank = screen("--patient", "blank.yaml");
        assertEquals(Exit.INCOMPLETE, blank.code(), "an empty template answers nothing");
        cli.write(
                "filled.yaml",
                t.out()
                        .replace("pregnant:\n", "pregnant: no\n")
                        .replace("egfr:\n", "egfr: 90\n")
                        .replace("medicines:\n", "medicines: [ibuprofen]\n"));
        assertEquals(Exit.OK, screen("--patient", "filled.yaml").code());
    }

    @Test
    void saveAnswersWritesAPatientFileThatGivesTheSameVerdict() throws Exception {
        Result first = screen(
                "-f",
                "pregnant=no",
                "-f",
                "egfr=45",
                "-f",
                "medicines=Nizoral 200mg, ibuprofen",
                "--save-answers",
                "answers.yaml");
        String saved = Files.readString(cli.fs.getPath("answers.yaml"));
        assertTrue(saved.contains("medicines: [\"Nizoral 200mg\", \"ibuprofen\"]"), saved);
        Result again = screen("--patient", "answers.yaml");
        assertEquals(first.code(), again.code(), again::toString);
    }

    @Test
    void ctrlCDuringAskCancelsWithExit130AndNoReport() {
        cli.prompter(new Prompter() {
            public boolean available() {
                return true;
            }

            public Optional<String> ask(String prompt) {
                throw new Cancel();
            }

            public void tell(String message) {}
        });
        Result r = screen("--ask");
        assertEquals(130, r.code());
        assertEquals("", r.out());
        assertEquals(REWORDED + "medcounsel: cancelled: no report\n", r.err());
    }
}
