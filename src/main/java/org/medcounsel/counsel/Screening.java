package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Sheets.Reminder;
import org.medcounsel.sheet.Sheets.Rule;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Sheets.Use;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * The outcome of screening one patient for one drug: every rule with its answer, every medicine
 * as matched, the facts given that no rule of this drug uses, and a verdict that is {@code clear}
 * only when every question was answered, every medicine understood and nothing flagged.
 */
public record Screening(
        Drug drug,
        List<Item> items,
        List<Reminder> reminders,
        List<Medicines.Match> medicines,
        List<String> unused,
        Optional<String> unknownUse,
        Map<String, String> groupNames,
        List<Fact> asked,
        Map<String, Answer> given,
        Verdict verdict) {

    /** The overall answer, in increasing order of concern. */
    public enum Verdict {
        CLEAR,
        INCOMPLETE,
        CAUTION,
        DO_NOT_START
    }

    /** Where a rule stands for this patient. */
    public enum Status {
        /** The answer matches the rule. */
        FLAGGED,
        /** Answered, and the rule does not match. */
        PASSED,
        /** Not answered (or the rule waits for the use): it could still match. */
        OPEN,
        /** The rule is for another use than the patient's. */
        NOT_FOR_THIS_USE
    }

    /**
     * One rule: its fact, the patient's answer (empty when not asked), where it stands and at what
     * level. {@code note} says when another measure stood in for the one the rule uses.
     */
    public record Item(
            Fact fact,
            Question rule,
            Optional<Answer> answer,
            Status status,
            Level level,
            String note,
            boolean byStandIn) {
        Item(Fact fact, Question rule, Optional<Answer> answer, Status status, Level level, String note) {
            this(fact, rule, answer, status, level, note, false);
        }

        /** Whether the rule's own question is still unanswered (a stand-in measure never answers it). */
        public boolean unanswered() {
            return status == Status.OPEN || byStandIn;
        }

        /** Whether the rule is open because the patient's use is not known yet. */
        public boolean waitsForUse() {
            return status == Status.OPEN && note.equals(WAITS_FOR_USE);
        }

        public boolean flagged() {
            return status == Status.FLAGGED;
        }

        /** The rule's condition in words: "65 years or over", "below 30 mL/min", "includes probenecid". */
        public String condition(Words words) {
            List<String> parts = new ArrayList<>();
            String unit = fact.unit().isEmpty() ? "" : " " + fact.unit();
            if (!Double.isNaN(rule.atLeast()))
                parts.add(words.get(Word.CONDITION_AT_LEAST, "n", num(rule.atLeast()) + unit));
            if (!Double.isNaN(rule.above())) parts.add(words.get(Word.CONDITION_ABOVE, "n", num(rule.above()) + unit));
            if (!Double.isNaN(rule.atMost()))
                parts.add(words.get(Word.CONDITION_AT_MOST, "n", num(rule.atMost()) + unit));
            if (!Double.isNaN(rule.below())) parts.add(words.get(Word.CONDITION_BELOW, "n", num(rule.below()) + unit));
            if (!rule.includes().isEmpty()) {
                parts.add(words.get(Word.CONDITION_INCLUDES, "names", words.or(rule.includes())));
            }
            if (!rule.is().isEmpty()) {
                parts.add(words.get(Word.CONDITION_IS, "choices", words.or(rule.is())));
            }
            return parts.isEmpty()
                    ? words.get(Word.CONDITION_YES)
                    : String.join(" " + words.get(Word.CONDITION_AND) + " ", parts);
        }

        public Optional<Source> source() {
            return rule.source();
        }

        private static String num(double d) {
            return new Answer.Number(d).shown("");
        }
    }

    /** The note of a rule that waits for the patient's use. */
    static final String WAITS_FOR_USE = "waits for the use";

    /** How near a cut-off a stand-in measure must be to need the real one: within a quarter. */
    static final double NEAR = 0.25;

    /** Screens {@code patient} for {@code drug}. */
    public static Screening of(Drug drug, Facts facts, Medicines vocabulary, Patient patient) {
        Set<String> useIds = new LinkedHashSet<>();
        for (Use u : drug.sheet().get(SheetShapes.DRUG_USES)) {
            if (!u.id().isEmpty()) useIds.add(u.id());
        }
        Optional<String> use = patient.answer(Facts.USE).map(a -> ((Answer.Choice) a).value());
        Optional<String> unknownUse = use.filter(u -> !useIds.contains(u));
        List<Medicines.Match> matches = medicines(vocabulary, patient);
        List<Item> items = new ArrayList<>();
        List<Reminder> reminders = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Rule rule : drug.screening()) {
            if (rule instanceof Reminder r) {
                reminders.add(r);
                continue;
            }
            Question q = (Question) rule;
            Fact fact = facts.get(q.fact()).orElseThrow();
            used.add(q.fact());
            if (!q.uses().isEmpty()) used.add(Facts.USE);
            items.add(item(q, fact, facts, patient, use.filter(useIds::contains), matches, used));
        }
        if (use.filter(useIds::contains).isEmpty()) {
            whateverTheUse(items, useIds, patient, matches);
        }
        List<String> unused = patient.answers().keySet().stream()
                .filter(k -> !used.contains(k))
                .toList();
        Map<String, String> groupNames = new LinkedHashMap<>();
        for (Medicines.Match m : matches) {
            m.medicine().ifPresent(med -> med.groups()
                    .forEach(g -> vocabulary.group(g).ifPresent(group -> groupNames.put(g, group.name()))));
        }
        return new Screening(
                drug,
                List.copyOf(items),
                List.copyOf(reminders),
                matches,
                unused,
                unknownUse,
                Map.copyOf(groupNames),
                questionsAsked(List.of(drug), facts),
                Map.copyOf(patient.answers()),
                verdict(items, matches, unknownUse));
    }

    /** The most unrecognised names one screening looks for close spellings of. */
    static final int MOST_SUGGESTED = 20;

    /**
     * The medicines as read from every entry: an entry naming several is several medicines. Close
     * names are looked for only for the first few not recognised, so a long list of unknown names
     * costs little; more than {@link Patient#MOST_MEDICINES} medicines is refused.
     */
    private static List<Medicines.Match> medicines(Medicines vocabulary, Patient patient) {
        List<Medicines.Match> read = new ArrayList<>();
        for (String entry : patient.answer(Facts.MEDICINES)
                .map(a -> ((Answer.Items) a).items())
                .orElse(List.of())) {
            read.addAll(vocabulary.read(entry));
            if (read.size() > Patient.MOST_MEDICINES) {
                throw new AnswerException("'" + Facts.MEDICINES + "' names more than " + Patient.MOST_MEDICINES
                        + " medicines; the most one screening reads is " + Patient.MOST_MEDICINES);
            }
        }
        List<Medicines.Match> matches = new ArrayList<>();
        int suggested = 0;
        for (Medicines.Match m : read) {
            if (m.medicine().isEmpty() && suggested < MOST_SUGGESTED) {
                suggested++;
                matches.add(vocabulary.suggest(m));
            } else {
                matches.add(m);
            }
        }
        return List.copyOf(matches);
    }

    /** The note of a rule that flags whichever use the medicine is for. */
    static final String EVERY_USE = "flags for every use of this drug";

    /**
     * With the use not known, a fact whose answer flags a rule for every one of the drug's uses
     * flags now, at the lowest level those uses reach: an 8-year-old is at least a caution for a
     * drug none of whose uses is licensed at 8, whatever it is for.
     */
    private static void whateverTheUse(
            List<Item> items, Set<String> useIds, Patient patient, List<Medicines.Match> matches) {
        if (useIds.isEmpty()) return;
        Set<String> waiting = new LinkedHashSet<>();
        items.stream()
                .filter(Item::waitsForUse)
                .forEach(i -> waiting.add(i.fact().key()));
        for (String key : waiting) {
            Optional<Answer> answer = patient.answer(key);
            if (answer.isEmpty()) continue;
            Level floor = null;
            for (String u : useIds) {
                Level highest = null;
                for (Item i : items) {
                    if (i.fact().key().equals(key)
                            && i.rule().forUse(u)
                            && applies(i.rule(), answer.get(), matches)
                            && (highest == null || i.rule().level().compareTo(highest) > 0)) {
                        highest = i.rule().level();
                    }
                }
                if (highest == null) {
                    floor = null;
                    break;
                }
                floor = floor == null || highest.compareTo(floor) < 0 ? highest : floor;
            }
            if (floor == null) continue;
            for (int n = 0; n < items.size(); n++) {
                Item i = items.get(n);
                if (i.waitsForUse()
                        && i.fact().key().equals(key)
                        && i.rule().level() == floor
                        && applies(i.rule(), answer.get(), matches)) {
                    items.set(n, new Item(i.fact(), i.rule(), answer, Status.FLAGGED, floor, EVERY_USE));
                    break;
                }
            }
        }
    }

    private static Item item(
            Question q,
            Fact fact,
            Facts facts,
            Patient patient,
            Optional<String> use,
            List<Medicines.Match> matches,
            Set<String> used) {
        Optional<Answer> answer = patient.answer(q.fact());
        if (!q.uses().isEmpty()) {
            if (use.isEmpty()) return new Item(fact, q, answer, Status.OPEN, q.level(), WAITS_FOR_USE);
            if (!q.forUse(use.get())) return new Item(fact, q, answer, Status.NOT_FOR_THIS_USE, q.level(), "");
        }
        if (answer.isEmpty() && fact.hasStandIn()) {
            Optional<Answer> other = patient.answer(fact.standIn());
            if (other.isPresent() && other.get() instanceof Answer.Number n) {
                used.add(fact.standIn());
                return standIn(q, fact, facts.get(fact.standIn()).orElseThrow(), n);
            }
        }
        if (answer.isEmpty()) return new Item(fact, q, answer, Status.OPEN, q.level(), "");
        boolean flagged = applies(q, answer.get(), matches);
        return new Item(fact, q, answer, flagged ? Status.FLAGGED : Status.PASSED, q.level(), "");
    }

    /**
     * A number rule judged from another measure (eGFR for creatinine clearance, or the other way):
     * a value that matches flags the rule; one near a cut-off is a caution that asks for the
     * measure the label uses; one far from every cut-off leaves the question open, noted.
     */
    private static Item standIn(Question q, Fact fact, Fact other, Answer.Number given) {
        double x = given.number();
        boolean near = false;
        for (double bound : new double[] {q.atLeast(), q.atMost(), q.below(), q.above()}) {
            if (!Double.isNaN(bound) && Math.abs(x - bound) <= NEAR * Math.abs(bound)) near = true;
        }
        String note = other.key() + " " + given.shown(other.unit()) + " given instead of " + fact.key();
        if (near || applies(q, given, List.of())) {
            // Another measure can only warn: a caution that asks for the label's own measure.
            return new Item(
                    fact,
                    q,
                    Optional.of(given),
                    Status.FLAGGED,
                    Level.CAUTION,
                    note + (near ? ", near" : ", within") + " this rule's limit: work out " + fact.key(),
                    true);
        }
        // Far from the cut-off and not matching: likely fine, but the label's measure was not
        // given, so the question stays open and the verdict cannot be clear.
        return new Item(fact, q, Optional.empty(), Status.OPEN, q.level(), note + ", far from this rule's limit");
    }

    static boolean applies(Question q, Answer answer, List<Medicines.Match> matches) {
        if (answer instanceof Answer.YesNo yn) {
            return yn.yes();
        }
        if (answer instanceof Answer.Number n) {
            double x = n.number();
            return (Double.isNaN(q.atLeast()) || x >= q.atLeast())
                    && (Double.isNaN(q.atMost()) || x <= q.atMost())
                    && (Double.isNaN(q.below()) || x < q.below())
                    && (Double.isNaN(q.above()) || x > q.above());
        }
        if (answer instanceof Answer.Choice c) {
            return q.is().contains(c.value());
        }
        List<Medicines.Match> taken = matches.isEmpty()
                ? ((Answer.Items) answer)
                        .items().stream().map(Medicines.none()::match).toList()
                : matches;
        return !matching(q, taken).isEmpty();
    }

    /** The medicines, as typed, that a list rule names (by medicine, by group, or by the same name). */
    public static List<String> matching(Question q, List<Medicines.Match> matches) {
        List<String> found = new ArrayList<>();
        for (Medicines.Match m : matches) {
            for (String named : q.includes()) {
                if (m.medicine().map(med -> Medicines.isOrIn(med, named)).orElse(false)
                        || Medicines.sameName(m.typed(), named)) {
                    found.add(m.typed());
                    break;
                }
            }
        }
        return found;
    }

    private static Verdict verdict(List<Item> items, List<Medicines.Match> matches, Optional<String> unknownUse) {
        if (items.isEmpty()) {
            return Verdict.INCOMPLETE; // no rule looked: never "clear"
        }
        if (items.stream().anyMatch(i -> i.flagged() && i.level() == Level.DO_NOT_START)) {
            return Verdict.DO_NOT_START;
        }
        boolean unrecognised = matches.stream().anyMatch(m -> !m.recognised());
        // A medicine nobody recognised could be anything, a contraindicated one included.
        boolean openCouldStop = unrecognised
                || items.stream()
                        .anyMatch(i -> i.rule().level() == Level.DO_NOT_START
                                && (i.unanswered()
                                        || (unknownUse.isPresent()
                                                && !i.rule().uses().isEmpty())));
        if (openCouldStop) return Verdict.INCOMPLETE;
        if (items.stream().anyMatch(Item::flagged)) return Verdict.CAUTION;
        boolean open = items.stream().anyMatch(Item::unanswered);
        return open || unrecognised || unknownUse.isPresent() ? Verdict.INCOMPLETE : Verdict.CLEAR;
    }

    /** Whether the sheet has no screening questions at all (nothing could be checked). */
    public boolean noRules() {
        return items.isEmpty();
    }

    /** Whether every question was answered and every medicine and use understood. */
    public boolean complete() {
        return !noRules()
                && unanswered().isEmpty()
                && medicines.stream().allMatch(Medicines.Match::recognised)
                && unknownUse.isEmpty();
    }

    /** Flagged items, highest level first, in sheet order within a level. */
    public List<Item> findings() {
        return items.stream()
                .filter(Item::flagged)
                .sorted(Comparator.comparing(Item::level).reversed())
                .toList();
    }

    /** Each fact the rules ask, once, in the order they ask them, with its answer (rules for other uses left out). */
    public Map<Fact, Optional<Answer>> questions() {
        Map<Fact, Optional<Answer>> questions = new LinkedHashMap<>();
        for (Fact fact : asked) {
            boolean asks = fact.key().equals(Facts.USE)
                    || items.stream().anyMatch(i -> i.fact().equals(fact) && i.status() != Status.NOT_FOR_THIS_USE);
            if (asks) {
                questions.put(fact, Optional.ofNullable(given.get(fact.key())));
            }
        }
        return questions;
    }

    /** The facts not yet answered, each once: a rule waiting for the use asks for the use too. */
    public Set<String> unanswered() {
        Set<String> open = new LinkedHashSet<>();
        for (Item i : items) {
            if (i.waitsForUse()) open.add(Facts.USE);
            if ((i.status() == Status.OPEN && i.answer().isEmpty()) || i.byStandIn())
                open.add(i.fact().key());
        }
        return open;
    }

    /** Every fact the drugs' rules ask, once, in the order they ask them (the use first when a rule waits on it). */
    public static List<Fact> questionsAsked(List<Drug> drugs, Facts facts) {
        Set<Fact> asked = new LinkedHashSet<>();
        for (Drug drug : drugs) {
            for (Rule rule : drug.screening()) {
                if (rule instanceof Question q) {
                    if (!q.uses().isEmpty()) facts.get(Facts.USE).ifPresent(asked::add);
                    facts.get(q.fact()).ifPresent(asked::add);
                }
            }
        }
        return List.copyOf(asked);
    }
}
