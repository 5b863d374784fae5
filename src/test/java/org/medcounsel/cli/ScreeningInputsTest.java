package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;

/**
 * Every channel into a verdict is read whole and typed (issue 26 and the December adversarial
 * review, findings 1-3, 12, 17, 19): a second medicine in an entry is never dropped, a FHIR
 * answer of the wrong type, unit or status is refused, and a finding is never hidden behind
 * "incomplete".
 */
class ScreeningInputsTest {
    final Cli cli = new Cli();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Deuruxolitinib, every question answered safely (the review's deu.yaml, with the genotype tested). */
    static final String DEU = "age: 40\nsmoker: no\nheart-disease: no\ncancer-history: no\nblood-clot-history: no\n"
            + "surgery-planned: no\nactive-infection: no\nrecurrent-infections: no\nshingles-history: no\n"
            + "tb-exposure: no\nhepatitis-history: no\nlive-vaccine-planned: no\npregnant: no\nbreastfeeding: no\n"
            + "cyp2c9-genotype: not-poor-metaboliser\nlymphocytes: 2\nneutrophils: 4\nhaemoglobin: 14\negfr: 90\n"
            + "liver-impairment: none\n";

    /** Selumetinib, every question answered safely (the review's sel.yaml). */
    static final String SEL = "age: 25\npregnant: no\nbreastfeeding: no\nheart-pumping-problems: no\n"
            + "vision-problems: no\nliver-impairment: none\nmedicines: [paracetamol]\nvitamin-e-supplements: no\n";

    Result deu(String... more) {
        cli.write("deu.yaml", DEU);
        List<String> args = new ArrayList<>(List.of("screen", "deuruxolitinib", "--patient", "deu.yaml"));
        args.addAll(List.of(more));
        return cli.run(args.toArray(String[]::new));
    }

    @Test
    void theSafePatientIsClearAndFluconazoleAloneRulesItOut() {
        assertEquals(Exit.OK, deu("-f", "medicines=paracetamol").code(), deu("-f", "medicines=paracetamol")::toString);
        assertEquals(Exit.DO_NOT_START, deu("-f", "medicines=fluconazole").code());
    }

    @Test
    void aSecondMedicineInAnEntryIsNeverDropped() {
        for (String entry : List.of(
                "paracetamol and fluconazole",
                "paracetamol; fluconazole",
                "paracetamol/fluconazole",
                "paracetamol + fluconazole",
                "paracetamol & fluconazole",
                "paracetamol fluconazole",
                "paracetamol 500mg tablets, Diflucan 150 mg capsule",
                "paracetamol\nfluconazole")) {
            Result r = deu("-f", "medicines=" + entry, "--width", "200");
            assertEquals(Exit.DO_NOT_START, r.code(), entry + ": " + r);
            assertTrue(r.out().contains("-> fluconazole"), entry + ": " + r.out());
        }
    }

    @Test
    void aYamlBlockWithOneMedicineALineIsEveryMedicine() {
        cli.write("p.yaml", SEL.replace("medicines: [paracetamol]\n", "medicines: |\n  paracetamol\n  warfarin\n"));
        Result r = cli.run("screen", "selumetinib", "--patient", "p.yaml", "--width", "200");
        assertEquals(Exit.CAUTION, r.code(), r::toString);
        assertTrue(r.out().contains("warfarin -> warfarin"), r.out());
    }

    @Test
    void wordsLeftOverAreShownAndKeepTheVerdictFromClear() throws Exception {
        Result r = deu("-f", "medicines=paracetamol zorbex", "--width", "200");
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(
                r.out().contains("paracetamol zorbex: paracetamol found, but not 'zorbex', which may be another"),
                r.out());
        JsonNode med = JSON.readTree(deu("-f", "medicines=paracetamol zorbex", "--format", "json")
                        .out())
                .get("medicines")
                .get(0);
        assertEquals("paracetamol", med.get("matched").asText());
        assertEquals(false, med.get("recognised").asBoolean());
        assertEquals("[\"zorbex\"]", med.get("unclear").toString());
    }

    @Test
    void noneIsSaidAndAnEmptyAnswerIsNotAsked() throws Exception {
        for (String none : List.of("none", "None", "nothing", "nil", "no", "n/a", "-", "ninguno", "无")) {
            Result r = deu("-f", "medicines=" + none);
            assertEquals(Exit.OK, r.code(), none + ": " + r);
        }
        Result empty = deu("-f", "medicines=");
        assertEquals(Exit.INCOMPLETE, empty.code(), "an empty answer means not asked: " + empty);
        assertTrue(empty.out().contains("medicines"), empty.out());
        cli.write("none.yaml", DEU + "medicines: []\n");
        assertEquals(
                Exit.OK,
                cli.run("screen", "deuruxolitinib", "--patient", "none.yaml").code());
        for (String blank : List.of("[\"\"]", "[~]", "[\" \"]", "\",\"", "[paracetamol, \"\"]")) {
            cli.write("blank.yaml", DEU + "medicines: " + blank + "\n");
            Result r = cli.run("screen", "deuruxolitinib", "--patient", "blank.yaml");
            assertEquals(Exit.USAGE, r.code(), blank + ": " + r);
            assertTrue(r.err().startsWith("medcounsel: blank.yaml:21: 'medicines' has a blank entry"), r.err());
        }
        Result both = deu("-f", "medicines=none, warfarin");
        assertEquals(Exit.USAGE, both.code(), both::toString);
        assertTrue(both.err().contains("says 'none' and names medicines"), both.err());
    }

    @Test
    void aFindingIsNamedWhileQuestionsThatCouldStopTheStartAreOpen() throws Exception {
        Result r = cli.run("screen", "tofacitinib", "-f", "medicines=rifampicin", "--width", "200");
        assertEquals(Exit.INCOMPLETE, r.code(), r::toString);
        assertTrue(r.out().lines().findFirst().orElseThrow().contains("incomplete: 1 caution so far;"), r.out());
        assertTrue(r.out().contains("VERDICT: incomplete: 1 caution so far, and "), r.out());
        assertTrue(r.out().contains("An answer still missing could mean do not start."), r.out());
        JsonNode json = JSON.readTree(cli.run("screen", "tofacitinib", "-f", "medicines=rifampicin", "--format", "json")
                .out());
        assertEquals("incomplete", json.get("verdict").asText());
        assertTrue(json.get("summary").asText().startsWith("incomplete: 1 caution so far; "), json.toString());
        Result nothing = cli.run("screen", "tofacitinib", "--width", "200");
        assertTrue(nothing.out().contains("nothing flagged so far"), nothing.out());
        Result help = cli.run("screen", "--help");
        assertTrue(help.out().contains("could still rule the medicine out"), help.out());
    }

    @Test
    void aRuleThatFlagsForEveryUseFlagsBeforeTheUseIsKnown() throws Exception {
        JsonNode json = JSON.readTree(cli.run("screen", "upadacitinib", "-f", "age=8", "--format", "json")
                .out());
        assertEquals("incomplete", json.get("verdict").asText(), "the use could still make it do-not-start");
        List<String> flagged = new ArrayList<>();
        json.get("items").forEach(i -> {
            if (i.get("flagged").asBoolean())
                flagged.add(i.get("fact").asText() + " " + i.get("level").asText());
        });
        assertEquals(List.of("age caution"), flagged, json.toString());
        assertTrue(json.get("summary").asText().startsWith("incomplete: 1 caution so far"), json.toString());
        // At 40 no use's age rule flags, so nothing is flagged before the use is known.
        JsonNode adult = JSON.readTree(cli.run("screen", "upadacitinib", "-f", "age=40", "--format", "json")
                .out());
        adult.get("items").forEach(i -> assertEquals(false, i.get("flagged").asBoolean(), i.toString()));
    }

    @Test
    void theGeneTestIsAChoiceAndNotTestedRulesItOut() {
        Result untested = deu("-f", "cyp2c9-genotype=not-tested", "-f", "medicines=none");
        assertEquals(Exit.DO_NOT_START, untested.code(), untested::toString);
        Result yesNo = deu("-f", "cyp2c9-genotype=no");
        assertEquals(Exit.USAGE, yesNo.code(), "a yes/no is not an answer to the gene test: " + yesNo);
    }

    @Test
    void numbersMayCarryAUnitThatIsConvertedOrRefused() throws Exception {
        cli.write("sel.yaml", SEL);
        Result months = cli.run("screen", "selumetinib", "--patient", "sel.yaml", "-f", "age=6 mo", "--width", "200");
        assertEquals(Exit.DO_NOT_START, months.code(), months::toString);
        assertTrue(months.out().contains("0.5 years (6 mo)"), months.out());
        Result pounds = cli.run("screen", "upadacitinib", "-f", "weight=154 lb", "--width", "300");
        assertTrue(pounds.out().contains("Answer: 69.85 kg (154 lb)."), pounds.out());
        Result furlongs = cli.run("screen", "selumetinib", "-f", "age=6 furlongs");
        assertEquals(Exit.USAGE, furlongs.code());
        assertEquals(
                "medcounsel: 'age' is in years; 'furlongs' is not a unit it can be converted from (give it in a, mo,"
                        + " wk, d)\n",
                furlongs.err());
        assertEquals(
                Exit.USAGE, cli.run("screen", "selumetinib", "-f", "age=<1").code());
    }

    // ---------------------------------------------------------------- FHIR

    /** The safe selumetinib patient as this tool exports it, for editing one answer at a time. */
    ObjectNode response() throws Exception {
        cli.write("sel.yaml", SEL);
        JsonNode bundle = JSON.readTree(cli.run("screen", "selumetinib", "--patient", "sel.yaml", "--format", "fhir")
                .out());
        return (ObjectNode) bundle.get("entry").get(1).get("resource");
    }

    static void answer(ObjectNode response, String linkId, String answerJson) throws Exception {
        for (JsonNode item : response.get("item")) {
            if (item.get("linkId").asText().equals(linkId)) {
                ((ObjectNode) item).set("answer", JSON.readTree("[" + answerJson + "]"));
            }
        }
    }

    Result screenResponse(ObjectNode response) throws Exception {
        cli.write("r.json", JSON.writeValueAsString(response));
        return cli.run("screen", "selumetinib", "--patient", "r.json", "--width", "200");
    }

    @Test
    void anExportedResponseReadsBackTheSame() throws Exception {
        Result r = screenResponse(response());
        assertEquals(Exit.OK, r.code(), r::toString);
    }

    @Test
    void aQuantityIsReadWithItsUnitAndAComparatorIsRefused() throws Exception {
        ObjectNode months = response();
        answer(
                months,
                "age",
                "{\"valueQuantity\":{\"value\":6,\"unit\":\"months\",\"system\":"
                        + "\"http://unitsofmeasure.org\",\"code\":\"mo\"}}");
        Result r = screenResponse(months);
        assertEquals(Exit.DO_NOT_START, r.code(), "6 months is below the age of 1: " + r);
        ObjectNode less = response();
        answer(less, "age", "{\"valueQuantity\":{\"value\":1,\"comparator\":\"<\",\"code\":\"a\"}}");
        Result lt = screenResponse(less);
        assertEquals(Exit.USAGE, lt.code(), lt::toString);
        assertEquals(
                "medcounsel: r.json: item 'age': the value is given as '<1'; screening needs the exact value\n",
                lt.err());
        ObjectNode grams = response();
        answer(grams, "age", "{\"valueQuantity\":{\"value\":25,\"code\":\"kg\"}}");
        assertEquals(Exit.USAGE, screenResponse(grams).code(), "a weight is not an age");
        ObjectNode noUnit = response();
        answer(noUnit, "age", "{\"valueQuantity\":{\"value\":25}}");
        assertEquals(Exit.USAGE, screenResponse(noUnit).code(), "a quantity with no unit");
    }

    @Test
    void aBooleanMustBeAJsonBoolean() throws Exception {
        for (String wrong : List.of("\"yes\"", "\"TRUE\"", "null", "{}", "1", "[true]")) {
            ObjectNode r = response();
            answer(r, "pregnant", "{\"valueBoolean\":" + wrong + "}");
            Result result = screenResponse(r);
            assertEquals(Exit.USAGE, result.code(), wrong + ": " + result);
            assertTrue(
                    result.err()
                            .startsWith("medcounsel: r.json: item 'pregnant': valueBoolean must be true or" + " false"),
                    result.err());
        }
        ObjectNode yes = response();
        answer(yes, "pregnant", "{\"valueBoolean\":true}");
        assertEquals(Exit.DO_NOT_START, screenResponse(yes).code());
    }

    @Test
    void duplicateKeysTrailingTextAndDuplicateItemsAreRefused() throws Exception {
        String text = JSON.writeValueAsString(response());
        cli.write("dup.json", text.replace("\"valueBoolean\":false", "\"valueBoolean\":true,\"valueBoolean\":false"));
        Result dup = cli.run("screen", "selumetinib", "--patient", "dup.json");
        assertEquals(Exit.USAGE, dup.code(), dup::toString);
        assertTrue(dup.err().contains("Duplicate field 'valueBoolean'"), dup.err());
        cli.write("trail.json", text + "\n{}");
        assertEquals(
                Exit.USAGE,
                cli.run("screen", "selumetinib", "--patient", "trail.json").code());
        ObjectNode twice = response();
        ((ArrayNode) twice.get("item")).add(twice.get("item").get(1).deepCopy());
        Result r = screenResponse(twice);
        assertEquals(Exit.USAGE, r.code());
        assertTrue(r.err().contains("item 'pregnant': answered twice"), r.err());
        ObjectNode two = response();
        answer(two, "age", "{\"valueInteger\":25},{\"valueInteger\":40}");
        assertEquals(Exit.USAGE, screenResponse(two).code(), "two answers to a one-answer question");
    }

    @Test
    void onlyAFinalResponseToThisQuestionnaireAndVersionIsRead() throws Exception {
        for (String status : List.of("entered-in-error", "stopped", "in-progress")) {
            ObjectNode r = response();
            r.put("status", status);
            Result result = screenResponse(r);
            assertEquals(Exit.USAGE, result.code(), status);
            assertTrue(result.err().contains("the response's status is '" + status + "'"), result.err());
        }
        ObjectNode amended = response();
        amended.put("status", "amended");
        assertEquals(Exit.OK, screenResponse(amended).code());
        ObjectNode other = response();
        other.put("questionnaire", other.get("questionnaire").asText().replace("selumetinib", "tofacitinib"));
        Result wrongDrug = screenResponse(other);
        assertEquals(Exit.USAGE, wrongDrug.code());
        assertTrue(wrongDrug.err().contains("not this screening's questionnaire"), wrongDrug.err());
        ObjectNode old = response();
        old.put("questionnaire", old.get("questionnaire").asText().replaceAll("\\|.*", "|0000000000000000"));
        assertEquals(Exit.USAGE, screenResponse(old).code(), "another version");
    }

    @Test
    void aStringWithCommasIsSeveralMedicines() throws Exception {
        ObjectNode r = response();
        answer(r, "medicines", "{\"valueString\":\"paracetamol, itraconazole, warfarin\"}");
        Result result = screenResponse(r);
        assertEquals(Exit.CAUTION, result.code(), result::toString);
        assertTrue(result.out().contains("itraconazole -> itraconazole"), result.out());
        assertTrue(result.out().contains("warfarin -> warfarin"), result.out());
    }

    @Test
    void aByteOrderMarkDeepNestingAndAFlagAfterTheFile() throws Exception {
        String text = JSON.writeValueAsString(response());
        cli.write("bom.json", "\uFEFF" + text);
        assertEquals(
                Exit.OK,
                cli.run("screen", "selumetinib", "--patient", "bom.json").code());
        cli.write("deep.json", "{\"resourceType\":" + "[".repeat(5000) + "]".repeat(5000) + "}");
        Result deep = cli.run("screen", "selumetinib", "--patient", "deep.json");
        assertEquals(Exit.USAGE, deep.code(), deep::toString);
        assertTrue(deep.err().startsWith("medcounsel: deep.json"), deep.err());
        assertEquals(1, deep.err().lines().count(), deep.err());
        ObjectNode huge = response();
        answer(huge, "medicines", "{\"valueString\":\"" + "x".repeat(1 << 20) + "\"}");
        Result big = screenResponse(huge);
        assertEquals(Exit.USAGE, big.code(), "a response over the limit is refused, not cut short and misread");
        assertEquals("medcounsel: r.json: the file is over 1024 KiB, the limit\n", big.err());
        Result flag = cli.run("screen", "selumetinib", "--patient", "bom.json", "-f", "pregnant=yes");
        assertEquals(Exit.DO_NOT_START, flag.code(), "-f wins over a response as over a YAML file: " + flag);
    }

    @Test
    void aVeryLongUnknownNameGetsNoSuggestionsAndTooManyMedicinesAreRefused() throws Exception {
        JsonNode json = JSON.readTree(
                cli.run("screen", "selumetinib", "-f", "medicines=" + "a".repeat(50_000), "--format", "json")
                        .out());
        assertTrue(json.get("medicines").get(0).get("suggestion").isNull(), "no did-you-mean for 50,000 letters");
        JsonNode close = JSON.readTree(cli.run("screen", "selumetinib", "-f", "medicines=warfarn", "--format", "json")
                .out());
        assertEquals("warfarin", close.get("medicines").get(0).get("suggestion").asText());
        Result many = cli.run("screen", "selumetinib", "-f", "medicines=" + "zz, ".repeat(201) + "zz");
        assertEquals(Exit.USAGE, many.code(), many::toString);
        assertTrue(many.err().contains("the most one screening reads is 200"), many.err());
    }
}
