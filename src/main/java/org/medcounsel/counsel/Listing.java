package org.medcounsel.counsel;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.Use;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.Synonyms;

/**
 * Which drugs a list shows: those of a class, those used for a condition (its words or a use id,
 * synonyms included), or every one; and, for each, the languages it can be counselled in.
 */
public final class Listing {
    /**
     * A language a drug can be counselled in, and the state of its translation: {@code english}
     * (the sheet itself), {@code unchecked} (no site pharmacist has checked it), {@code checked},
     * {@code stale} (made before the English sheet last changed), {@code incomplete} (English is
     * shown instead) or {@code broken} (it cannot be read; check says why).
     */
    public record Lang(String tag, String status) {}

    private final Optional<String> drugClass;
    private final Optional<String> condition;
    private final List<Search.Term> forTerms;

    /** Drugs of {@code drugClass} (a class sheet's id) used for {@code condition}; either may be left out. */
    public Listing(Formulary formulary, Optional<String> drugClass, Optional<String> condition) {
        this.drugClass = drugClass;
        this.condition = condition;
        this.forTerms = condition
                .map(c -> Search.terms(List.of(c), formulary.synonyms()))
                .orElse(List.of());
    }

    /** Whether the list narrows the drugs at all. */
    public boolean filtered() {
        return drugClass.isPresent() || condition.isPresent();
    }

    /** Whether the drug is of the class and used for the condition asked. */
    public boolean wanted(Drug drug) {
        if (drugClass.isPresent() && !drug.sheet().drugClass().orElse("").equals(drugClass.get())) {
            return false;
        }
        if (forTerms.isEmpty()) {
            return true;
        }
        String asked = Synonyms.normal(condition.orElseThrow());
        for (Use use : drug.sheet().get(SheetShapes.DRUG_USES)) {
            if (use.id().equals(asked) || Search.holds(use.condition(), forTerms)) {
                return true;
            }
        }
        return false;
    }

    /** English, then each translation of the drug with the state it is in. */
    public static List<Lang> languages(Formulary formulary, String id) {
        List<Lang> all = new ArrayList<>();
        all.add(new Lang(Language.ENGLISH, "english"));
        for (String lang : formulary.languages(Kind.DRUG, id)) {
            String status;
            try {
                Language l = formulary.drug(id, lang).language();
                status = !l.translated()
                        ? "incomplete"
                        : l.stale() ? "stale" : l.approval().isPresent() ? "checked" : "unchecked";
            } catch (SheetException e) {
                status = "broken";
            }
            all.add(new Lang(lang, status));
        }
        return all;
    }
}
