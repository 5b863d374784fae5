package org.medcounsel.counsel;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Names;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Sheets.Fact;
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
     * Reads a patient file: a YAML map of fact to value. Problems name the file and line.
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
            answers.put(fact.key(), fromNode(fact, e.value(), where));
        }
        return this;
    }

    /**
     * Sets one fact from text, as typed after {@code -f} or at an {@code --ask} prompt. A list
     * adds to what is already there (from the patient file or an earlier {@code -f}); a single
     * value replaces a patient file's, but two different values given this way are a usage error.
     */
    public Patient set(String key, String value) {
        Fact fact = fact(key.strip(), "");
        Answer answer = parse(fact, value, "");
        Answer before = answers.get(fact.key());
        if (answer instanceof Answer.Items items && before instanceof Answer.Items earlier) {
            List<String> all = new java.util.ArrayList<>(earlier.items());
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
    private final java.util.Set<String> setHere = new java.util.HashSet<>();

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

    private static Answer fromNode(Fact fact, YamlNode node, String where) {
        if (node instanceof YamlNode.Sequence seq && fact.type() == org.medcounsel.sheet.Sheets.FactType.LIST) {
            return new Answer.Items(seq.items().stream()
                    .map(i -> {
                        if (!(i instanceof YamlNode.Scalar s)) {
                            throw new AnswerException(where + "'" + fact.key() + "' must be a list of names");
                        }
                        return s.text();
                    })
                    .toList());
        }
        if (!(node instanceof YamlNode.Scalar scalar)) {
            throw new AnswerException(
                    where + "'" + fact.key() + "' must be " + expected(fact) + ", found " + node.describe());
        }
        return parse(fact, scalar.text(), where);
    }

    /** Parses a value of a fact's type, or says what was expected. */
    static Answer parse(Fact fact, String raw, String where) {
        String value = raw.strip();
        switch (fact.type()) {
            case YES_NO:
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
            case NUMBER:
                if (!value.matches("-?\\d+(\\.\\d+)?")) {
                    throw bad(fact, value, where); // not 70d, 0x1p6, 1e1 or NaN: plain decimals only
                }
                try {
                    double n = Double.parseDouble(value);
                    if (Double.isNaN(n) || n < fact.min() || n > fact.max()) {
                        throw bad(fact, value, where);
                    }
                    return new Answer.Number(n);
                } catch (NumberFormatException e) {
                    throw bad(fact, value, where);
                }
            case CHOICE:
                String choice = value.toLowerCase(Locale.ROOT);
                // The choices of 'use' are the drug's own use ids; the screening checks those.
                boolean known = fact.choices().isEmpty()
                        ? choice.matches("[a-z0-9]+(-[a-z0-9]+)*")
                        : fact.choices().contains(choice);
                if (!known) throw bad(fact, value, where);
                return new Answer.Choice(choice);
            default:
                return new Answer.Items(Arrays.asList(value.split(",")));
        }
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
                return "a list of names separated by commas";
        }
    }

    /** All keys, for messages and completion. */
    public List<String> keys() {
        return List.copyOf(facts.byKey().keySet());
    }
}
