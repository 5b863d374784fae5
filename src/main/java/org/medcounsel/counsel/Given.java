package org.medcounsel.counsel;

import java.math.BigDecimal;

/**
 * A value as a channel delivered it, before it is read as the answer to a fact: text typed after
 * {@code -f}, at an {@code --ask} prompt or in a patient file, or one of the typed values of a FHIR
 * answer. {@link Patient} reads every one of them through the same parser for the fact's type.
 */
public sealed interface Given {
    /** What kind of value it is, in words for an error message. */
    String describe();

    /** Text: typed, in a YAML patient file, or a FHIR {@code valueString}. */
    record Text(String text) implements Given {
        public String describe() {
            return "text '" + text + "'";
        }
    }

    /** A FHIR {@code valueBoolean}. */
    record Bool(boolean yes) implements Given {
        public String describe() {
            return "a yes/no (valueBoolean)";
        }
    }

    /**
     * A number with its unit: a UCUM {@code code}, or a {@code unit} as written, or neither (a FHIR
     * {@code valueDecimal} or {@code valueInteger}, which is in the unit the question gives).
     */
    record Quantity(BigDecimal value, String code, String unit) implements Given {
        public String describe() {
            return "a number (" + value.toPlainString() + ")";
        }

        /** The unit it names: the UCUM code if there is one, else the unit as written ("" for the question's). */
        public String named() {
            return code.isEmpty() ? unit : code;
        }
    }

    /** A FHIR {@code valueCoding}: a code from a code system ("" when none is named). */
    record Code(String system, String code) implements Given {
        public String describe() {
            return "a coding ('" + code + "')";
        }
    }
}
