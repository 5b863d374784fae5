package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Names;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.FactType;
import org.medcounsel.sheet.YamlNode;
import org.medcounsel.sheet.YamlReader;

/**
 * What is known about one patient: answers keyed by fact, checked against the facts vocabulary.
 * Built from a patient file, then {@code -f KEY=VALUE} flags, which win.
 */
public final class Patient {
    private final Facts facts;
    private final Map<String, Answer> answers = new LinkedHashMap<>();

    /** The patient's reference for a screening record ("" when none is given): never a name unless given as one. */
    private String id = "";

    public String id() {
        return id;
    }

    /** Sets the patient's reference (from --patient-id, or a FHIR response's subject). */
    public Patient id(String reference) {
        this.id = reference.strip();
        return this;
    }

    public Patient(Facts facts) {
        this.facts = facts;
    }

    public Map<String, Answer> answers() {
        return Collections.unmodifiableMap(answers);
    }

    public Optional<Answer> answer(String fact) {
        return Optional.ofNullable(answers.get(fact));
    }

    /**
     * Reads a patient file: a YAML map of fact to value. Problems name the file and line. A flag
     * given after it ({@code -f}) wins over what it says.
     *
     * @throws AnswerException for anything wrong in it
     */
    public Patient readFile(String file, byte[] bytes) {
        YamlNode root;
        try {
            root = YamlReader.read(file, bytes);
        } catch (SheetException e) {
            throw new AnswerException(e.getMessage());
        }
        if (!(root instanceof YamlNode.Mapping map)) {
            throw new AnswerException(
                    file + ":" + root.line() + ": a patient file is a map of fact: value, found " + root.describe());
        }
        for (YamlNode.Entry e : map.entries().values()) {
            if (e.value() instanceof YamlNode.Scalar s && s.text().isBlank()) {
                continue; // "age:" with nothing after it: not asked yet (as a --template file leaves it)
            }
            String where = file + ":" + e.keyLine() + ": ";
            if (e.key().equals("id") && !facts.byKey().containsKey("id") && e.value() instanceof YamlNode.Scalar ref) {
                id = ref.text().strip(); // the patient's reference for the record, not a fact
                continue;
            }
            Fact fact = fact(e.key(), where);
            List<Given> given = new ArrayList<>();
            boolean list = false;
            if (e.value() instanceof YamlNode.Sequence seq) {
                list = true;
                for (YamlNode item : seq.items()) {
                    if (!(item instanceof YamlNode.Scalar s)) {
                        throw new AnswerException(where + "'" + fact.key() + "' must be " + expected(fact) + "; an item"
                                + " of its list is " + item.describe());
                    }
                    given.add(new Given.Text(s.text()));
                }
            } else if (e.value() instanceof YamlNode.Scalar s) {
                given.add(new Given.Text(s.text()));
            } else {
                throw new AnswerException(where + "'" + fact.key() + "' must be " + expected(fact) + ", found "
                        + e.value().describe());
            }
            if (list && fact.type() != FactType.LIST) {
                throw new AnswerException(where + "'" + fact.key() + "' must be " + expected(fact) + ", not a list");
            }
            read(fact, given, list, where).ifPresent(a -> answers.put(fact.key(), a));
        }
        return this;
    }

    /**
     * Sets one fact from the values a file channel delivered (a FHIR answer): read exactly as
     * typed text is, and, like a patient file, overridden by a later {@code -f}.
     */
    public Patient give(String key, List<Given> values, String where) {
        Fact fact = fact(key.strip(), where);
        read(fact, values, true, where).ifPresent(a -> answers.put(fact.key(), a));
        return this;
    }

    /**
     * Sets one fact from text, as typed after {@code -f} or at an {@code --ask} prompt. Medicines
     * add to what is already there (from the patient file or an earlier {@code -f}); a single
     * value replaces a patient file's, but two different values given this way are a usage error.
     * Nothing typed ({@code -f medicines=}) means not asked, and changes nothing.
     */
    public Patient set(String key, String value) {
        Fact fact = fact(key.strip(), "");
        Optional<Answer> read = read(fact, List.of(new Given.Text(value)), false, "");
        if (read.isEmpty()) return this;
        Answer answer = read.get();
        Answer before = answers.get(fact.key());
        if (answer instanceof Answer.Items items && before instanceof Answer.Items earlier) {
            if (items.items().isEmpty() != earlier.items().isEmpty()) {
                throw new AnswerException("'" + fact.key() + "' is given as " + earlier.shown("") + " and as "
                        + items.shown("") + "; say 'none' only when the patient takes no other medicines");
            }
            List<String> all = new ArrayList<>(earlier.items());
            items.items().stream().filter(i -> !all.contains(i)).forEach(all::add);
            answer = new Answer.Items(all);
        } else if (setHere.contains(fact.key()) && before != null && !before.equals(answer)) {
            throw new AnswerException("'" + fact.key() + "' is given twice, as " + before.shown(fact.unit()) + " and "
                    + answer.shown(fact.unit()) + "; give it once");
        }
        setHere.add(fact.key());
        answers.put(fact.key(), answer);
        return this;
    }

    /** The facts set one by one (not from the patient file): a second, different value is refused. */
    private final Set<String> setHere = new HashSet<>();

    /** Sets one fact from {@code KEY=VALUE}. */
    public Patient setPair(String pair) {
        int eq = pair.indexOf('=');
        if (eq <= 0) {
            throw new AnswerException("'-f " + pair + "' must be KEY=VALUE, e.g. -f age=70");
        }
        return set(pair.substring(0, eq), pair.substring(eq + 1));
    }

    private Fact fact(String key, String where) {
        return facts.get(key)
                .orElseThrow(() -> new AnswerException(where + "unknown fact '" + key + "'"
                        + Names.didYouMean(key, facts.byKey().keySet()) + "; valid facts: "
                        + String.join(", ", facts.byKey().keySet())));
    }

    /** The most medicines one patient's answers may list: more is refused, not read in part. */
    public static final int MOST_MEDICINES = 200;

    /**
     * What a patient says when they take no other medicines: "none" and its equivalents, in the
     * languages the bundled sheets are written in. Said alone, it is an answer; with names, a
     * contradiction.
     */
    private static final Set<String> NO_MEDICINES =
            Set.of("none", "nothing", "nil", "no", "n/a", "na", "-", "ninguno", "ninguna", "nada", "无", "没有");

    /**
     * The one parser: reads the values a channel delivered as the answer to {@code fact}, or
     * refuses them, saying where and what was expected. Empty means not asked: nothing, or only
     * blank text (a list, as a YAML list or FHIR answers come, holds no blank entry). Nothing is coerced: a value of another type, a unit that cannot be converted,
     * two values for a one-value fact, or a blank medicine among others is an error.
     */
    static Optional<Answer> read(Fact fact, List<Given> values, boolean asList, String where) {
        if (fact.type() == FactType.LIST) return medicines(fact, values, asList, where);
        List<Given> given = values.stream()
                .filter(v -> !(v instanceof Given.Text t && t.text().isBlank()))
                .toList();
        if (given.isEmpty()) return Optional.empty();
        if (given.size() > 1) {
            throw new AnswerException(where + "'" + fact.key() + "' takes one answer, not " + given.size());
        }
        Given value = given.get(0);
        switch (fact.type()) {
            case YES_NO:
                if (value instanceof Given.Bool b) return Optional.of(new Answer.YesNo(b.yes()));
                if (value instanceof Given.Text t)
                    return Optional.of(yesNo(fact, t.text().strip(), where));
                throw wrongType(fact, value, where);
            case NUMBER:
                if (value instanceof Given.Quantity q) return Optional.of(quantity(fact, q, where));
                if (value instanceof Given.Text t)
                    return Optional.of(number(fact, t.text().strip(), where));
                throw wrongType(fact, value, where);
            default:
                if (value instanceof Given.Code c) {
                    String system = Facts.codeSystem(fact.key());
                    if (!c.system().isEmpty() && !c.system().equals(system)) {
                        throw new AnswerException(
                                where + "'" + fact.key() + "' is coded in " + system + ", not " + c.system());
                    }
                    return Optional.of(choice(fact, c.code().strip(), where));
                }
                if (value instanceof Given.Text t)
                    return Optional.of(choice(fact, t.text().strip(), where));
                throw wrongType(fact, value, where);
        }
    }

    private static Answer yesNo(Fact fact, String value, String where) {
        switch (value.toLowerCase(Locale.ROOT)) {
            case "yes":
            case "y":
            case "true":
                return new Answer.YesNo(true);
            case "no":
            case "n":
            case "false":
                return new Answer.YesNo(false);
            default:
                throw bad(fact, value, where);
        }
    }

    private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(?:\\s+(\\S.*))?");

    /** A plain decimal, optionally followed by a unit it can be converted from ("6 mo", "154 lb"). */
    private static Answer number(Fact fact, String value, String where) {
        Matcher m = NUMBER.matcher(value);
        if (!m.matches()) {
            throw bad(fact, value, where); // not 70d, 0x1p6, 1e1, NaN or <30: plain decimals only
        }
        double n;
        try {
            n = Double.parseDouble(m.group(1));
        } catch (NumberFormatException e) {
            throw bad(fact, value, where);
        }
        String unit = m.group(2) == null ? "" : m.group(2).strip();
        return inRange(fact, n, unit, value, where);
    }

    /** A quantity with its unit, converted to the fact's unit; one with no unit is in the fact's unit. */
    private static Answer quantity(Fact fact, Given.Quantity q, String where) {
        double n = q.value().doubleValue();
        String shown = q.value().toPlainString() + (q.named().isEmpty() ? "" : " " + q.named());
        return inRange(fact, n, q.named(), shown, where);
    }

    private static Answer inRange(Fact fact, double n, String unit, String shown, String where) {
        double converted = n;
        if (!unit.isEmpty()) {
            converted = Units.convert(n, unit, fact.unit())
                    .orElseThrow(() -> new AnswerException(where + "'" + fact.key() + "' is in "
                            + (fact.unit().isEmpty() ? "no unit" : fact.unit()) + "; '" + unit
                            + "' is not a unit it can be converted from"
                            + (fact.unit().isEmpty() ? "" : " (give it in " + Units.accepted(fact.unit()) + ")")));
        }
        if (Double.isNaN(converted)
                || Double.isInfinite(converted)
                || converted < fact.min()
                || converted > fact.max()) {
            throw bad(fact, shown, where);
        }
        boolean same = unit.isEmpty() || unit.equals(fact.unit());
        return same ? new Answer.Number(converted) : new Answer.Number(converted, shown);
    }

    private static Answer choice(Fact fact, String value, String where) {
        String choice = value.toLowerCase(Locale.ROOT);
        // The choices of 'use' are the drug's own use ids; the screening checks those.
        boolean known = fact.choices().isEmpty()
                ? choice.matches("[a-z0-9]+(-[a-z0-9]+)*")
                : fact.choices().contains(choice);
        if (!known) throw bad(fact, value, where);
        return new Answer.Choice(choice);
    }

    /**
     * The medicines: each value one entry as given, read whole by the screening. "None" (alone)
     * means none; a blank entry among others, "none" beside names, or more than
     * {@value #MOST_MEDICINES} entries is refused; an empty list of values is "none" only when it
     * came as an explicit empty list.
     */
    private static Optional<Answer> medicines(Fact fact, List<Given> values, boolean asList, String where) {
        List<String> given = new ArrayList<>();
        for (Given v : values) {
            if (!(v instanceof Given.Text t)) throw wrongType(fact, v, where);
            given.add(t.text().strip());
        }
        if (!asList && given.get(0).isEmpty()) return Optional.empty(); // said nothing: not asked
        List<String> entries = new ArrayList<>();
        for (String g : given) {
            if (g.chars().noneMatch(Character::isLetterOrDigit) && !NO_MEDICINES.contains(g)) {
                throw new AnswerException(where + "'" + fact.key() + "' has a blank entry ('" + g + "'); give each"
                        + " medicine's name, or 'none' if the patient takes no other medicines");
            }
            // "a, b" is two entries; the screening splits each further where it names several.
            for (String piece : NO_MEDICINES.contains(g) ? new String[] {g} : g.split(",")) {
                if (!piece.isBlank()) entries.add(piece.strip());
            }
        }
        if (entries.size() > MOST_MEDICINES) {
            throw new AnswerException(where + "'" + fact.key() + "' lists " + entries.size()
                    + " medicines; the most one screening reads is " + MOST_MEDICINES);
        }
        boolean none = false;
        for (String e : entries) {
            none |= NO_MEDICINES.contains(e.toLowerCase(Locale.ROOT));
        }
        if (none && entries.size() > 1) {
            throw new AnswerException(where + "'" + fact.key() + "' says 'none' and names medicines ("
                    + String.join(", ", entries) + "); give one or the other");
        }
        return Optional.of(new Answer.Items(none ? List.of() : entries));
    }

    private static AnswerException wrongType(Fact fact, Given value, String where) {
        return new AnswerException(
                where + "'" + fact.key() + "' must be " + expected(fact) + ", not " + value.describe());
    }

    private static AnswerException bad(Fact fact, String value, String where) {
        return new AnswerException(where + "'" + fact.key() + "' must be " + expected(fact) + ", not '" + value + "'");
    }

    /** What a valid value looks like, in words: "yes or no", "a number from 0 to 120 (years)". */
    public static String expected(Fact fact) {
        switch (fact.type()) {
            case YES_NO:
                return "yes or no";
            case NUMBER:
                String range = Double.isInfinite(fact.min()) && Double.isInfinite(fact.max())
                        ? "a number"
                        : "a number from " + new Answer.Number(fact.min()).shown("") + " to "
                                + new Answer.Number(fact.max()).shown("");
                return fact.unit().isEmpty() ? range : range + " (" + fact.unit() + ")";
            case CHOICE:
                return fact.choices().isEmpty()
                        ? "the id of one of the drug's uses"
                        : "one of " + String.join(", ", fact.choices());
            default:
                return "the medicines' names (separated by commas), or 'none'";
        }
    }

    /** All keys, for messages and completion. */
    public List<String> keys() {
        return List.copyOf(facts.byKey().keySet());
    }
}
