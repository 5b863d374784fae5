package org.medcounsel.counsel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * The leaflets of one run: each drug's complete leaflet in the language asked for (English where
 * its translation is missing), under the pharmacy's banner in the leaflet's own language, ending
 * with "ask us" when the pharmacy has a phone. Thread-safe: leaflets are made on every core.
 */
public final class Leaflets {
    private final Formulary formulary;
    private final Guidance guidance;
    private final Optional<Sheets.Site> pharmacy;
    private final String lang;
    private final Words words;
    /** The words of each language shown, found once a run. */
    private final Map<String, Words> inLanguage = new ConcurrentHashMap<>();

    /** One leaflet: its drug, the document, and what an index says of it (uses, review date). */
    public record Leaflet(Drug drug, Document document, String uses, String reviewed) {}

    /** Leaflets in {@code lang} (a language tag), for {@code pharmacy} when there is one. */
    public Leaflets(Formulary formulary, Optional<Sheets.Site> pharmacy, String lang) {
        this.formulary = formulary;
        formulary.facts();
        this.guidance = Guidance.of(formulary);
        this.words = formulary.words();
        this.pharmacy = pharmacy;
        this.lang = lang;
    }

    /** The formulary the leaflets come from. */
    public Formulary formulary() {
        return formulary;
    }

    /** The run's interface words (English): the index is in them. */
    public Words words() {
        return words;
    }

    /** The words of a leaflet shown in {@code tag}: its own when translated, else English. */
    public Words words(String tag) {
        if (tag.equals(Language.ENGLISH)) return words;
        return inLanguage.computeIfAbsent(
                tag, t -> formulary.words(t).map(InLanguage::value).orElse(words));
    }

    /** The drug in the run's language; {@code once}: not kept (a batch over every sheet). */
    public Drug drug(String id, boolean once) {
        if (Language.isEnglish(lang)) {
            return once ? formulary.drugOnce(id) : formulary.drug(id);
        }
        return formulary.drug(id, lang);
    }

    /**
     * The first of the drugs whose leaflet would be a translation made before its English sheet
     * last changed: such a run is stopped before anything is written, unless it is allowed.
     */
    public Optional<Drug> outOfDate(Collection<String> ids) {
        if (Language.isEnglish(lang)) return Optional.empty();
        for (String id : ids) {
            Drug drug = formulary.drug(id, lang);
            if (drug.language().stale()) return Optional.of(drug);
        }
        return Optional.empty();
    }

    /**
     * Whether a leaflet's drug is worth a note once the run is done: an old sheet, or a language
     * not shown, or a stale translation.
     */
    public static boolean noted(Drug drug, LocalDate today) {
        return drug.staleYears(today).isPresent()
                || !drug.language().notShown().isEmpty()
                || drug.language().stale();
    }

    /** The banner's lines: the pharmacy's name first, then address, phone, website and opening hours. */
    public List<String> banner(Words words) {
        if (pharmacy.isEmpty()) return List.of();
        Sheets.Site s = pharmacy.get();
        List<String> lines = new ArrayList<>();
        lines.add(s.name());
        if (!s.address().isEmpty()) lines.add(s.address());
        if (!s.phone().isEmpty()) lines.add(words.get(Word.BANNER_PHONE, "phone", s.phone()));
        if (!s.website().isEmpty()) lines.add(s.website());
        if (!s.openingHours().isEmpty()) lines.add(words.get(Word.BANNER_OPENING_HOURS, "hours", s.openingHours()));
        return List.copyOf(lines);
    }

    /** One drug's leaflet, with the banner in its language, and what an index says of it. */
    public Leaflet leaflet(Drug drug) {
        Guidance in = guidance.in(drug);
        Document leaflet =
                in.leaflet(drug).withBanner(banner(words(drug.language().shown())));
        if (pharmacy.isPresent() && !pharmacy.get().phone().isEmpty()) {
            leaflet = leaflet.withSection(in.askUs(pharmacy.get().phone()));
        }
        String uses = drug.sheet().get(SheetShapes.DRUG_USES).stream()
                .map(u -> u.condition().replaceFirst("\\s*\\(.*$", ""))
                .distinct()
                .collect(Collectors.joining(", "));
        return new Leaflet(
                drug, leaflet, uses, drug.sheet().get(SheetShapes.DRUG_REVIEWED).toString());
    }
}
