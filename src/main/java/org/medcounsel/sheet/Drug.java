package org.medcounsel.sheet;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Sheets.Rule;
import org.medcounsel.sheet.Sheets.Source;

/**
 * A drug sheet together with its class sheet: the class's lists come first, the drug's follow.
 * Both are in {@code language}'s shown language: English, or translated as a whole.
 */
public record Drug(DrugSheet sheet, Optional<ClassSheet> drugClass, Language language) {

    /** The drug in English. */
    public Drug(DrugSheet sheet, Optional<ClassSheet> drugClass) {
        this(sheet, drugClass, Language.english(Language.ENGLISH));
    }

    /** The same drug, said to be shown as {@code language} says. */
    public Drug in(Language language) {
        return new Drug(sheet, drugClass, language);
    }

    public String id() {
        return sheet.id();
    }

    public String name() {
        return sheet.name();
    }

    public List<String> warnings() {
        return merged(ClassSheet::warnings, DrugSheet::warnings);
    }

    public List<String> urgentHelp() {
        return merged(ClassSheet::urgentHelp, DrugSheet::urgentHelp);
    }

    /**
     * What to do at once, said before any sign: the class's {@code urgent-action}, then the
     * drug's own (each may be ""). Kept apart from the merged signs, so merging the class's list
     * before the drug's can never push an action down.
     */
    public List<String> urgentActions() {
        List<String> all = new ArrayList<>();
        drugClass.map(ClassSheet::urgentAction).filter(a -> !a.isEmpty()).ifPresent(all::add);
        if (!sheet.urgentAction().isEmpty()) all.add(sheet.urgentAction());
        return List.copyOf(all);
    }

    /** The urgent box in order: the actions first, then the class's signs, then the drug's. */
    public List<String> urgentBox() {
        List<String> all = new ArrayList<>(urgentActions());
        all.addAll(urgentHelp());
        return List.copyOf(all);
    }

    /** Why the warnings are there (studies, regulators, dates): the class's, then the drug's. */
    public List<String> background() {
        return merged(ClassSheet::background, DrugSheet::background);
    }

    public List<String> monitoring() {
        return merged(ClassSheet::monitoring, DrugSheet::monitoring);
    }

    public List<String> stayingSafe() {
        return merged(ClassSheet::stayingSafe, DrugSheet::stayingSafe);
    }

    public List<Rule> screening() {
        return merged(ClassSheet::screening, DrugSheet::screening);
    }

    /** The drug's sources, then the class's that the drug does not already cite. */
    public List<Source> sources() {
        List<Source> all = new ArrayList<>(sheet.sources());
        drugClass.ifPresent(c -> c.sources().stream()
                .filter(s -> all.stream().noneMatch(o -> o.url().equals(s.url())))
                .forEach(all::add));
        return List.copyOf(all);
    }

    /** The older of the two review dates: the guidance is only as fresh as its stalest part. */
    public LocalDate reviewed() {
        return drugClass
                .map(ClassSheet::reviewed)
                .filter(d -> d.isBefore(sheet.reviewed()))
                .orElse(sheet.reviewed());
    }

    /**
     * A sheet last reviewed longer ago than this many years is noted when used; {@code check}
     * warns at the same age by default.
     */
    public static final int STALE_AFTER_YEARS = 2;

    /**
     * The whole years since the older review date, when that is more than {@link
     * #STALE_AFTER_YEARS} years before {@code today}: the facts may have moved on since.
     */
    public OptionalInt staleYears(LocalDate today) {
        if (!reviewed().isBefore(today.minusYears(STALE_AFTER_YEARS))) {
            return OptionalInt.empty();
        }
        return OptionalInt.of(Period.between(reviewed(), today).getYears());
    }

    private <T> List<T> merged(Function<ClassSheet, List<T>> fromClass, Function<DrugSheet, List<T>> fromDrug) {
        List<T> all = new ArrayList<>();
        drugClass.ifPresent(c -> all.addAll(fromClass.apply(c)));
        all.addAll(fromDrug.apply(sheet));
        return List.copyOf(all);
    }
}
