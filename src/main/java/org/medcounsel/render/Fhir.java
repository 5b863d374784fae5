package org.medcounsel.render;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.medcounsel.counsel.Answer;
import org.medcounsel.counsel.Screening;
import org.medcounsel.counsel.ScreeningRecord;
import org.medcounsel.counsel.Units;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Fact;

/**
 * Screenings as FHIR R4 resources, written as plain JSON (no FHIR library at run time): a
 * {@code Bundle} of type collection holding, per drug, its {@code Questionnaire}, the patient's
 * {@code QuestionnaireResponse} and one {@code DetectedIssue} per finding. Ids are name-based
 * UUIDs of what they describe, so the same screening gives the same bundle.
 */
public final class Fhir {
    /** Where the questionnaires' canonical URLs live. */
    public static final String BASE = Facts.FHIR_BASE;

    private Fhir() {}

    /** The questionnaire's canonical URL for a drug. */
    public static String questionnaireUrl(String drug) {
        return Facts.questionnaire(drug);
    }

    /** The code system of a choice fact's answers. */
    static String codeSystem(String fact) {
        return Facts.codeSystem(fact);
    }

    /** The Bundle for the screenings. */
    public static void bundle(
            List<Screening> screenings, ScreeningRecord record, Function<Drug, String> title, PrintWriter out) {
        List<Object> entries = new ArrayList<>();
        for (Screening s : screenings) {
            Map<String, Object> questionnaire =
                    questionnaire(s.drug(), s.asked(), record.version(), title.apply(s.drug()));
            entries.add(entry(questionnaire));
            Map<String, Object> response = response(s, record);
            entries.add(entry(response));
            for (Map<String, Object> issue : issues(s, record, (String) response.get("id"))) {
                entries.add(entry(issue));
            }
        }
        Map<String, Object> bundle = new LinkedHashMap<>();
        bundle.put("resourceType", "Bundle");
        bundle.put("id", uuid("bundle", record.at(), record.patient(), names(screenings)));
        bundle.put("type", "collection");
        bundle.put("timestamp", record.at());
        bundle.put("entry", entries);
        JsonOut.write(bundle, out);
    }

    /** The questionnaire alone. */
    public static void questionnaire(Drug drug, List<Fact> asked, String version, String title, PrintWriter out) {
        JsonOut.write(questionnaire(drug, asked, version, title), out);
    }

    private static String names(List<Screening> screenings) {
        return String.join(",", screenings.stream().map(s -> s.drug().id()).toList());
    }

    private static Map<String, Object> entry(Map<String, Object> resource) {
        return JsonOut.object("fullUrl", "urn:uuid:" + resource.get("id"), "resource", resource);
    }

    static Map<String, Object> questionnaire(Drug drug, List<Fact> asked, String version, String title) {
        Map<String, Object> q = new LinkedHashMap<>();
        q.put("resourceType", "Questionnaire");
        String of =
                drug.language().translated() ? drug.id() + "." + drug.language().shown() : drug.id();
        q.put("id", uuid("questionnaire", of, version));
        if (drug.language().translated()) q.put("language", drug.language().shown());
        q.put("url", questionnaireUrl(drug.id()));
        q.put("version", version);
        q.put("name", "Medcounsel" + camel(drug.id()));
        q.put("title", title);
        q.put("status", "active");
        List<Object> items = new ArrayList<>();
        for (Fact fact : asked) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("linkId", fact.key());
            item.put("text", fact.question());
            switch (fact.type()) {
                case YES_NO:
                    item.put("type", "boolean");
                    break;
                case NUMBER:
                    item.put("type", "quantity");
                    if (!fact.unit().isEmpty()) {
                        item.put(
                                "extension",
                                List.of(JsonOut.object(
                                        "url",
                                        "http://hl7.org/fhir/StructureDefinition/questionnaire-unit",
                                        "valueCoding",
                                        JsonOut.object("display", fact.unit()))));
                    }
                    break;
                case CHOICE:
                    item.put("type", "choice");
                    List<String> choices = fact.choices().isEmpty()
                            ? drug.sheet().get(SheetShapes.DRUG_USES).stream()
                                    .map(Sheets.Use::id)
                                    .filter(id -> !id.isEmpty())
                                    .toList()
                            : fact.choices();
                    item.put(
                            "answerOption",
                            choices.stream()
                                    .map(c -> JsonOut.object("valueCoding", coding(fact.key(), c)))
                                    .toList());
                    break;
                default:
                    item.put("type", "string");
                    item.put("repeats", true);
            }
            items.add(item);
        }
        q.put("item", items);
        return q;
    }

    private static Map<String, Object> coding(String fact, String code) {
        return JsonOut.object("system", codeSystem(fact), "code", code, "display", code);
    }

    static Map<String, Object> response(Screening s, ScreeningRecord record) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("resourceType", "QuestionnaireResponse");
        r.put("id", uuid("response", s.drug().id(), record.at(), record.patient()));
        r.put("questionnaire", questionnaireUrl(s.drug().id()) + "|" + record.version());
        // The answers as given when the screening was made: definitive, though some questions may be unanswered.
        r.put("status", "completed");
        if (!record.patient().isEmpty())
            r.put("subject", JsonOut.object("identifier", JsonOut.object("value", record.patient())));
        r.put("authored", record.at());
        if (!record.pharmacist().isEmpty()) r.put("author", JsonOut.object("display", record.pharmacist()));
        List<Object> items = new ArrayList<>();
        s.questions()
                .forEach((fact, answer) -> answer.ifPresent(a -> {
                    Map<String, Object> item = new LinkedHashMap<>();
                    item.put("linkId", fact.key());
                    item.put("text", fact.question());
                    item.put("answer", answers(fact, a));
                    items.add(item);
                }));
        if (!items.isEmpty()) r.put("item", items);
        return r;
    }

    private static List<Object> answers(Fact fact, Answer a) {
        if (a instanceof Answer.YesNo yesNo) return List.of(JsonOut.object("valueBoolean", yesNo.yes()));
        if (a instanceof Answer.Number n) {
            Map<String, Object> quantity = new LinkedHashMap<>();
            quantity.put("value", n.number());
            if (!fact.unit().isEmpty()) quantity.put("unit", fact.unit());
            Units.code(fact.unit()).ifPresent(code -> {
                quantity.put("system", Units.UCUM_SYSTEM);
                quantity.put("code", code);
            });
            return List.of(JsonOut.object("valueQuantity", quantity));
        }
        if (a instanceof Answer.Choice c) return List.of(JsonOut.object("valueCoding", coding(fact.key(), c.value())));
        List<Object> strings = new ArrayList<>();
        for (String item : ((Answer.Items) a).items()) strings.add(JsonOut.object("valueString", item));
        return strings;
    }

    /**
     * One DetectedIssue a finding: high for do-not-start, moderate for caution; and low for a
     * note: a medicine or a use that was not understood, which keeps the verdict from clear.
     */
    static List<Map<String, Object>> issues(Screening s, ScreeningRecord record, String responseId) {
        List<Map<String, Object>> issues = new ArrayList<>();
        for (Screening.Item item : s.findings()) {
            String severity = item.level() == Sheets.Level.DO_NOT_START ? "high" : "moderate";
            String detail = item.fact().key() + ": " + item.rule().advice();
            issues.add(issue(s, record, responseId, severity, detail, item.source(), issues.size()));
        }
        for (Medicines.Match m : s.medicines()) {
            if (!m.recognised()) {
                issues.add(issue(
                        s,
                        record,
                        responseId,
                        "low",
                        "medicines: '" + m.typed() + "' was not recognised, so it was not checked",
                        Optional.empty(),
                        issues.size()));
            }
        }
        s.unknownUse()
                .ifPresent(u -> issues.add(issue(
                        s,
                        record,
                        responseId,
                        "low",
                        "use: '" + u + "' is not one of this drug's uses",
                        Optional.empty(),
                        issues.size())));
        return issues;
    }

    private static Map<String, Object> issue(
            Screening s,
            ScreeningRecord record,
            String responseId,
            String severity,
            String detail,
            Optional<Sheets.Source> source,
            int n) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("resourceType", "DetectedIssue");
        d.put("id", uuid("issue", s.drug().id(), record.at(), record.patient(), String.valueOf(n)));
        d.put("status", "final");
        d.put("severity", severity);
        if (!record.patient().isEmpty())
            d.put("patient", JsonOut.object("identifier", JsonOut.object("value", record.patient())));
        d.put("identifiedDateTime", record.at());
        d.put(
                "evidence",
                List.of(JsonOut.object("detail", List.of(JsonOut.object("reference", "urn:uuid:" + responseId)))));
        d.put("detail", detail);
        source.ifPresent(src -> d.put("reference", src.url()));
        return d;
    }

    private static String camel(String id) {
        StringBuilder b = new StringBuilder();
        for (String part : id.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return b.toString();
    }

    private static String uuid(String... parts) {
        return UUID.nameUUIDFromBytes(String.join("\n", parts).getBytes(StandardCharsets.UTF_8))
                .toString();
    }
}
