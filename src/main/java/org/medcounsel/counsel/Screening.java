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
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Sheets.Reminder;
import org.medcounsel.sheet.Sheets.Rule;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/** The outcome of screening one patient for one drug: every rule with its answer, and a verdict. */
public record Screening(Drug drug, List<Item> items, List<Reminder> reminders, Verdict verdict) {

    /** The overall answer, in increasing order of concern. */
    public enum Verdict {
        CLEAR,
        INCOMPLETE,
        CAUTION,
        DO_NOT_START
    }

    /** One rule: its fact and question, the patient's answer (empty when not asked), whether it applies. */
    public record Item(Fact fact, Question rule, Optional<Answer> answer, boolean flagged) {
        /** The rule's condition in words: "65 years or over", "below 30 mL/min", "includes probenecid", "yes". */
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

    /** Screens {@code patient} for {@code drug}. */
    public static Screening of(Drug drug, Facts facts, Patient patient) {
        List<Item> items = new ArrayList<>();
        List<Reminder> reminders = new ArrayList<>();
        for (Rule rule : drug.screening()) {
            if (rule instanceof Reminder r) {
                reminders.add(r);
            } else if (rule instanceof Question q) {
                Fact fact = facts.get(q.fact()).orElseThrow();
                Optional<Answer> answer = patient.answer(q.fact());
                items.add(
                        new Item(fact, q, answer, answer.map(a -> applies(q, a)).orElse(false)));
            }
        }
        return new Screening(drug, List.copyOf(items), List.copyOf(reminders), verdict(items));
    }

    static boolean applies(Question q, Answer answer) {
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
        List<String> taken = ((Answer.Items) answer).items();
        return q.includes().stream().anyMatch(name -> taken.contains(name.toLowerCase(java.util.Locale.ROOT)));
    }

    private static Verdict verdict(List<Item> items) {
        if (items.stream().anyMatch(i -> i.flagged() && i.rule().level() == Level.DO_NOT_START)) {
            return Verdict.DO_NOT_START;
        }
        if (items.stream().anyMatch(Item::flagged)) {
            return Verdict.CAUTION;
        }
        return items.stream().anyMatch(i -> i.answer().isEmpty()) ? Verdict.INCOMPLETE : Verdict.CLEAR;
    }

    /** Flagged items, highest level first, in sheet order within a level. */
    public List<Item> findings() {
        return items.stream()
                .filter(Item::flagged)
                .sorted(Comparator.comparing((Item i) -> i.rule().level()).reversed())
                .toList();
    }

    /** Each fact once, in the order the rules ask them, with the answer. */
    public Map<Fact, Optional<Answer>> questions() {
        Map<Fact, Optional<Answer>> questions = new LinkedHashMap<>();
        items.forEach(i -> questions.putIfAbsent(i.fact(), i.answer()));
        return questions;
    }

    /** The facts not yet answered, each once. */
    public Set<Fact> unanswered() {
        Set<Fact> open = new LinkedHashSet<>();
        items.stream().filter(i -> i.answer().isEmpty()).forEach(i -> open.add(i.fact()));
        return open;
    }
}
