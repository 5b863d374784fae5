package org.medcounsel.cli;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Given;
import org.medcounsel.counsel.Patient;
import org.medcounsel.counsel.Units;
import org.medcounsel.sheet.YamlReader;

/**
 * A FHIR R4 {@code QuestionnaireResponse} as a patient's answers ({@code screen --patient
 * response.json}), so a pharmacy system can collect answers in its own forms and ask for the
 * verdict. It must be a {@code completed} or {@code amended} response to this screening's own
 * questionnaire and version. Each item's {@code linkId} is a fact key, answered once; each answer
 * is typed ({@code valueBoolean} true or false, {@code valueQuantity} with a unit, {@code
 * valueDecimal}/{@code valueInteger} in the question's unit, {@code valueCoding}, {@code
 * valueString}) and read by the same parser as typed answers. Anything else, a duplicate key or
 * trailing text included, is an error naming the file and the item: nothing is coerced or dropped.
 */
final class FhirResponse {
    private FhirResponse() {}

    private static final String UCUM = Units.UCUM_SYSTEM;

    /** The statuses of a response whose answers stand: finished, or finished and then corrected. */
    private static final Set<String> FINAL = Set.of("completed", "amended");

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    /** Whether the file is JSON (a FHIR resource) rather than a YAML patient file; a byte order mark is skipped. */
    static boolean isJson(byte[] bytes) {
        int from = hasBom(bytes) ? 3 : 0;
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            return b == '{';
        }
        return false;
    }

    private static boolean hasBom(byte[] bytes) {
        return bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb && (bytes[2] & 0xff) == 0xbf;
    }

    /**
     * Reads the response into {@code patient}.
     *
     * @param questionnaires the canonical references ({@code url|version}) this screening's
     *     questionnaires have: a response to any other is refused
     */
    static void read(String file, byte[] bytes, Patient patient, Set<String> questionnaires) {
        if (bytes.length > YamlReader.MAX_BYTES) {
            throw new AnswerException(file + ": the file is over " + YamlReader.MAX_BYTES / 1024 + " KiB, the limit");
        }
        int from = hasBom(bytes) ? 3 : 0;
        JsonNode root;
        try {
            root = JSON.readTree(new String(bytes, from, bytes.length - from, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            String line = e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr();
            throw new AnswerException(file + line + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!root.isObject() || !"QuestionnaireResponse".equals(text(root, "resourceType"))) {
            throw new AnswerException(file + ": a JSON patient file must be a FHIR QuestionnaireResponse, not '"
                    + (root.isObject() ? root.path("resourceType").asText("(no resourceType)") : "(not an object)")
                    + "'");
        }
        String status = text(root, "status");
        if (!FINAL.contains(status)) {
            throw new AnswerException(file + ": the response's status is '" + status + "'; only a completed or"
                    + " amended response is screened");
        }
        String answers = text(root, "questionnaire");
        if (!questionnaires.contains(answers)) {
            throw new AnswerException(file + ": the response answers '" + answers + "', not this screening's"
                    + " questionnaire ("
                    + String.join(" or ", questionnaires.stream().sorted().toList())
                    + "); its questions or rules may differ, so ask them again (screen --format fhir gives the"
                    + " current one)");
        }
        JsonNode subject = root.path("subject").path("identifier").path("value");
        if (!subject.isMissingNode()) {
            if (!subject.isTextual()) throw new AnswerException(file + ": subject.identifier.value must be text");
            if (!subject.asText().isBlank()) patient.id(subject.asText());
        }
        JsonNode items = root.path("item");
        if (items.isMissingNode()) return;
        if (!items.isArray()) throw new AnswerException(file + ": 'item' must be a list of items");
        Set<String> seen = new HashSet<>();
        for (JsonNode item : items) {
            String key = item.isObject() ? text(item, "linkId") : "";
            if (key.isEmpty()) throw new AnswerException(file + ": an item without a linkId");
            String where = file + ": item '" + key + "': ";
            if (!seen.add(key)) throw new AnswerException(where + "answered twice; give each item once");
            if (item.has("item")) {
                throw new AnswerException(where + "has items inside it; screening reads a flat response only");
            }
            JsonNode answerList = item.path("answer");
            if (answerList.isMissingNode()) continue; // asked, not answered
            if (!answerList.isArray()) throw new AnswerException(where + "'answer' must be a list");
            List<Given> values = new ArrayList<>();
            for (JsonNode answer : answerList) {
                values.add(value(answer, where));
            }
            if (values.isEmpty()) continue; // asked, not answered
            patient.give(key, values, where);
        }
    }

    /** A member that must be text if present ("" when absent). */
    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        if (v.isMissingNode()) return "";
        return v.isTextual() ? v.asText() : "(" + v.getNodeType().name().toLowerCase(Locale.ROOT) + ")";
    }

    /** One answer, typed exactly as sent: one value[x], of a type screening reads. */
    private static Given value(JsonNode answer, String where) {
        if (!answer.isObject()) throw new AnswerException(where + "an answer must be an object with one value");
        List<String> fields = new ArrayList<>();
        for (Iterator<String> it = answer.fieldNames(); it.hasNext(); ) fields.add(it.next());
        if (fields.size() != 1 || !fields.get(0).startsWith("value")) {
            throw new AnswerException(where + "an answer must hold exactly one value, not " + fields);
        }
        String kind = fields.get(0);
        JsonNode v = answer.get(kind);
        switch (kind) {
            case "valueBoolean":
                if (!v.isBoolean()) throw new AnswerException(where + "valueBoolean must be true or false, not " + v);
                return new Given.Bool(v.booleanValue());
            case "valueInteger":
                if (!v.isIntegralNumber())
                    throw new AnswerException(where + "valueInteger must be a whole number, not " + v);
                return new Given.Quantity(v.decimalValue(), "", "");
            case "valueDecimal":
                if (!v.isNumber()) throw new AnswerException(where + "valueDecimal must be a number, not " + v);
                return new Given.Quantity(v.decimalValue(), "", "");
            case "valueQuantity":
                return quantity(v, where);
            case "valueCoding":
                if (!v.isObject() || !v.path("code").isTextual()) {
                    throw new AnswerException(where + "valueCoding must have a code (text), not " + v);
                }
                if (v.has("system") && !v.get("system").isTextual()) {
                    throw new AnswerException(where + "valueCoding's system must be text");
                }
                return new Given.Code(v.path("system").asText(""), v.get("code").asText());
            case "valueString":
                if (!v.isTextual()) throw new AnswerException(where + "valueString must be text, not " + v);
                return new Given.Text(v.asText());
            default:
                throw new AnswerException(where + "an answer of a kind screening does not take (" + kind
                        + "); it takes valueBoolean, valueQuantity, valueDecimal, valueInteger, valueCoding or"
                        + " valueString");
        }
    }

    /** A quantity: a number with no comparator, and a unit (a UCUM code, or the unit as written). */
    private static Given quantity(JsonNode q, String where) {
        if (!q.isObject() || !q.path("value").isNumber()) {
            throw new AnswerException(where + "valueQuantity must have a number as its value, not " + q);
        }
        if (q.has("comparator")) {
            throw new AnswerException(where + "the value is given as '"
                    + q.get("comparator").asText() + q.get("value").asText() + "'; screening needs the exact value");
        }
        for (String field : List.of("unit", "code", "system")) {
            if (q.has(field) && !q.get(field).isTextual()) {
                throw new AnswerException(where + "valueQuantity's " + field + " must be text");
            }
        }
        String code = q.path("code").asText("");
        String system = q.path("system").asText("");
        if (!code.isEmpty() && !system.isEmpty() && !system.equals(UCUM)) {
            throw new AnswerException(where + "the unit code '" + code + "' is from " + system + "; screening reads"
                    + " UCUM codes (" + UCUM + ")");
        }
        String unit = q.path("unit").asText("");
        if (code.isEmpty() && unit.isEmpty()) {
            throw new AnswerException(where + "valueQuantity has no unit; give its UCUM code (e.g. 'a' for years)");
        }
        return new Given.Quantity(q.get("value").decimalValue(), code, unit);
    }
}
