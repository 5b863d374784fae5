package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.medcounsel.counsel.Screening.Verdict;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.Use;

/** What must hold for any patient and any bundled drug, whatever the answers. */
class ScreeningProperties {
    static final Formulary BUNDLED = Formulary.withSites(List.of());
    static final List<String> DRUGS = List.copyOf(BUNDLED.drugIds());
    static final List<String> EVERYDAY = List.of(
            "paracetamol",
            "ibuprofen",
            "Nizoral 200mg",
            "probenecid 500 mg",
            "Humira",
            "warfarin",
            "fluconazole",
            "omeprazole",
            "metformin",
            "prednisolone",
            "rifampicin",
            "Xarelto",
            "aspirin 75mg");

    /** One answer: a fact key and a valid value for it. */
    record Given(String key, String value) {}

    Screening screen(String drugId, List<Given> answers) {
        Facts facts = BUNDLED.facts();
        Patient patient = new Patient(facts);
        for (Given g : answers) {
            if (patient.answer(g.key()).isPresent() && !g.key().equals(Facts.MEDICINES)) continue;
            patient.set(g.key(), g.value());
        }
        return Screening.of(BUNDLED.drug(drugId), facts, BUNDLED.medicines(), patient);
    }

    @Provide
    Arbitrary<String> drug() {
        return Arbitraries.of(DRUGS);
    }

    /** Valid answers of every kind, in any order, some facts left out. */
    @Provide
    Arbitrary<List<Given>> answers() {
        Map<String, Fact> facts = BUNDLED.facts().byKey();
        List<Arbitrary<Given>> each = new ArrayList<>();
        for (Fact f : facts.values()) {
            Arbitrary<String> value;
            switch (f.type()) {
                case YES_NO:
                    value = Arbitraries.of("yes", "no");
                    break;
                case NUMBER:
                    value = Arbitraries.doubles()
                            .between(Math.max(f.min(), 0), Math.min(f.max(), 300))
                            .ofScale(2)
                            .map(String::valueOf);
                    break;
                case CHOICE:
                    value = f.key().equals(Facts.USE) ? Arbitraries.of(allUses()) : Arbitraries.of(f.choices());
                    break;
                default:
                    value = Arbitraries.of(EVERYDAY);
            }
            each.add(value.map(v -> new Given(f.key(), v)));
        }
        return Arbitraries.oneOf(each).list().ofMaxSize(30);
    }

    static List<String> allUses() {
        List<String> uses = new ArrayList<>();
        for (String id : DRUGS) {
            for (Use u : BUNDLED.drug(id).sheet().get(SheetShapes.DRUG_USES)) {
                if (!u.id().isEmpty() && !uses.contains(u.id())) uses.add(u.id());
            }
        }
        return uses;
    }

    @Property(tries = 300)
    boolean answeringMoreNeverUndoesDoNotStart(
            @ForAll("drug") String drug, @ForAll("answers") List<Given> some, @ForAll("answers") List<Given> more) {
        Screening before = screen(drug, some);
        List<Given> all = new ArrayList<>(some);
        all.addAll(more);
        return before.verdict() != Verdict.DO_NOT_START || screen(drug, all).verdict() == Verdict.DO_NOT_START;
    }

    @Property(tries = 300)
    boolean aFlaggedAnswerNeverGivesClear(@ForAll("drug") String drug, @ForAll("answers") List<Given> answers) {
        Screening s = screen(drug, answers);
        return s.findings().isEmpty() || s.verdict() != Verdict.CLEAR;
    }

    @Property(tries = 300)
    boolean anUnrecognisedMedicineNeverGivesClear(
            @ForAll("drug") String drug, @ForAll("answers") List<Given> answers, @ForAll("unknown") String medicine) {
        List<Given> all = new ArrayList<>(answers);
        all.add(new Given(Facts.MEDICINES, medicine));
        return screen(drug, all).verdict() != Verdict.CLEAR;
    }

    /** Names no vocabulary holds. */
    @Provide
    Arbitrary<String> unknown() {
        return Combinators.combine(
                        Arbitraries.strings()
                                .withCharRange('a', 'z')
                                .ofMinLength(4)
                                .ofMaxLength(10),
                        Arbitraries.integers().between(0, 999))
                .as((name, n) -> "zq" + name + "xq " + n + "mg");
    }

    @Property(tries = 100)
    boolean clearMeansEveryQuestionAnswered(@ForAll("drug") String drug, @ForAll("answers") List<Given> answers) {
        Screening s = screen(drug, answers);
        return s.verdict() != Verdict.CLEAR || (s.complete() && s.unanswered().isEmpty());
    }

    static Drug drug(String id) {
        return BUNDLED.drug(id);
    }
}
