package org.medcounsel.counsel;

import java.util.List;
import org.medcounsel.sheet.Sheets;

/** A patient's answer to one fact question. */
public sealed interface Answer {
    /** The answer as a person would say it ("yes", "70 years", "probenecid, aspirin"). */
    String shown(String unit);

    /** The answer as JSON-ready value: Boolean, Double or List of String. */
    Object value();

    /** A yes-no answer. */
    record YesNo(boolean yes) implements Answer {
        public String shown(String unit) {
            return yes ? "yes" : "no";
        }

        public Object value() {
            return yes;
        }
    }

    /**
     * A number, in the fact's unit; {@code from} is what was given when it came in another unit
     * and was converted ("6 mo" for an age of 0.5 years), "" otherwise.
     */
    record Number(double number, String from) implements Answer {
        public Number(double number) {
            this(number, "");
        }

        public String shown(String unit) {
            String n = from.isEmpty() ? Sheets.shown(number) : Sheets.shown(Math.round(number * 100) / 100.0);
            String withUnit = unit.isEmpty() ? n : n + " " + unit;
            return from.isEmpty() ? withUnit : withUnit + " (" + from + ")";
        }

        public Object value() {
            return number;
        }
    }

    /** One of a choice fact's answers ("moderate", "atopic-dermatitis"). */
    record Choice(String value) implements Answer {
        public String shown(String unit) {
            return value;
        }
    }

    /** A list of names as typed (runs of spaces folded); matching them is the screening's work. */
    record Items(List<String> items) implements Answer {
        public Items {
            items = items.stream()
                    .map(s -> String.join(" ", s.strip().split("\\s+")))
                    .filter(s -> !s.isEmpty())
                    .toList();
        }

        public String shown(String unit) {
            return items.isEmpty() ? "none" : String.join(", ", items);
        }

        public Object value() {
            return items;
        }
    }
}
