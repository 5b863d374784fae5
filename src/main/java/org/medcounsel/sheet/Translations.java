package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * The sheets and vocabularies in languages other than English: each translation overlay put over
 * its English file, whole or not at all, and whether it was made from the English as it is now.
 * The rules, numbers and sources are always the English files'.
 */
public final class Translations {
    private final Shelves shelves;
    private final SheetReader reader;
    private final Vocabulary vocabulary;
    private final KeptSheets sheets;

    /** The translations {@code shelves} hold, of the sheets in {@code sheets}. */
    public Translations(Shelves shelves, SheetReader reader, Vocabulary vocabulary, KeptSheets sheets) {
        this.shelves = shelves;
        this.reader = reader;
        this.vocabulary = vocabulary;
        this.sheets = sheets;
    }

    /**
     * The drug in the language {@code lang} (a tag such as es or zh-Hans): the drug's and its
     * class's translations put over the English sheets, with the interface words of that language.
     * English for the whole drug, with the reason, when any of the three is missing or does not
     * translate every text; so a document is never a mix of two languages. The rules, numbers and
     * sources are always the English sheets'.
     *
     * @throws SheetException when a translation file itself is broken (a field it may not change)
     */
    public Drug drug(String id, String lang) {
        Drug english = sheets.drug(id);
        if (Language.isEnglish(lang)) {
            return english.in(Language.english(lang));
        }
        Optional<String> found = Language.candidates(lang).stream()
                .filter(t -> shelves.translationFile(Kind.DRUG, id, t).isPresent())
                .findFirst();
        String name = Language.named(lang);
        if (found.isEmpty()) {
            return english.in(Language.fallback(lang, "there is no " + name + " translation of " + id));
        }
        String tag = found.get();
        Translation drug = translation(Kind.DRUG, id, tag);
        if (!drug.complete()) {
            return english.in(Language.fallback(lang, incomplete(name, id, drug)));
        }
        boolean stale = drug.staleFor(reader.tree(shelves.find(Kind.DRUG, id).orElseThrow()));
        Optional<ClassSheet> drugClass = Optional.empty();
        if (english.drugClass().isPresent()) {
            String classId = english.drugClass().get().id();
            if (shelves.translationFile(Kind.CLASS, classId, tag).isEmpty()) {
                return english.in(Language.fallback(
                        lang, "there is no " + name + " translation of " + classId + ", the class sheet of " + id));
            }
            Translation cls = translation(Kind.CLASS, classId, tag);
            if (!cls.complete()) {
                return english.in(Language.fallback(lang, incomplete(name, classId, cls)));
            }
            stale |= cls.staleFor(reader.tree(shelves.find(Kind.CLASS, classId).orElseThrow()));
            drugClass = Optional.of(SheetLoader.drugClass(
                    shelves.find(Kind.CLASS, classId).orElseThrow().name(), cls.tree(), classId, sheets.references()));
        }
        Optional<InLanguage<Words>> words = words(tag);
        if (words.isEmpty()) {
            return english.in(Language.fallback(lang, "the interface words have no complete " + name + " translation"));
        }
        stale |= words.get().stale();
        DrugSheet sheet = SheetLoader.drug(
                shelves.find(Kind.DRUG, id).orElseThrow().name(), drug.tree(), id, sheets.references());
        boolean isStale = stale;
        Optional<Approval> approval = Optional.ofNullable(vocabulary.approvals().get(id + "." + tag))
                .filter(a -> !isStale && a.covers(english.reviewed()));
        return new Drug(sheet, drugClass, new Language(lang, tag, drug.by(), stale, approval, ""));
    }

    private static String incomplete(String name, String id, Translation t) {
        return "the " + name + " translation of " + id + " does not translate "
                + t.missing().size() + " text" + (t.missing().size() == 1 ? "" : "s") + " (first: "
                + t.missing().get(0) + ")";
    }

    /**
     * A sheet's translation into {@code tag} put over its English sheet (both the highest
     * shelf's).
     *
     * @throws SheetException at the first thing wrong with the translation file
     */
    public Translation translation(Kind kind, String id, String tag) {
        SheetFile file = shelves.translationFile(kind, id, tag).orElseThrow();
        SheetFile english = shelves.find(kind, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        Translation t = Translation.apply(
                kind == Kind.DRUG ? SheetShapes.DRUG : SheetShapes.CLASS,
                reader.tree(english),
                reader.tree(file),
                file.name(),
                tag,
                false);
        failOn(t);
        return t;
    }

    private static void failOn(Translation t) {
        if (!t.problems().isEmpty()) {
            Problem p = t.problems().get(0);
            throw new SheetException(p.file(), p.line(), p.message());
        }
    }

    /**
     * The interface words in {@code tag}: every shelf's {@code words.<tag>.yaml} (a higher
     * shelf's word wins), when together they give every word; else empty. Stale when a
     * translation was made from older English, or a higher shelf rewords in English a word that
     * only a lower shelf translates.
     */
    public synchronized Optional<InLanguage<Words>> words(String tag) {
        Map<Word, String> merged = new EnumMap<>(Word.class);
        Layers layers = new Layers();
        for (Overlaid o : overlays("words", tag)) {
            layers.english(o.ownEnglish());
            if (o.overlay().isEmpty()) continue;
            YamlNode overlay = o.overlay().get();
            Translation t = Translation.apply(SheetShapes.WORDS, o.english(), overlay, o.name(), tag, true);
            failOn(t);
            layers.stale |= t.staleFor(o.english());
            Map<Word, String> all = SheetLoader.words(o.name(), t.tree());
            for (Word word : Word.values()) {
                if (keys(overlay, "words").contains(word.key())) {
                    merged.put(word, all.get(word));
                    layers.translated(word.key());
                }
            }
        }
        if (merged.size() < Word.values().length) return Optional.empty();
        return Optional.of(new InLanguage<>(new Words(merged), layers.stale()));
    }

    /**
     * The patient facts with their questions in {@code tag}: every shelf's
     * {@code facts.<tag>.yaml}, when together they translate every question; else empty. Only the
     * questions change: types, units, ranges and choices are the English facts'. Stale as the
     * words are.
     */
    public synchronized Optional<InLanguage<Facts>> facts(String tag) {
        Facts english = vocabulary.facts();
        Map<String, String> questions = new HashMap<>();
        Layers layers = new Layers();
        for (Overlaid o : overlays("facts", tag)) {
            layers.english(o.ownEnglish());
            if (o.overlay().isEmpty()) continue;
            YamlNode overlay = o.overlay().get();
            Translation t = Translation.apply(SheetShapes.FACTS, o.english(), overlay, o.name(), tag, false);
            failOn(t);
            layers.stale |= t.staleFor(o.english());
            Map<String, Sheets.Fact> translated =
                    SheetLoader.facts(o.name(), t.tree()).byKey();
            List<YamlNode> items = items(overlay, "facts");
            List<String> keys = keys(o.english(), "facts");
            for (int i = 0; i < items.size() && i < keys.size(); i++) {
                if (items.get(i) instanceof YamlNode.Mapping f && f.entries().containsKey("question")) {
                    questions.put(keys.get(i), translated.get(keys.get(i)).question());
                    layers.translated(keys.get(i));
                }
            }
        }
        Map<String, Sheets.Fact> out = new LinkedHashMap<>();
        for (Sheets.Fact f : english.byKey().values()) {
            String q = questions.get(f.key());
            if (q == null) return Optional.empty();
            out.put(
                    f.key(),
                    new Sheets.Fact(f.key(), f.type(), q, f.unit(), f.min(), f.max(), f.choices(), f.standIn()));
        }
        return Optional.of(new InLanguage<>(new Facts(out), layers.stale()));
    }

    /** One data folder's translation of {@code words.yaml} or {@code facts.yaml}, and the English file it translates. */
    public record VocabularyOverlay(SheetFile overlay, SheetFile english) {}

    /**
     * Each shelf's {@code <base>.<tag>.yaml} ({@code base} "words" or "facts"), lowest shelf
     * first, with the English file it is made from: its own shelf's, else the bundled one.
     */
    public List<VocabularyOverlay> vocabularyOverlays(String base, String tag) {
        List<VocabularyOverlay> all = new ArrayList<>();
        if (!Translation.TAG.matcher(tag).matches()) return all;
        SheetFile bundledEnglish = shelves.vocabularies(base + ".yaml").get(0);
        for (Shelf shelf : shelves.lowestFirst()) {
            Optional<SheetFile> overlay = shelf.vocabulary(base + "." + tag + ".yaml");
            if (overlay.isEmpty()) continue;
            all.add(new VocabularyOverlay(
                    overlay.get(), shelf.vocabulary(base + ".yaml").orElse(bundledEnglish)));
        }
        return all;
    }

    /**
     * The words ({@code base} "words") or fact keys ({@code base} "facts") that no shelf's
     * translation into {@code tag} gives, in English order: what keeps {@link #words(String)} or
     * {@link #facts(String)} empty. From the files' keys only; whether each translation is
     * well made is {@code check}'s to say.
     */
    public synchronized List<String> untranslated(String base, String tag) {
        Set<String> given = new HashSet<>();
        for (Overlaid o : overlays(base, tag)) {
            if (o.overlay().isEmpty()) continue;
            YamlNode overlay = o.overlay().get();
            if (base.equals("words")) {
                given.addAll(keys(overlay, "words"));
                continue;
            }
            List<YamlNode> items = items(overlay, "facts");
            List<String> keys = keys(o.english(), "facts");
            for (int i = 0; i < items.size() && i < keys.size(); i++) {
                if (items.get(i) instanceof YamlNode.Mapping f && f.entries().containsKey("question")) {
                    given.add(keys.get(i));
                }
            }
        }
        List<String> english = base.equals("words")
                ? Arrays.stream(Word.values()).map(Word::key).toList()
                : List.copyOf(vocabulary.facts().byKey().keySet());
        return english.stream().filter(k -> !given.contains(k)).toList();
    }

    /**
     * Which shelf last gave each key in English and which last translated it, lowest shelf
     * first: a key given anew in English above its translation has an out-of-date translation.
     */
    private static final class Layers {
        private final Map<String, Integer> englishAt = new HashMap<>();
        private final Map<String, Integer> translatedAt = new HashMap<>();
        private int level = -1;
        boolean stale;

        void english(List<String> keys) {
            level++;
            keys.forEach(k -> englishAt.put(k, level));
        }

        void translated(String key) {
            translatedAt.put(key, level);
        }

        boolean stale() {
            return stale
                    || translatedAt.entrySet().stream()
                            .anyMatch(e -> englishAt.getOrDefault(e.getKey(), -1) > e.getValue());
        }
    }

    /** The keys a words file gives, or the facts a facts file lists, in order. */
    private static List<String> keys(YamlNode tree, String base) {
        List<String> keys = new ArrayList<>();
        if (base.equals("words")) {
            if (tree instanceof YamlNode.Mapping m) keys.addAll(m.entries().keySet());
            keys.remove("translation");
            return keys;
        }
        for (YamlNode item : items(tree, "facts")) {
            if (item instanceof YamlNode.Mapping f
                    && f.entries().get("key") != null
                    && f.entries().get("key").value() instanceof YamlNode.Scalar key) {
                keys.add(key.text().strip());
            } else {
                keys.add("");
            }
        }
        return keys;
    }

    /** The items of a top-level list field of a file's tree (none when it has no such list). */
    private static List<YamlNode> items(YamlNode tree, String field) {
        if (tree instanceof YamlNode.Mapping m
                && m.entries().get(field) != null
                && m.entries().get(field).value() instanceof YamlNode.Sequence seq) {
            return seq.items();
        }
        return List.of();
    }

    /**
     * One shelf's part in a vocabulary's translation: the keys its own English file gives (none
     * without one), and its overlay (empty without one) with the English file it translates (its
     * own, else the bundled one).
     */
    private record Overlaid(String name, List<String> ownEnglish, YamlNode english, Optional<YamlNode> overlay) {}

    /** Each shelf's English {@code <base>.yaml} keys and {@code <base>.<tag>.yaml}, lowest shelf first. */
    private List<Overlaid> overlays(String base, String tag) {
        List<Overlaid> all = new ArrayList<>();
        if (!Translation.TAG.matcher(tag).matches()) return all;
        SheetFile bundledEnglish = shelves.vocabularies(base + ".yaml").get(0);
        for (Shelf shelf : shelves.lowestFirst()) {
            Optional<SheetFile> own = shelf.vocabulary(base + ".yaml");
            List<String> ownKeys = own.map(f -> keys(reader.tree(f), base)).orElse(List.of());
            Optional<SheetFile> overlay = shelf.vocabulary(base + "." + tag + ".yaml");
            if (overlay.isEmpty()) {
                all.add(new Overlaid("", ownKeys, new YamlNode.Mapping(Map.of(), 0), Optional.empty()));
                continue;
            }
            SheetFile english = own.orElse(bundledEnglish);
            all.add(new Overlaid(
                    overlay.get().name(), ownKeys, reader.tree(english), Optional.of(reader.tree(overlay.get()))));
        }
        return all;
    }
}
