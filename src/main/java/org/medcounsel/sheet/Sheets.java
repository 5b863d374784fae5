package org.medcounsel.sheet;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The typed model of drug sheets, class sheets and the facts vocabulary. Immutable records. */
public final class Sheets {
    private Sheets() {}

    /** How a sheet writes an enum constant: lower case, dashes for underscores ("off-label"). */
    public static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** A number as a person writes it: "120", "0.5". */
    public static String shown(double n) {
        return n == Math.rint(n) && Math.abs(n) < 1e15 ? String.valueOf((long) n) : String.valueOf(n);
    }

    /** The constant a sheet's word names; the shape has already checked it is one of them. */
    static <E extends Enum<E>> E fromWord(Class<E> type, String word) {
        return Enum.valueOf(type, word.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Where a fact in a sheet comes from. */
    public record Source(String id, String title, String url) {}

    /** How honestly a use is backed. */
    public enum UseStatus {
        LICENSED,
        OFF_LABEL,
        UNDER_STUDY
    }

    /**
     * A condition the medicine is used for; {@code detail} and {@code source} may be "". {@code id}
     * is the answer to the screening fact {@code use} ("" when the sheet gives none).
     */
    public record Use(String id, String condition, UseStatus status, String detail, String source) {}

    /** A short headed note, such as Pregnancy or Alcohol. */
    public record Topic(String topic, String text) {}

    /** How serious a group of side effects is. */
    public enum Seriousness {
        SERIOUS,
        NOT_SERIOUS
    }

    /** How often a side effect happens, on the EU leaflet scale, most often first. */
    public enum Frequency {
        VERY_COMMON,
        COMMON,
        UNCOMMON,
        RARE,
        NOT_KNOWN
    }

    /** Side effects that share a seriousness and a frequency, and what to do about them. */
    public record SideEffects(boolean serious, Frequency howOften, List<String> effects, String whatToDo) {}

    /** Stopping and pausing guidance. */
    public record Stopping(List<String> advice, List<String> pausing, List<String> after) {}

    /**
     * The counter card's points ({@code key-points}); {@link #NONE} when a sheet has none.
     *
     * @param watch exactly three things to watch for
     */
    public record KeyPoints(String forWhat, String take, String missedDose, List<String> watch, String getHelp) {
        public static final KeyPoints NONE = new KeyPoints("", "", "", List.of(), "");

        public boolean isEmpty() {
            return watch.isEmpty() && forWhat.isEmpty();
        }
    }

    /** How much a screening finding matters; the order is the order of severity. */
    public enum Level {
        CAUTION,
        DO_NOT_START
    }

    /** A screening item: a question about a patient fact, or a reminder for the pharmacist. */
    public sealed interface Rule {
        Optional<Source> source();
    }

    /**
     * A rule that applies when the patient's {@code fact} matches. Number bounds that are absent
     * are {@code NaN}; {@code includes} is empty unless the fact is a list.
     */
    public record Question(
            String fact,
            Level level,
            String advice,
            Optional<Source> source,
            double atLeast,
            double atMost,
            double below,
            double above,
            List<String> includes,
            List<String> is,
            List<String> uses)
            implements Rule {
        /** Whether the rule applies to every use, or only to those it names. */
        public boolean forUse(String use) {
            return uses.isEmpty() || uses.contains(use);
        }
    }

    /** Something the pharmacist does for every patient (a blood test, a TB test). */
    public record Reminder(String text, Optional<Source> source) implements Rule {}

    /**
     * One drug sheet as written: every field reads through its one declaration in
     * {@link SheetShapes}; {@code screening} holds the rules, already checked against the facts.
     */
    public record DrugSheet(Shape.Bound fields, List<Rule> screening) {
        public <T> T get(Shape.Field<T> field) {
            return fields.get(field);
        }

        public String id() {
            return get(SheetShapes.DRUG_ID);
        }

        public String name() {
            return get(SheetShapes.DRUG_NAME);
        }

        public List<String> brands() {
            return get(SheetShapes.DRUG_BRANDS);
        }

        public Optional<String> drugClass() {
            return Optional.of(get(SheetShapes.DRUG_CLASS)).filter(c -> !c.isEmpty());
        }

        public LocalDate reviewed() {
            return get(SheetShapes.DRUG_REVIEWED);
        }

        public List<Source> sources() {
            return get(SheetShapes.DRUG_SOURCES);
        }

        public List<String> warnings() {
            return get(SheetShapes.DRUG_WARNINGS);
        }

        public List<String> urgentHelp() {
            return get(SheetShapes.DRUG_URGENT_HELP);
        }

        public String urgentAction() {
            return get(SheetShapes.DRUG_URGENT_ACTION);
        }

        public List<String> background() {
            return get(SheetShapes.DRUG_BACKGROUND);
        }

        public List<String> monitoring() {
            return get(SheetShapes.DRUG_MONITORING);
        }

        public List<String> stayingSafe() {
            return get(SheetShapes.DRUG_STAYING_SAFE);
        }
    }

    /** One drug-class sheet as written; fields read through {@link SheetShapes} like a drug sheet's. */
    public record ClassSheet(Shape.Bound fields, List<Rule> screening) {
        public <T> T get(Shape.Field<T> field) {
            return fields.get(field);
        }

        public String id() {
            return get(SheetShapes.CLASS_ID);
        }

        public String name() {
            return get(SheetShapes.CLASS_NAME);
        }

        public LocalDate reviewed() {
            return get(SheetShapes.CLASS_REVIEWED);
        }

        public List<Source> sources() {
            return get(SheetShapes.CLASS_SOURCES);
        }

        public String summary() {
            return get(SheetShapes.CLASS_SUMMARY);
        }

        public List<String> warnings() {
            return get(SheetShapes.CLASS_WARNINGS);
        }

        public List<String> urgentHelp() {
            return get(SheetShapes.CLASS_URGENT_HELP);
        }

        public String urgentAction() {
            return get(SheetShapes.CLASS_URGENT_ACTION);
        }

        public List<String> background() {
            return get(SheetShapes.CLASS_BACKGROUND);
        }

        public List<String> monitoring() {
            return get(SheetShapes.CLASS_MONITORING);
        }

        public List<String> stayingSafe() {
            return get(SheetShapes.CLASS_STAYING_SAFE);
        }
    }

    /** The kinds of patient fact. */
    public enum FactType {
        YES_NO,
        NUMBER,
        CHOICE,
        LIST
    }

    /** A patient fact screening rules can ask about; {@code min}/{@code max} only for numbers. */
    public record Fact(
            String key,
            FactType type,
            String question,
            String unit,
            double min,
            double max,
            List<String> choices,
            String standIn) {
        /** The key of the fact whose answer stands in for this one near no cut-off ("" for none). */
        public boolean hasStandIn() {
            return !standIn.isEmpty();
        }
    }

    /**
     * The pharmacy a leaflet is handed over by ({@code --site}): every field but the name may be
     * "". {@code logo} is a path relative to the site file; {@code logoLine} its line there.
     */
    public record Site(
            String name,
            String address,
            String phone,
            String website,
            String openingHours,
            String logo,
            int logoLine) {}

    /** When a setting is taken from a config file: colour. */
    public enum ColorSetting {
        AUTO,
        ALWAYS,
        NEVER
    }

    /** Paper for printed leaflets. */
    public enum PaperSetting {
        A4,
        LETTER
    }

    /**
     * One config file's settings; absent ones are null (an empty list for data). {@code lines}
     * gives each key's line in the file, for saying where a value came from.
     */
    public record Settings(
            List<String> data,
            String site,
            String templates,
            Integer width,
            ColorSetting color,
            String pager,
            PaperSetting paper,
            String pharmacist,
            String lang,
            Map<String, Integer> lines) {}
}
