package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.parser.StrictErrorHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.DetectedIssue;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;
import org.medcounsel.render.Html;

/**
 * Screening records and FHIR R4: every resource screen writes is parsed by HAPI FHIR's strict
 * parser (test scope only) and round-tripped; the record's fields; each answer type and each
 * severity; complete and incomplete screenings; and a QuestionnaireResponse read back as the
 * patient's answers giving the same verdict.
 */
class FhirTest {
    static final FhirContext R4 = FhirContext.forR4();
    final Cli cli = new Cli();

    @BeforeEach
    void site() {
        cli.write("site/facts.yaml", TestSheets.FACTS);
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", "test-blocker").replace("screening:\n", ScreenCommandTest.RULES));
    }

    static IParser strict() {
        return R4.newJsonParser().setParserErrorHandler(new StrictErrorHandler());
    }

    /** The bundle, parsed strictly, and checked to survive HAPI's own encoding and parsing again. */
    static Bundle bundle(Result r) {
        Bundle bundle = strict().parseResource(Bundle.class, r.out());
        String again = R4.newJsonParser().encodeResourceToString(bundle);
        Bundle reparsed = strict().parseResource(Bundle.class, again);
        assertTrue(bundle.equalsDeep(reparsed), "round trip through HAPI FHIR");
        return bundle;
    }

    static <T extends Resource> List<T> all(Bundle b, Class<T> type) {
        List<T> found = new ArrayList<>();
        b.getEntry().forEach(e -> {
            if (type.isInstance(e.getResource())) found.add(type.cast(e.getResource()));
        });
        return found;
    }

    Result screen(String... args) {
        List<String> all = new ArrayList<>(List.of("screen", "testamab", "--data", "site"));
        all.addAll(List.of(args));
        return cli.run(all.toArray(String[]::new));
    }

    static final String[] SAFE = {
        "-f", "pregnant=no", "-f", "smoker=no", "-f", "age=40", "-f", "egfr=90", "-f", "medicines=ibuprofen"
    };

    @Test
    void aCompleteScreeningIsACompletedResponseWithNoIssues() {
        List<String> args = new ArrayList<>(List.of(SAFE));
        args.addAll(List.of("--format", "fhir", "--patient-id", "NHS-943-476-5919", "--pharmacist", "A. Khan"));
        Result r = screen(args.toArray(String[]::new));
        assertEquals(Exit.OK, r.code(), r::toString);
        Bundle b = bundle(r);
        assertEquals(Bundle.BundleType.COLLECTION, b.getType());
        Questionnaire q = all(b, Questionnaire.class).get(0);
        assertEquals("https://medcounsel.org/fhir/Questionnaire/medcounsel-testamab", q.getUrl());
        assertTrue(q.getVersion().matches("[0-9a-f]{16}"), q.getVersion());
        QuestionnaireResponse qr = all(b, QuestionnaireResponse.class).get(0);
        assertEquals(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED, qr.getStatus());
        assertEquals(q.getUrl() + "|" + q.getVersion(), qr.getQuestionnaire());
        assertEquals("NHS-943-476-5919", qr.getSubject().getIdentifier().getValue());
        assertEquals("A. Khan", qr.getAuthor().getDisplay());
        assertEquals(List.of(), all(b, DetectedIssue.class), "nothing flagged");
    }

    @Test
    void eachAnswerTypeAndEachSeverity() {
        Result r = screen(
                "-f",
                "egfr=20",
                "-f",
                "age=80",
                "-f",
                "smoker=yes",
                "-f",
                "medicines=probenecid,zzzfoo",
                "--format",
                "fhir");
        assertEquals(Exit.DO_NOT_START, r.code(), r::toString);
        Bundle b = bundle(r);
        QuestionnaireResponse qr = all(b, QuestionnaireResponse.class).get(0);
        assertEquals(
                QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED,
                qr.getStatus(),
                "the answers as given are definitive (pregnant was not asked: the verdict says so)");
        var items = qr.getItem();
        var smoker = items.stream()
                .filter(i -> i.getLinkId().equals("smoker"))
                .findFirst()
                .orElseThrow();
        assertTrue(smoker.getAnswerFirstRep().getValueBooleanType().booleanValue());
        var egfr = items.stream()
                .filter(i -> i.getLinkId().equals("egfr"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                20.0, egfr.getAnswerFirstRep().getValueQuantity().getValue().doubleValue());
        assertFalse(egfr.getAnswerFirstRep().getValueQuantity().getUnit().isEmpty(), "a number carries its unit");
        assertEquals(
                "mL/min/{1.73_m2}", egfr.getAnswerFirstRep().getValueQuantity().getCode(), "as a UCUM code");
        assertEquals(
                "http://unitsofmeasure.org",
                egfr.getAnswerFirstRep().getValueQuantity().getSystem());
        var medicines = items.stream()
                .filter(i -> i.getLinkId().equals("medicines"))
                .findFirst()
                .orElseThrow();
        assertEquals(
                List.of("probenecid", "zzzfoo"),
                medicines.getAnswer().stream()
                        .map(a -> a.getValueStringType().getValue())
                        .toList());
        List<String> severities = all(b, DetectedIssue.class).stream()
                .map(d -> d.getSeverity().toCode())
                .sorted()
                .toList();
        // egfr 20 (do not start); age 80, probenecid and smoking (caution); zzzfoo not recognised (a note).
        assertEquals(List.of("high", "low", "moderate", "moderate", "moderate"), severities);
        DetectedIssue high = all(b, DetectedIssue.class).stream()
                .filter(d -> d.getSeverity() == DetectedIssue.DetectedIssueSeverity.HIGH)
                .findFirst()
                .orElseThrow();
        assertEquals("egfr: Kidneys too weak.", high.getDetail());
        assertTrue(high.getReference().startsWith("https://"), "the source as reference: " + high.getReference());
    }

    @Test
    void choicesAreCodingsOfTheQuestionnairesOptions() {
        Result r = cli.run("screen", "olumiant", "-f", "liver-impairment=mild", "--format", "fhir");
        Bundle b = bundle(r);
        Questionnaire q = all(b, Questionnaire.class).get(0);
        var item = q.getItem().stream()
                .filter(i -> i.getLinkId().equals("liver-impairment"))
                .findFirst()
                .orElseThrow();
        assertEquals(Questionnaire.QuestionnaireItemType.CHOICE, item.getType());
        assertEquals(4, item.getAnswerOption().size());
        var answer = all(b, QuestionnaireResponse.class).get(0).getItem().stream()
                .filter(i -> i.getLinkId().equals("liver-impairment"))
                .findFirst()
                .orElseThrow()
                .getAnswerFirstRep()
                .getValueCoding();
        assertEquals("mild", answer.getCode());
        assertEquals(item.getAnswerOption().get(0).getValueCoding().getSystem(), answer.getSystem());
        Result alone = cli.run("questionnaire", "olumiant", "--format", "fhir");
        assertEquals(0, alone.code(), alone::toString);
        Questionnaire exported = strict().parseResource(Questionnaire.class, alone.out());
        assertEquals(q.getUrl(), exported.getUrl());
        assertEquals(q.getVersion(), exported.getVersion(), "the same sheets, the same version");
    }

    @Test
    void aQuestionnaireResponseReadBackGivesTheSameVerdictAndAnswers() throws Exception {
        for (String[] answers : new String[][] {
            SAFE,
            {"-f", "egfr=45", "-f", "age=50", "-f", "smoker=yes", "-f", "medicines=probenecid"},
            {"-f", "egfr=20", "-f", "pregnant=no"}
        }) {
            List<String> args = new ArrayList<>(List.of(answers));
            args.addAll(List.of("--format", "json", "--patient-id", "P7"));
            Result direct = screen(args.toArray(String[]::new));
            args.set(args.indexOf("json"), "fhir");
            Result fhir = screen(args.toArray(String[]::new));
            QuestionnaireResponse qr =
                    all(bundle(fhir), QuestionnaireResponse.class).get(0);
            cli.write("response.json", R4.newJsonParser().encodeResourceToString(qr));
            Result back = screen("--patient", "response.json", "--format", "json");
            assertEquals(direct.code(), back.code(), back::toString);
            JsonNode a = new ObjectMapper().readTree(direct.out());
            JsonNode c = new ObjectMapper().readTree(back.out());
            assertEquals(a.get("verdict"), c.get("verdict"));
            assertEquals(a.get("items"), c.get("items"), "the same answers, the same findings");
            assertEquals("P7", c.get("record").get("patient").asText(), "the subject is the patient reference");
        }
        cli.write("bad.json", "{\"resourceType\": \"Patient\"}");
        Result bad = screen("--patient", "bad.json");
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("bad.json: a JSON patient file must be a FHIR QuestionnaireResponse"), bad.err());
    }

    @Test
    void theRecordNamesPatientTimePharmacistSiteToolAndEachSheetsFingerprint() throws Exception {
        cli.write("pharmacy.yaml", "name: Riverside Pharmacy\nphone: 01234 567890\n");
        cli.write("patient.yaml", "id: P-0042\nsmoker: no\n");
        Result json = screen(
                "--patient", "patient.yaml", "--pharmacist", "A. Khan", "--site", "pharmacy.yaml", "--format", "json");
        JsonNode record = new ObjectMapper().readTree(json.out()).get("record");
        assertEquals("P-0042", record.get("patient").asText());
        assertEquals("2026-11-24T09:00:00Z", record.get("at").asText(), "the run's clock");
        assertEquals("A. Khan", record.get("pharmacist").asText());
        assertEquals("Riverside Pharmacy", record.get("site").asText());
        assertTrue(record.get("tool").asText().startsWith("medcounsel "), record.toString());
        JsonNode sheets = record.get("sheets");
        assertEquals("drug", sheets.get(0).get("kind").asText());
        assertEquals("testamab", sheets.get(0).get("id").asText());
        assertEquals("2026-10-01", sheets.get(0).get("reviewed").asText());
        assertEquals("class", sheets.get(1).get("kind").asText());
        String print = sheets.get(0).get("sha256").asText();
        assertTrue(print.matches("[0-9a-f]{64}"), print);
        // An edit to the sheet changes its fingerprint.
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", "test-blocker")
                        .replace("screening:\n", ScreenCommandTest.RULES)
                        .replace("test medicine", "test medicine, edited"));
        JsonNode after =
                new ObjectMapper().readTree(screen("--format", "json").out()).get("record");
        assertFalse(print.equals(after.get("sheets").get(0).get("sha256").asText()));
        assertTrue(after.get("patient").isNull() && after.get("pharmacist").isNull(), "nothing made up: " + after);
        // Text and HTML only with --record, ending with a line to sign.
        assertFalse(screen().out().contains("Screening record"));
        Result html = screen("--patient", "patient.yaml", "--record", "--format", "html", "--pharmacist", "A. Khan");
        assertTrue(html.out().contains("<h2>Screening record</h2>"), html.out());
        assertTrue(html.out().contains("<strong>Patient:</strong> P-0042"), html.out());
        assertTrue(html.out().contains("Signed by the pharmacist: ____"), html.out());
        assertEquals(List.of(), Html.problems(html.out()));
        assertTrue(screen("--record").out().contains("Patient: not given"), "said, not invented");
    }

    @Test
    void fhirIsForScreenAndQuestionnaireOnly() {
        // Each command offers only the formats it writes, and refuses any other in one line naming them.
        Result info = cli.run("info", "olumiant", "--format", "fhir");
        assertEquals(2, info.code());
        assertEquals(
                "medcounsel: Invalid value for option '--format': expected text, markdown, html or json, not 'fhir'"
                        + " (see 'medcounsel info --help')\n",
                info.err());
        Result pdf = cli.run("risks", "olumiant", "--format", "pdf");
        assertEquals(2, pdf.code());
        assertTrue(pdf.err().contains("expected text, markdown, html or json, not 'pdf'"), pdf.err());
        String help = cli.run("info", "--help").out();
        assertTrue(help.contains("text, markdown, html, json (default: text)"), help);
        assertFalse(help.contains("fhir") || help.contains("pdf"), help);
        Result questionnaire = cli.run("questionnaire", "olumiant", "--format", "json");
        assertEquals(2, questionnaire.code());
        assertTrue(questionnaire.err().contains("expected fhir, not 'json'"), questionnaire.err());
        Result terminal = cli.terminal(true).run("screen", "olumiant", "--format", "pdf");
        assertEquals(2, terminal.code());
        assertTrue(terminal.err().contains("a PDF is not written to a terminal"), terminal.err());
    }
}
