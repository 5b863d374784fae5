package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;

/**
 * The facts the 2026 clinical review corrected, read from the shipped sheets as a patient gets
 * them (the output of info, risks and stop): contraception after the last dose, missed doses,
 * licensed ages, doses and warnings. Each expectation comes from the review, not from the sheet.
 */
class ShippedSheetsTest {
    static String out(String... args) {
        Result r = new Cli().run(args);
        assertEquals(0, r.code(), r::toString);
        // One line per paragraph, so a phrase is found whatever the wrapping.
        return r.out().replaceAll("\n {2,}(?![-!] )", " ");
    }

    static String info(String drug) {
        return out("info", drug, "--width", "1000");
    }

    static String risks(String drug) {
        return out("risks", drug, "--width", "1000");
    }

    /** Review #15/#16 and section 0: birth control after the last dose, per drug. */
    @ParameterizedTest
    @CsvSource({
        "tofacitinib,at least 4 weeks after your last dose",
        "upadacitinib,at least 4 weeks after your last dose",
        "abrocitinib,at least 1 month after your last dose",
        "filgotinib,at least 1 week after your last dose",
        "baricitinib,at least 1 week after your last dose",
        "selumetinib,at least 1 week after your last dose",
        "ritlecitinib,at least 1 month after your last dose"
    })
    void contraceptionLastsTheLabelsPeriodAfterTheLastDose(String drug, String period) {
        assertTrue(info(drug).contains(period), drug + ": " + period);
    }

    /** Selumetinib's rule is for men too, with a barrier method on hormonal birth control (#15). */
    @Test
    void selumetinibBirthControlIsForWomenAndMenWithABarrierMethod() {
        String info = info("selumetinib");
        assertTrue(info.contains("This is for women and for men."), info);
        assertTrue(info.contains("Use a condom or another barrier method as well."), info);
    }

    /** Review Q3: the exact missed-dose rule per drug. */
    @ParameterizedTest
    @CsvSource({
        "tofacitinib,skip it",
        "upadacitinib,If a whole day has passed",
        "filgotinib,if 24 hours have passed",
        "abrocitinib,less than 12 hours away",
        "ritlecitinib,less than 8 hours away",
        "selumetinib,less than 6 hours away",
        "baricitinib,If you only remember the next day"
    })
    void theMissedDoseRuleIsTheLabels(String drug, String rule) {
        String info = info(drug);
        String missed = info.substring(info.indexOf("If you miss a dose"), info.indexOf("If you take too much"));
        assertTrue(missed.contains(rule), drug + ": " + missed);
        assertTrue(
                missed.toLowerCase(Locale.ROOT).contains("two doses") || missed.contains("extra dose"),
                drug + " never doubles: " + missed);
    }

    /** Review #7, #8, #25 and Q1: who each eczema licence covers. */
    @Test
    void eczemaLicencesHaveTheirAges() {
        assertTrue(info("baricitinib").contains("in adults and in children aged 2 and over"));
        assertTrue(info("abrocitinib").contains("children aged 12"));
        assertTrue(info("upadacitinib").contains("in adults and in children aged 12 and over"));
    }

    /** Review #9: baricitinib's lower dose from 65, not 75. */
    @Test
    void baricitinibsLowerDoseStartsAt65() {
        String info = info("baricitinib");
        assertTrue(info.matches("(?s).*2 mg.{0,80}65.*|(?s).*65.{0,80}2 mg.*"), info);
        assertFalse(info.contains("75 or over"), info);
    }

    /** Review #11 and Q6: selumetinib capsules with or without food, and granules from 1 (US). */
    @Test
    void selumetinibCanBeTakenWithOrWithoutFood() {
        String info = info("selumetinib");
        assertTrue(info.contains("with or without food"), info);
        assertFalse(info.contains("empty stomach"), info);
    }

    /** Review #10: blurred vision is very common on selumetinib. */
    @Test
    void selumetinibBlurredVisionIsVeryCommon() {
        String risks = risks("selumetinib");
        int veryCommon = risks.indexOf("very common (more than 1 in 10 people)");
        int common = risks.indexOf(", common (up to 1 in 10 people)", veryCommon);
        int blurred = risks.toLowerCase(Locale.ROOT).indexOf("blurred");
        assertTrue(veryCommon >= 0 && blurred > veryCommon && (common < 0 || blurred < common), risks);
    }

    /** Review #5: a hole in the gut, with urgent help, where the labels have it. */
    @ParameterizedTest
    @ValueSource(strings = {"tofacitinib", "upadacitinib", "baricitinib"})
    void gutPerforationIsWarnedAndUrgent(String drug) {
        String risks = risks(drug).toLowerCase(Locale.ROOT);
        assertTrue(risks.contains("hole in"), drug);
        String urgent = risks.substring(risks.indexOf("get help at once:"));
        assertTrue(urgent.contains("tummy") || urgent.contains("stomach"), drug + ": " + urgent);
    }

    /** Review #12 and Q7: the filgotinib sperm precaution was removed after MANTA. */
    @Test
    void filgotinibSaysStudiesInMenDidNotShowTheSpermProblem() {
        String info = info("filgotinib");
        assertTrue(info.contains("sperm"), info);
        assertTrue(info.toLowerCase(Locale.ROOT).contains("did not show"), info);
    }

    /** Review #31: filgotinib is not licensed in the US; class text fits every member. */
    @Test
    void filgotinibIsNotLicensedInTheUs() {
        assertTrue(info("filgotinib").contains("It is not licensed in the US."));
    }

    /** Review #18, #19: newer licences. */
    @Test
    void newerLicencesAreListed() {
        assertTrue(info("tofacitinib").contains("Long-term arthritis in children"));
        assertTrue(info("upadacitinib").contains("Giant cell arteritis"));
        assertTrue(info("selumetinib").toLowerCase(Locale.ROOT).contains("adults"));
    }

    /** The three neighbours, each in its class, with its licence. */
    @Test
    void theNeighboursAreThere() {
        Map<String, List<String>> expect = Map.of(
                "ritlecitinib", List.of("Litfulo", "JAK inhibitors", "aged 12 and over"),
                "deuruxolitinib", List.of("Leqselvi", "JAK inhibitors", "US only"),
                "mirdametinib", List.of("Gomekli", "Ezmekly", "MEK inhibitors", "aged 2 and over"));
        expect.forEach((drug, phrases) -> {
            String info = info(drug);
            phrases.forEach(p -> assertTrue(info.contains(p), drug + ": " + p));
        });
        assertTrue(info("selumetinib").contains("MEK inhibitors"), "selumetinib shares the MEK class");
    }

    /** Every output says what its date means, and nothing claims an approval nobody gave. */
    @ParameterizedTest
    @ValueSource(strings = {"info", "risks", "stop"})
    void theDateSaysWhatWasCheckedAndNoApprovalIsClaimed(String command) {
        for (String drug : List.of("baricitinib", "mirdametinib")) {
            String out = out(command, drug);
            assertTrue(out.contains("Checked against the product labels on 2026-11-23."), drug);
            assertFalse(out.contains("Approved"), drug);
        }
    }
}
