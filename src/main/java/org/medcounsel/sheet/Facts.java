package org.medcounsel.sheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.sheet.Sheets.Fact;

/** The vocabulary of patient facts from {@code facts.yaml}, in file order. */
public record Facts(Map<String, Fact> byKey) {
    /** The choice fact whose answers are the drug's own use ids. */
    public static final String USE = "use";

    /** The list fact of the medicines a patient takes. */
    public static final String MEDICINES = "medicines";

    /** Where the FHIR questionnaires and code systems for the facts live. */
    public static final String FHIR_BASE = "https://medcounsel.org/fhir";

    /** The FHIR code system of a choice fact's answers. */
    public static String codeSystem(String fact) {
        return FHIR_BASE + "/CodeSystem/" + fact;
    }

    /** The FHIR questionnaire's canonical URL for a drug's questions. */
    public static String questionnaire(String drug) {
        return FHIR_BASE + "/Questionnaire/medcounsel-" + drug;
    }

    public Facts {
        byKey = Collections.unmodifiableMap(new LinkedHashMap<>(byKey));
    }

    public Optional<Fact> get(String key) {
        return Optional.ofNullable(byKey.get(key));
    }
}
