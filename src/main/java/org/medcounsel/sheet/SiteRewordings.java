package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * What the site folders say anew over the bundled data: screening questions, verdict sentences,
 * and the advice of the sheets they replace. Allowed, never silent: each can turn what a patient
 * reads against what the rules decide, so a run notes it and {@code check} warns of it.
 */
public final class SiteRewordings {
    private final Shelves shelves;
    private final SheetReader reader;
    private final KeptSheets sheets;

    /** The rewordings the site folders among {@code shelves} make. */
    public SiteRewordings(Shelves shelves, SheetReader reader, KeptSheets sheets) {
        this.shelves = shelves;
        this.reader = reader;
        this.sheets = sheets;
    }

    /** What a site folder rewords. */
    public enum Reworded {
        QUESTIONS,
        VERDICT_WORDS,
        ADVICE
    }

    /**
     * Words a site folder gives anew over a lower folder's or the bundled data's: screening
     * questions ({@code facts.yaml}), verdict sentences ({@code words.yaml}), or the advice of a
     * replaced sheet's rules (by the facts they ask about).
     *
     * @param folder the folder as the user named it
     * @param file the file that rewords, as messages name it
     * @param sheet the sheet whose advice is reworded ("" for questions and verdict words)
     * @param keys the fact keys or word keys reworded, in file order
     */
    public record Rewording(String folder, String file, Reworded what, String sheet, List<String> keys) {
        /** "rewords the screening questions for pregnant, smoker", as a note or a check warning says it. */
        public String describe() {
            String list = String.join(", ", keys);
            return switch (what) {
                case QUESTIONS -> "rewords the screening question" + (keys.size() == 1 ? "" : "s") + " for " + list;
                case VERDICT_WORDS -> "rewords the verdict word" + (keys.size() == 1 ? " " : "s ") + list;
                case ADVICE -> "rewords the advice of " + sheet + "'s screening rule" + (keys.size() == 1 ? "" : "s")
                        + " on " + list;
            };
        }
    }

    /**
     * Every rewording the site folders make, lowest folder first: questions, then verdict words,
     * then advice in the order of {@link Shelves#replacements()}. Empty without site folders.
     *
     * @throws SheetException when a facts or words file cannot be read (a sheet that cannot be
     *     read is left out: it is reported where it is used)
     */
    public synchronized List<Rewording> rewordings() {
        List<Rewording> all = new ArrayList<>();
        if (shelves.folders().isEmpty()) return all;
        List<Shelf> lowestFirst = shelves.lowestFirst();
        Map<String, String> questions = new HashMap<>();
        for (Shelf shelf : lowestFirst) {
            Optional<SheetFile> file = shelf.vocabulary("facts.yaml");
            if (file.isEmpty()) continue;
            List<String> keys = new ArrayList<>();
            for (Sheets.Fact f : SheetLoader.facts(file.get().name(), reader.tree(file.get()))
                    .byKey()
                    .values()) {
                String before = questions.put(f.key(), f.question());
                if (before != null && !before.equals(f.question())) keys.add(f.key());
            }
            reworded(all, shelf, file.get(), Reworded.QUESTIONS, "", keys);
        }
        Map<Word, String> words = new EnumMap<>(Word.class);
        Map<Word, String> verdictNames = Map.of();
        for (Shelf shelf : lowestFirst) {
            Optional<SheetFile> file = shelf.vocabulary("words.yaml");
            if (file.isEmpty()) continue;
            List<String> keys = new ArrayList<>();
            for (Map.Entry<Word, String> given : SheetLoader.words(
                            file.get().name(), reader.tree(file.get()), verdictNames)
                    .entrySet()) {
                String before = words.put(given.getKey(), given.getValue());
                if (before != null && !before.equals(given.getValue()) && verdictNames.containsKey(given.getKey())) {
                    keys.add(given.getKey().key());
                }
            }
            if (verdictNames.isEmpty()) verdictNames = SheetLoader.verdictNames(words);
            reworded(all, shelf, file.get(), Reworded.VERDICT_WORDS, "", keys);
        }
        for (Shelves.Replacement r : shelves.replacements()) {
            try {
                SheetFile bundled = shelves.bundledSheet(r.kind(), r.id()).orElseThrow();
                SheetFile site = shelves.find(r.kind(), r.id()).orElseThrow();
                List<Sheets.Rule> before = r.kind() == Kind.DRUG
                        ? SheetLoader.drug(bundled.name(), bundled.tree(), r.id(), sheets.references())
                                .screening()
                        : SheetLoader.drugClass(bundled.name(), bundled.tree(), r.id(), sheets.references())
                                .screening();
                List<Sheets.Rule> after = r.kind() == Kind.DRUG
                        ? sheets.loadDrug(r.id()).screening()
                        : sheets.drugClass(r.id()).screening();
                List<String> facts = new ArrayList<>();
                for (Sheets.Rule rule : after) {
                    if (!(rule instanceof Sheets.Question q)) continue;
                    List<Sheets.Question> same = before.stream()
                            .filter(b -> b instanceof Sheets.Question bq && sameCondition(bq, q))
                            .map(Sheets.Question.class::cast)
                            .toList();
                    if (!same.isEmpty()
                            && same.stream().noneMatch(b -> b.advice().equals(q.advice()))
                            && !facts.contains(q.fact())) {
                        facts.add(q.fact());
                    }
                }
                if (!facts.isEmpty()) {
                    all.add(new Rewording(r.folder(), site.name(), Reworded.ADVICE, r.id(), facts));
                }
            } catch (SheetException | NoSuchElementException unreadable) {
                // A sheet that does not load is reported where it is used, and by check.
            }
        }
        return all;
    }

    private static void reworded(
            List<Rewording> all, Shelf shelf, SheetFile file, Reworded what, String sheet, List<String> keys) {
        if (!keys.isEmpty() && shelf instanceof FolderShelf folder) {
            all.add(new Rewording(folder.shownAs(), file.name(), what, sheet, List.copyOf(keys)));
        }
    }

    /** Whether two rules ask the same thing of the same patients (all but the level, advice and source). */
    private static boolean sameCondition(Sheets.Question a, Sheets.Question b) {
        return a.fact().equals(b.fact())
                && Double.compare(a.atLeast(), b.atLeast()) == 0
                && Double.compare(a.atMost(), b.atMost()) == 0
                && Double.compare(a.below(), b.below()) == 0
                && Double.compare(a.above(), b.above()) == 0
                && a.includes().equals(b.includes())
                && a.is().equals(b.is())
                && a.uses().equals(b.uses());
    }
}
