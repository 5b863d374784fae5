package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The words every sheet leans on, each merged over the shelves and kept while its files are
 * unchanged: the patient facts screening asks about, the interface words, the medicines
 * screening recognises, the synonym groups search uses, and the site's approvals. A site adds
 * to or rewords each, never weakens what the bundled data measures.
 *
 * <p>Each vocabulary is built under this object's lock, so a shell session's threads see one.
 */
public final class Vocabulary {
    private final Shelves shelves;
    private final SheetReader reader;
    private Optional<Kept<Facts>> facts = Optional.empty();
    private Optional<Kept<Words>> words = Optional.empty();
    private Optional<Kept<Medicines>> medicines = Optional.empty();
    private Optional<Kept<Map<String, Approval>>> approvals = Optional.empty();
    private Optional<Kept<Synonyms>> synonyms = Optional.empty();

    /** The vocabularies of {@code shelves}, read through {@code reader}. */
    public Vocabulary(Shelves shelves, SheetReader reader) {
        this.shelves = shelves;
        this.reader = reader;
    }

    /** Whether {@code kept} was made from the files {@code stamp} describes. */
    private static <T> boolean fresh(Optional<Kept<T>> kept, String stamp) {
        return kept.isPresent() && kept.get().stamp().equals(stamp);
    }

    /**
     * The patient-fact vocabulary: every shelf's {@code facts.yaml} merged, so a site can add facts
     * or reword a question; a fact in a higher shelf replaces the one with the same key.
     */
    public synchronized Facts facts() {
        List<SheetFile> files = shelves.vocabularies("facts.yaml");
        String stamp = SheetReader.stamps(files);
        if (!fresh(facts, stamp)) {
            Map<String, Sheets.Fact> merged = new LinkedHashMap<>();
            for (SheetFile file : files) {
                for (Sheets.Fact fact : SheetLoader.facts(file.name(), reader.tree(file))
                        .byKey()
                        .values()) {
                    Sheets.Fact before = merged.get(fact.key());
                    // A site may reword a question, never weaken what a bundled rule measures.
                    if (before != null && !sameMeasure(before, fact)) {
                        throw new SheetException(
                                file.name(),
                                0,
                                "fact '" + fact.key() + "' changes the type, unit, range or choices of a fact a lower"
                                        + " data folder defines; a site may only reword its question");
                    }
                    merged.put(fact.key(), fact);
                }
            }
            facts = Optional.of(new Kept<>(new Facts(merged), stamp));
        }
        return facts.get().value();
    }

    private static boolean sameMeasure(Sheets.Fact a, Sheets.Fact b) {
        return a.type() == b.type()
                && a.unit().equals(b.unit())
                && Double.compare(a.min(), b.min()) == 0
                && Double.compare(a.max(), b.max()) == 0
                && a.choices().equals(b.choices())
                && a.standIn().equals(b.standIn());
    }

    /**
     * The interface words: the bundled {@code words.yaml} with each site's rewordings on top, a
     * higher shelf's word winning. A verdict sentence keeps the lowest file's verdict name.
     */
    public synchronized Words words() {
        List<SheetFile> files = shelves.vocabularies("words.yaml");
        String stamp = SheetReader.stamps(files);
        if (!fresh(words, stamp)) {
            Map<Word, String> merged = new EnumMap<>(Word.class);
            Map<Word, String> verdictNames = Map.of();
            for (SheetFile file : files) {
                merged.putAll(SheetLoader.words(file.name(), reader.tree(file), verdictNames));
                if (verdictNames.isEmpty()) verdictNames = SheetLoader.verdictNames(merged);
            }
            for (Word word : Word.values()) {
                if (!merged.containsKey(word)) {
                    throw new SheetException(files.get(0).name(), 0, "no words for '" + word.key() + "'");
                }
            }
            words = Optional.of(new Kept<>(new Words(merged), stamp));
        }
        return words.get().value();
    }

    /**
     * The approvals the site folders record, by drug id (a higher folder's wins). The bundled
     * data is never asked: nobody approved it for any particular site.
     */
    public synchronized Map<String, Approval> approvals() {
        List<SheetFile> files = new ArrayList<>();
        shelves.all().stream().filter(s -> !(s instanceof BundledShelf)).forEach(s -> s.vocabulary("approvals.yaml")
                .ifPresent(files::add));
        Collections.reverse(files);
        String stamp = SheetReader.stamps(files);
        if (!fresh(approvals, stamp)) {
            Map<String, Approval> all = new LinkedHashMap<>();
            for (SheetFile file : files) {
                SheetLoader.approvals(file.name(), reader.tree(file), all);
            }
            approvals = Optional.of(new Kept<>(Collections.unmodifiableMap(all), stamp));
        }
        return approvals.get().value();
    }

    /** The site's approval of a drug's sheet as it stands now, if it has one. */
    public Optional<Approval> approval(Drug drug) {
        return Optional.ofNullable(approvals().get(drug.id())).filter(a -> a.covers(drug.reviewed()));
    }

    /**
     * The medicines screening recognises: the bundled {@code medicines.yaml} with each site's
     * entries added. A site may add medicines, names and group members, never weaken the lower
     * files (see {@link SheetLoader#medicines}). A data folder set without any
     * medicines file recognises nothing, so nothing typed is ever taken as understood.
     */
    public synchronized Medicines medicines() {
        List<SheetFile> files = shelves.vocabularyFiles("medicines.yaml");
        String stamp = SheetReader.stamps(files);
        if (!fresh(medicines, stamp)) {
            Map<String, Medicines.Medicine> all = new LinkedHashMap<>();
            Map<String, List<String>> names = new LinkedHashMap<>();
            Map<String, Medicines.Group> groups = new LinkedHashMap<>();
            Map<String, String> definedIn = new HashMap<>();
            for (SheetFile file : files) {
                SheetLoader.medicines(file.name(), reader.tree(file), all, names, groups, definedIn);
            }
            medicines = Optional.of(new Kept<>(Medicines.of(List.copyOf(all.values()), names, groups), stamp));
        }
        return medicines.get().value();
    }

    /**
     * The synonym groups: the bundled {@code synonyms.yaml} and every site's groups added to it.
     * A data folder set without any synonyms file has none.
     */
    public synchronized Synonyms synonyms() {
        List<SheetFile> files = shelves.vocabularyFiles("synonyms.yaml");
        String stamp = SheetReader.stamps(files);
        if (!fresh(synonyms, stamp)) {
            List<List<String>> groups = new ArrayList<>();
            for (SheetFile file : files) {
                SheetLoader.synonyms(file.name(), reader.tree(file), groups);
            }
            synonyms = Optional.of(new Kept<>(new Synonyms(groups), stamp));
        }
        return synonyms.get().value();
    }
}
