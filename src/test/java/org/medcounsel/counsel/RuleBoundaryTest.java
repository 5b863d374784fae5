package org.medcounsel.counsel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.FactType;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Sheets.Rule;
import org.medcounsel.sheet.Sheets.Use;

/**
 * Every screening rule of every bundled drug, tried with answers either side of what it looks
 * for: a number just inside and just outside each bound, yes and no, each choice it names and
 * one it does not, a medicine of each group it names and an everyday one. The rule must flag
 * exactly the answers it names.
 */
class RuleBoundaryTest {
    static final Formulary BUNDLED = Formulary.withSites(List.of());
    static final double STEP = 0.01;

    /** Where this rule stands for a patient who gives only {@code value} (and a use it applies to). */
    static Screening.Status status(Drug drug, Question q, String value) {
        Facts facts = BUNDLED.facts();
        Patient patient = new Patient(facts).set(q.fact(), value);
        if (!q.uses().isEmpty() && !q.fact().equals(Facts.USE)) {
            patient.set(Facts.USE, q.uses().get(0));
        }
        Screening s = Screening.of(drug, facts, BUNDLED.medicines(), patient);
        return s.items().stream()
                .filter(i -> i.rule() == q)
                .findFirst()
                .orElseThrow()
                .status();
    }

    @Test
    void everyRuleFlagsExactlyWhatItNames() {
        List<String> wrong = new ArrayList<>();
        int tried = 0;
        Medicines medicines = BUNDLED.medicines();
        for (String id : BUNDLED.drugIds()) {
            Drug drug = BUNDLED.drug(id);
            List<String> useIds = drug.sheet().get(SheetShapes.DRUG_USES).stream()
                    .map(Use::id)
                    .toList();
            for (Rule rule : drug.screening()) {
                if (!(rule instanceof Question q)) continue;
                Fact fact = BUNDLED.facts().get(q.fact()).orElseThrow();
                List<String[]> cases = new ArrayList<>(); // value, expected FLAGGED or PASSED
                if (fact.type() == FactType.YES_NO) {
                    cases.add(new String[] {"yes", "FLAGGED"});
                    cases.add(new String[] {"no", "PASSED"});
                } else if (fact.type() == FactType.NUMBER) {
                    bound(cases, q.atLeast(), 0, true);
                    bound(cases, q.above(), STEP, true);
                    bound(cases, q.atMost(), 0, false);
                    bound(cases, q.below(), -STEP, false);
                } else if (fact.type() == FactType.CHOICE) {
                    List<String> all = fact.key().equals(Facts.USE) ? useIds : fact.choices();
                    for (String choice : all) {
                        cases.add(new String[] {choice, q.is().contains(choice) ? "FLAGGED" : "PASSED"});
                    }
                } else {
                    for (String named : q.includes()) {
                        Optional<String> member = medicines.exampleOf(named);
                        assertTrue(member.isPresent(), id + ": no medicine is or is in '" + named + "'");
                        cases.add(new String[] {member.get(), "FLAGGED"});
                    }
                    cases.add(new String[] {"paracetamol", "PASSED"});
                }
                for (String[] c : cases) {
                    tried++;
                    Screening.Status got = status(drug, q, c[0]);
                    if (!got.name().equals(c[1])) {
                        wrong.add(id + " rule on " + q.fact() + " (" + q.advice() + "): " + c[0] + " gave " + got
                                + ", expected " + c[1]);
                    }
                }
            }
        }
        assertTrue(tried > 100, "tried " + tried);
        assertEquals("", String.join("\n", wrong));
    }

    /** A bound and a value just past it the other way; in range when {@code inside} holds. */
    static void bound(List<String[]> cases, double bound, double nudge, boolean lower) {
        if (Double.isNaN(bound)) return;
        double inside = bound + nudge;
        double outside = lower ? inside - STEP : inside + STEP;
        cases.add(new String[] {num(inside), "FLAGGED"});
        cases.add(new String[] {num(outside), "PASSED"});
    }

    static String num(double d) {
        return String.valueOf(Math.round(d * 1000) / 1000.0);
    }
}
