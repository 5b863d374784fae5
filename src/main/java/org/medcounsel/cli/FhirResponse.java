package org.medcounsel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Patient;

/**
 * A FHIR R4 {@code QuestionnaireResponse} as a patient's answers ({@code screen --patient
 * response.json}), so a pharmacy system can collect answers in its own forms and ask for the
 * verdict. Each item's {@code linkId} is a fact key; {@code valueBoolean} is yes or no,
 * {@code valueQuantity}, {@code valueDecimal} or {@code valueInteger} a number, {@code valueCoding}
 * a choice (its code), {@code valueString} a medicine (one an answer). The subject's identifier is
 * the patient's reference. Anything else is an error naming the file and the item.
 */
final class FhirResponse {
    private FhirResponse() {}

    /** Whether the file is JSON (a FHIR resource) rather than a YAML patient file. */
    static boolean isJson(byte[] bytes) {
        for (byte b : bytes) {
            if (b == ' ' || b == '\n' || b == '\r' || b == '\t') continue;
            return b == '{';
        }
        return false;
    }

    static void read(String file, byte[] bytes, Patient patient) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(new String(bytes, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw new AnswerException(
                    file + ":" + e.getLocation().getLineNr() + ": not valid JSON: " + e.getOriginalMessage());
        }
        if (!"QuestionnaireResponse".equals(root.path("resourceType").asText())) {
            throw new AnswerException(file + ": a JSON patient file must be a FHIR QuestionnaireResponse, not '"
                    + root.path("resourceType").asText("(no resourceType)") + "'");
        }
        String subject = root.path("subject").path("identifier").path("value").asText("");
        if (!subject.isEmpty()) patient.id(subject);
        for (JsonNode item : root.path("item")) {
            String key = item.path("linkId").asText("");
            String where = file + ": item '" + key + "': ";
            if (key.isEmpty()) throw new AnswerException(file + ": an item without a linkId");
            List<String> values = new ArrayList<>();
            for (JsonNode answer : item.path("answer")) {
                values.add(value(answer, where));
            }
            if (values.isEmpty()) continue; // asked, not answered
            try {
                patient.set(key, String.join(",", values));
            } catch (AnswerException e) {
                throw new AnswerException(where + e.getMessage());
            }
        }
    }

    private static String value(JsonNode answer, String where) {
        if (answer.has("valueBoolean")) return answer.get("valueBoolean").asBoolean() ? "yes" : "no";
        if (answer.has("valueQuantity"))
            return answer.get("valueQuantity").path("value").asText();
        if (answer.has("valueDecimal")) return answer.get("valueDecimal").asText();
        if (answer.has("valueInteger")) return answer.get("valueInteger").asText();
        if (answer.has("valueCoding"))
            return answer.get("valueCoding").path("code").asText();
        if (answer.has("valueString")) return answer.get("valueString").asText().replace(",", " ");
        throw new AnswerException(where + "an answer of a kind screening does not take (boolean, quantity,"
                + " decimal, integer, coding or string)");
    }
}
