package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.Sheets.Fact;

/**
 * One patient screened for one or more drugs: each drug in the language its screening questions
 * are translated into (never a report or questionnaire in a mix of two languages), the questions
 * still open, the screenings, and the reports a pharmacist reads.
 */
public final class Screenings {
    private Screenings() {}

    /** The drugs as they are screened, and those of them screened in English instead (each worth a note). */
    public record Screened(List<Drug> drugs, List<Drug> inEnglish) {}

    /**
     * The drugs, loaded in the language asked for, as they are screened: a drug whose screening
     * questions have no complete translation into its language is screened in English instead;
     * one whose questions were translated from older English questions is as stale as a stale
     * sheet.
     */
    public static Screened inTheirLanguage(Formulary formulary, List<Drug> drugs) {
        List<Drug> all = new ArrayList<>();
        List<Drug> inEnglish = new ArrayList<>();
        for (Drug drug : drugs) {
            Language lang = drug.language();
            if (lang.translated() && formulary.facts(lang.shown()).isEmpty()) {
                Drug english = formulary
                        .drug(drug.id())
                        .in(Language.fallback(
                                lang.asked(),
                                "the screening questions have no complete " + Language.named(lang.shown())
                                        + " translation"));
                inEnglish.add(english);
                all.add(english);
            } else if (lang.translated()
                    && !lang.stale()
                    && formulary.facts(lang.shown()).get().stale()) {
                all.add(drug.in(new Language(lang.asked(), lang.shown(), lang.by(), true, Optional.empty(), "")));
            } else {
                all.add(drug);
            }
        }
        return new Screened(all, inEnglish);
    }

    /** The facts with their questions in the drug's language (types, units and ranges are the same). */
    public static Facts facts(Formulary formulary, Drug drug) {
        Language lang = drug.language();
        return lang.translated()
                ? formulary.facts(lang.shown()).map(InLanguage::value).orElseThrow()
                : formulary.facts();
    }

    /** The facts for questions asked of several drugs at once: in their language when they share one. */
    public static Facts facts(Formulary formulary, List<Drug> drugs) {
        long languages =
                drugs.stream().map(d -> d.language().shown()).distinct().count();
        return languages == 1 && !drugs.isEmpty() ? facts(formulary, drugs.get(0)) : formulary.facts();
    }

    /** Each drug screened for the patient, in order. */
    public static List<Screening> of(List<Drug> drugs, Formulary formulary, Patient patient) {
        return drugs.stream()
                .map(d -> Screening.of(d, facts(formulary, d), formulary.medicines(), patient))
                .toList();
    }

    /** Every question still open for any of the drugs, once each, in the order the rules ask them. */
    public static Set<Fact> open(List<Drug> drugs, Formulary formulary, Patient patient) {
        Facts vocabulary = facts(formulary, drugs);
        Set<Fact> open = new LinkedHashSet<>();
        drugs.forEach(d -> Screening.of(d, vocabulary, formulary.medicines(), patient)
                .unanswered()
                .forEach(key -> open.add(vocabulary.get(key).orElseThrow())));
        return open;
    }

    /**
     * The questionnaires a FHIR response may answer: each drug's, at the version of its own sheets
     * (as {@code screen DRUG --format fhir} exports it) or of all the drugs screened together.
     */
    public static Set<String> questionnaires(List<Drug> drugs, Formulary formulary) {
        Set<String> all = new TreeSet<>();
        String together = ScreeningRecord.version(drugs, formulary);
        for (Drug d : drugs) {
            String url = Facts.questionnaire(d.id()) + "|";
            all.add(url + ScreeningRecord.version(List.of(d), formulary));
            all.add(url + together);
        }
        return all;
    }

    /** The reports a pharmacist reads, one a drug, each ending with the record when one is asked for. */
    public static List<Document> reports(
            List<Screening> screenings, Guidance guidance, Optional<ScreeningRecord> record) {
        List<Document> reports = new ArrayList<>();
        for (Screening s : screenings) {
            Guidance in = guidance.in(s.drug());
            Document report = in.screening(s);
            reports.add(
                    record.map(r -> report.withSection(r.section(in.words()))).orElse(report));
        }
        return reports;
    }
}
