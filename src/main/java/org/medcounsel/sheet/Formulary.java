package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * Every sheet the tool can see: site shelves first (later folders win), the bundled data last.
 * Finds a sheet by name and loads it whole, with its class, or fails with a located error.
 *
 * <p>Loaded sheets are kept, each with the stamp of the file it came from, and reloaded when the
 * file changes; so one formulary can serve a whole shell session.
 */
public final class Formulary {
    private final List<Shelf> shelves;
    private final Optional<Path> cacheFolder;
    private Optional<Path> cacheDir;
    private final Map<String, Kept<DrugSheet>> drugs = new ConcurrentHashMap<>();
    private final Map<String, Kept<ClassSheet>> classes = new ConcurrentHashMap<>();
    private Kept<Facts> facts;
    private Kept<Words> words;
    private Kept<Medicines> medicines;
    private Kept<Map<String, Approval>> approvals;
    private Kept<Map<String, Name>> names;
    private Kept<Synonyms> synonyms;

    /** A value and the stamps of the files it was made from. */
    private record Kept<T>(T value, String stamp) {}

    /**
     * {@code shelves} in order of priority, highest first; {@code cacheDir} keeps the name indexes
     * between runs (empty: build them in memory each run).
     */
    public Formulary(List<Shelf> shelves, Optional<Path> cacheDir) {
        this.shelves = List.copyOf(shelves);
        this.cacheFolder = cacheDir;
    }

    /** The bundled sheets overlaid by site folders; a later site folder wins over an earlier one. */
    public static Formulary withSites(List<Shelf> sitesLowestFirst, Optional<Path> cacheDir) {
        List<Shelf> all = new ArrayList<>(sitesLowestFirst);
        Collections.reverse(all);
        all.add(new BundledShelf());
        return new Formulary(all, cacheDir);
    }

    /** As {@link #withSites(List, Optional)}, without a cache folder. */
    public static Formulary withSites(List<Shelf> sitesLowestFirst) {
        return withSites(sitesLowestFirst, Optional.empty());
    }

    /** A bundled sheet that a site folder's sheet of the same id is used instead of. */
    public record Replacement(String folder, Kind kind, String id) {}

    /**
     * The bundled sheets a site folder replaces, each with the folder (as the user named it)
     * whose sheet is used: drug sheets first, then class sheets, each in id order. Empty without
     * site folders, at no cost.
     */
    public List<Replacement> replacements() {
        List<Replacement> replaced = new ArrayList<>();
        if (shelves.size() < 2 || bundled().isEmpty()) {
            return replaced;
        }
        for (Kind kind : Kind.values()) {
            SortedSet<String> bundledIds = bundled().get().ids(kind);
            SortedSet<String> done = new TreeSet<>();
            for (Shelf shelf : shelves) { // highest first: the folder whose sheet is used
                if (!(shelf instanceof FolderShelf folder)) continue;
                for (String id : shelf.ids(kind)) {
                    if (bundledIds.contains(id) && done.add(id)) {
                        replaced.add(new Replacement(folder.shownAs(), kind, id));
                    }
                }
            }
        }
        replaced.sort(Comparator.comparing(Replacement::kind).thenComparing(Replacement::id));
        return replaced;
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
     * replaced sheet's rules (by the facts they ask about). Allowed, never silent: each can turn
     * what a patient reads against what the rules decide.
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
     * then advice in the order of {@link #replacements()}. Empty without site folders.
     *
     * @throws SheetException when a facts or words file cannot be read (a sheet that cannot be
     *     read is left out: it is reported where it is used)
     */
    public synchronized List<Rewording> rewordings() {
        List<Rewording> all = new ArrayList<>();
        if (folders().isEmpty()) return all;
        List<Shelf> lowestFirst = new ArrayList<>(shelves);
        Collections.reverse(lowestFirst);
        Map<String, String> questions = new HashMap<>();
        for (Shelf shelf : lowestFirst) {
            Optional<SheetFile> file = shelf.vocabulary("facts.yaml");
            if (file.isEmpty()) continue;
            List<String> keys = new ArrayList<>();
            for (Sheets.Fact f : SheetLoader.facts(file.get().name(), tree(file.get()))
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
            for (Map.Entry<Word, String> given : SheetLoader.words(file.get().name(), tree(file.get()), verdictNames)
                    .entrySet()) {
                String before = words.put(given.getKey(), given.getValue());
                if (before != null && !before.equals(given.getValue()) && verdictNames.containsKey(given.getKey())) {
                    keys.add(given.getKey().key());
                }
            }
            if (verdictNames.isEmpty()) verdictNames = SheetLoader.verdictNames(words);
            reworded(all, shelf, file.get(), Reworded.VERDICT_WORDS, "", keys);
        }
        for (Replacement r : replacements()) {
            try {
                SheetFile bundled = bundledSheet(r.kind(), r.id()).orElseThrow();
                SheetFile site = find(r.kind(), r.id()).orElseThrow();
                List<Sheets.Rule> before = r.kind() == Kind.DRUG
                        ? SheetLoader.drug(bundled.name(), bundled.tree(), r.id(), references())
                                .screening()
                        : SheetLoader.drugClass(bundled.name(), bundled.tree(), r.id(), references())
                                .screening();
                List<Sheets.Rule> after = r.kind() == Kind.DRUG
                        ? loadDrug(r.id()).screening()
                        : drugClass(r.id()).screening();
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

    private final AtomicBoolean noted = new AtomicBoolean();

    /**
     * True the first time it is asked: a note about these sheets is said once per formulary, so
     * once per run, and once per shell session for each set of folders.
     */
    public boolean firstNote() {
        return !noted.getAndSet(true);
    }

    /** The site folders, lowest priority first (as they were named: MEDCOUNSEL_DATA, then --data). */
    public List<FolderShelf> folders() {
        List<FolderShelf> folders = new ArrayList<>();
        for (Shelf shelf : shelves) {
            if (shelf instanceof FolderShelf f) folders.add(0, f);
        }
        return folders;
    }

    /** The bundled shelf, always the lowest. */
    private Optional<Shelf> bundled() {
        Shelf last = shelves.isEmpty() ? null : shelves.get(shelves.size() - 1);
        return last instanceof BundledShelf ? Optional.of(last) : Optional.empty();
    }

    /** Ids of the bundled sheets of {@code kind}, whatever replaces them. */
    public SortedSet<String> bundledIds(Kind kind) {
        return bundled().map(b -> b.ids(kind)).orElseGet(TreeSet::new);
    }

    /** The bundled sheet for {@code id}, whatever replaces it. */
    public Optional<SheetFile> bundledSheet(Kind kind, String id) {
        return bundled().flatMap(b -> b.sheet(kind, id));
    }

    /** Every shelf's copy of a vocabulary file ({@code facts.yaml}...), the bundled one first. */
    public List<SheetFile> vocabularyFiles(String name) {
        List<SheetFile> files = new ArrayList<>();
        shelves.forEach(s -> s.vocabulary(name).ifPresent(files::add));
        Collections.reverse(files);
        return files;
    }

    public SortedSet<String> drugIds() {
        SortedSet<String> ids = new TreeSet<>();
        shelves.forEach(s -> ids.addAll(s.ids(Kind.DRUG)));
        return ids;
    }

    /** Ids of every class sheet, sorted. */
    public SortedSet<String> classIds() {
        SortedSet<String> ids = new TreeSet<>();
        shelves.forEach(s -> ids.addAll(s.ids(Kind.CLASS)));
        return ids;
    }

    /**
     * The patient-fact vocabulary: every shelf's {@code facts.yaml} merged, so a site can add facts
     * or reword a question; a fact in a higher shelf replaces the one with the same key.
     */
    public synchronized Facts facts() {
        List<SheetFile> files = vocabularies("facts.yaml");
        String stamp = stamps(files);
        if (facts == null || !facts.stamp().equals(stamp)) {
            Map<String, Sheets.Fact> merged = new LinkedHashMap<>();
            for (SheetFile file : files) {
                for (Sheets.Fact fact :
                        SheetLoader.facts(file.name(), tree(file)).byKey().values()) {
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
            facts = new Kept<>(new Facts(merged), stamp);
        }
        return facts.value();
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
        List<SheetFile> files = vocabularies("words.yaml");
        String stamp = stamps(files);
        if (words == null || !words.stamp().equals(stamp)) {
            Map<Word, String> merged = new EnumMap<>(Word.class);
            Map<Word, String> verdictNames = Map.of();
            for (SheetFile file : files) {
                merged.putAll(SheetLoader.words(file.name(), tree(file), verdictNames));
                if (verdictNames.isEmpty()) verdictNames = SheetLoader.verdictNames(merged);
            }
            for (Word word : Word.values()) {
                if (!merged.containsKey(word)) {
                    throw new SheetException(files.get(0).name(), 0, "no words for '" + word.key() + "'");
                }
            }
            words = new Kept<>(new Words(merged), stamp);
        }
        return words.value();
    }

    /**
     * The approvals the site folders record, by drug id (a higher folder's wins). The bundled
     * data is never asked: nobody approved it for any particular site.
     */
    public synchronized Map<String, Approval> approvals() {
        List<SheetFile> files = new ArrayList<>();
        shelves.stream().filter(s -> !(s instanceof BundledShelf)).forEach(s -> s.vocabulary("approvals.yaml")
                .ifPresent(files::add));
        Collections.reverse(files);
        String stamp = stamps(files);
        if (approvals == null || !approvals.stamp().equals(stamp)) {
            Map<String, Approval> all = new LinkedHashMap<>();
            for (SheetFile file : files) {
                SheetLoader.approvals(file.name(), tree(file), all);
            }
            approvals = new Kept<>(Collections.unmodifiableMap(all), stamp);
        }
        return approvals.value();
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
        List<SheetFile> files = new ArrayList<>();
        shelves.forEach(s -> s.vocabulary("medicines.yaml").ifPresent(files::add));
        Collections.reverse(files);
        String stamp = stamps(files);
        if (medicines == null || !medicines.stamp().equals(stamp)) {
            Map<String, Medicines.Medicine> all = new LinkedHashMap<>();
            Map<String, List<String>> names = new LinkedHashMap<>();
            Map<String, Medicines.Group> groups = new LinkedHashMap<>();
            Map<String, String> definedIn = new HashMap<>();
            for (SheetFile file : files) {
                SheetLoader.medicines(file.name(), tree(file), all, names, groups, definedIn);
            }
            medicines = new Kept<>(Medicines.of(List.copyOf(all.values()), names, groups), stamp);
        }
        return medicines.value();
    }

    /**
     * The synonym groups: the bundled {@code synonyms.yaml} and every site's groups added to it.
     * A data folder set without any synonyms file has none.
     */
    public synchronized Synonyms synonyms() {
        List<SheetFile> files = vocabularyFiles("synonyms.yaml");
        String stamp = stamps(files);
        if (synonyms == null || !synonyms.stamp().equals(stamp)) {
            List<List<String>> groups = new ArrayList<>();
            for (SheetFile file : files) {
                SheetLoader.synonyms(file.name(), tree(file), groups);
            }
            synonyms = new Kept<>(new Synonyms(groups), stamp);
        }
        return synonyms.value();
    }

    /**
     * Ids of the sheets of {@code kind} that may mention every term (each a list of alternative
     * lower-case phrases), sorted: a narrowing, from the text index kept in the cache folder, so a
     * search over 10,000 site sheets reads only the few that may match. Read each one to be sure.
     */
    public SortedSet<String> mayMention(Kind kind, List<List<String>> terms) {
        SortedSet<String> ids = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (Shelf shelf : shelves) { // highest first: a sheet another shelf hides is not asked
            Optional<Path> dir = shelf instanceof FolderShelf ? cacheDir() : Optional.empty();
            TextIndex.of(shelf, kind, dir).forEach((id, words) -> {
                if (seen.add(id) && TextIndex.mayHold(words, terms)) ids.add(id);
            });
        }
        return ids;
    }

    /**
     * Where each site sheet of {@code kind} comes from: the folder (as the user named it) of the
     * highest shelf that has it. A sheet not in the map is bundled. Folder listings only.
     */
    public Map<String, String> siteFolders(Kind kind) {
        Map<String, String> from = new HashMap<>();
        for (Shelf shelf : shelves) { // highest first
            if (shelf instanceof FolderShelf folder) {
                for (String id : shelf.ids(kind)) from.putIfAbsent(id, folder.shownAs());
            }
        }
        return from;
    }

    /** Every shelf's copy of a vocabulary file, lowest shelf (the bundled one) first. */
    private List<SheetFile> vocabularies(String name) {
        List<SheetFile> files = new ArrayList<>();
        shelves.forEach(s -> s.vocabulary(name).ifPresent(files::add));
        if (files.isEmpty()) {
            throw new SheetException(name, 0, "no " + name + " in any data folder");
        }
        Collections.reverse(files);
        return files;
    }

    /**
     * The id of the drug a user means by {@code name}: a generic or brand name in any case. A
     * name is only ever looked up, never used as a path.
     *
     * @throws UnknownDrugException with suggestions when nothing matches
     */
    public String resolve(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (FolderShelf.ID.matcher(key).matches() && find(Kind.DRUG, key).isPresent()) {
            return key;
        }
        Map<String, Name> index = nameIndex(false);
        String id = idOf(index, key);
        if (id != null && !answersTo(id, key)) {
            // The cached index is stale (a sheet edited in place): rebuild it and look again.
            index = nameIndex(true);
            id = idOf(index, key);
        }
        if (id != null) {
            return id;
        }
        Map<String, String> known = new HashMap<>();
        index.forEach((lower, n) -> known.put(lower, n.id()));
        Set<String> candidates = new LinkedHashSet<>(drugIds());
        candidates.addAll(known.keySet());
        List<String> close = Names.closest(key, candidates).stream()
                .map(c -> display(known.getOrDefault(c, c), c))
                .distinct()
                .toList();
        throw new UnknownDrugException(name, close);
    }

    private static String idOf(Map<String, Name> index, String key) {
        Name n = index.get(key);
        return n == null ? null : n.id();
    }

    /** Rebuilds the cached name indexes from the sheets themselves (the linter does this). */
    public void reindex() {
        nameIndex(true);
    }

    /** Every name a drug can be asked for by: ids and lower-case brand and generic names. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(drugIds());
        all.addAll(nameIndex(false).keySet());
        return all;
    }

    /**
     * One shelf's sheets, for {@code --version}: where they are (the folder as given, and why it
     * is read, or "" for the bundled ones), how many drug and class sheets, the oldest and
     * newest review dates among them (null when none says), and how many of its drug sheets it
     * has a translation of, by language (from file names).
     */
    public record ShelfSummary(
            String folder,
            String origin,
            int drugs,
            int classes,
            LocalDate oldest,
            LocalDate newest,
            SortedMap<String, Integer> translations) {}

    /**
     * Each shelf's summary, the bundled sheets first. Only each sheet's {@code reviewed} date is
     * read; a sheet that cannot be read is counted, with no date.
     */
    public List<ShelfSummary> summary() {
        List<ShelfSummary> all = new ArrayList<>();
        List<Shelf> lowestFirst = new ArrayList<>(shelves);
        Collections.reverse(lowestFirst);
        for (Shelf shelf : lowestFirst) {
            LocalDate oldest = null;
            LocalDate newest = null;
            for (Kind kind : Kind.values()) {
                for (String id : shelf.ids(kind)) {
                    LocalDate reviewed = reviewed(shelf, kind, id);
                    if (reviewed == null) continue;
                    if (oldest == null || reviewed.isBefore(oldest)) oldest = reviewed;
                    if (newest == null || reviewed.isAfter(newest)) newest = reviewed;
                }
            }
            SortedMap<String, Integer> translations = new TreeMap<>();
            for (String id : shelf.ids(Kind.DRUG)) {
                shelf.languages(Kind.DRUG, id).forEach(l -> translations.merge(l, 1, Integer::sum));
            }
            String folder = shelf instanceof FolderShelf f ? f.shownAs() : "";
            String origin = shelf instanceof FolderShelf f ? f.origin() : "";
            all.add(new ShelfSummary(
                    folder,
                    origin,
                    shelf.ids(Kind.DRUG).size(),
                    shelf.ids(Kind.CLASS).size(),
                    oldest,
                    newest,
                    translations));
        }
        return all;
    }

    private static LocalDate reviewed(Shelf shelf, Kind kind, String id) {
        try {
            Optional<SheetFile> file = shelf.sheet(kind, id);
            if (file.isPresent()
                    && file.get().tree() instanceof YamlNode.Mapping m
                    && m.entries().get("reviewed") != null
                    && m.entries().get("reviewed").value() instanceof YamlNode.Scalar date) {
                return LocalDate.parse(date.text().strip());
            }
        } catch (RuntimeException unreadable) {
            // Counted, with no date: check says why.
        }
        return null;
    }

    /** A drug's generic or brand name as its sheet spells it, the drug's id, and which of the two it is. */
    public record Name(String spelled, String id, boolean generic) {}

    /**
     * Every generic and brand name as the sheets spell them (a higher shelf's wins), from the name
     * indexes: for completion, which offers "Olumiant" as printed on the pack.
     */
    public Collection<Name> spelledNames() {
        return nameIndex(false).values();
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
        Drug english = drug(id);
        if (Language.isEnglish(lang)) {
            return english.in(Language.english(lang));
        }
        String tag = Language.candidates(lang).stream()
                .filter(t -> translationFile(Kind.DRUG, id, t).isPresent())
                .findFirst()
                .orElse(null);
        String name = Language.named(lang);
        if (tag == null) {
            return english.in(Language.fallback(lang, "there is no " + name + " translation of " + id));
        }
        Translation drug = translation(Kind.DRUG, id, tag);
        if (!drug.complete()) {
            return english.in(Language.fallback(lang, incomplete(name, id, drug)));
        }
        boolean stale = drug.staleFor(tree(find(Kind.DRUG, id).orElseThrow()));
        Optional<ClassSheet> drugClass = Optional.empty();
        if (english.drugClass().isPresent()) {
            String classId = english.drugClass().get().id();
            if (translationFile(Kind.CLASS, classId, tag).isEmpty()) {
                return english.in(Language.fallback(
                        lang, "there is no " + name + " translation of " + classId + ", the class sheet of " + id));
            }
            Translation cls = translation(Kind.CLASS, classId, tag);
            if (!cls.complete()) {
                return english.in(Language.fallback(lang, incomplete(name, classId, cls)));
            }
            stale |= cls.staleFor(tree(find(Kind.CLASS, classId).orElseThrow()));
            drugClass = Optional.of(SheetLoader.drugClass(
                    find(Kind.CLASS, classId).orElseThrow().name(), cls.tree(), classId, references()));
        }
        Optional<InLanguage<Words>> words = words(tag);
        if (words.isEmpty()) {
            return english.in(Language.fallback(lang, "the interface words have no complete " + name + " translation"));
        }
        stale |= words.get().stale();
        DrugSheet sheet = SheetLoader.drug(find(Kind.DRUG, id).orElseThrow().name(), drug.tree(), id, references());
        boolean isStale = stale;
        Optional<Approval> approval = Optional.ofNullable(approvals().get(id + "." + tag))
                .filter(a -> !isStale && a.covers(english.reviewed()));
        return new Drug(sheet, drugClass, new Language(lang, tag, drug.by(), stale, approval, ""));
    }

    private static String incomplete(String name, String id, Translation t) {
        return "the " + name + " translation of " + id + " does not translate "
                + t.missing().size() + " text" + (t.missing().size() == 1 ? "" : "s") + " (first: "
                + t.missing().get(0) + ")";
    }

    /** A value in a language other than English, and whether its English source changed since. */
    public record InLanguage<T>(T value, boolean stale) {}

    /**
     * The translation file of a sheet into {@code tag}: the highest shelf's, among the shelf that
     * holds the English sheet in use and those above it. A translation on a lower shelf is of a
     * sheet that a higher one replaces, so it is never used.
     */
    public Optional<SheetFile> translationFile(Kind kind, String id, String tag) {
        for (Shelf shelf : shelvesFor(kind, id)) {
            Optional<SheetFile> file = shelf.translation(kind, id, tag);
            if (file.isPresent()) return file;
        }
        return Optional.empty();
    }

    /** The shelves, highest first, down to the one whose sheet of {@code kind} and {@code id} is used. */
    private List<Shelf> shelvesFor(Kind kind, String id) {
        List<Shelf> upTo = new ArrayList<>();
        for (Shelf shelf : shelves) {
            upTo.add(shelf);
            if (shelf.sheet(kind, id).isPresent()) break;
        }
        return upTo;
    }

    /**
     * A sheet's translation into {@code tag} put over its English sheet (both the highest
     * shelf's).
     *
     * @throws SheetException at the first thing wrong with the translation file
     */
    public Translation translation(Kind kind, String id, String tag) {
        SheetFile file = translationFile(kind, id, tag).orElseThrow();
        SheetFile english = find(kind, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        Translation t = Translation.apply(
                kind == Kind.DRUG ? SheetShapes.DRUG : SheetShapes.CLASS,
                tree(english),
                tree(file),
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

    /** Every language some shelf has a translation of the sheet into, sorted. */
    public SortedSet<String> languages(Kind kind, String id) {
        SortedSet<String> all = new TreeSet<>();
        shelvesFor(kind, id).forEach(s -> all.addAll(s.languages(kind, id)));
        return all;
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
            if (o.overlay() == null) continue;
            Translation t = Translation.apply(SheetShapes.WORDS, o.english(), o.overlay(), o.name(), tag, true);
            failOn(t);
            layers.stale |= t.staleFor(o.english());
            Map<Word, String> all = SheetLoader.words(o.name(), t.tree());
            for (Word word : Word.values()) {
                if (keys(o.overlay(), "words").contains(word.key())) {
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
        Facts english = facts();
        Map<String, String> questions = new HashMap<>();
        Layers layers = new Layers();
        for (Overlaid o : overlays("facts", tag)) {
            layers.english(o.ownEnglish());
            if (o.overlay() == null) continue;
            Translation t = Translation.apply(SheetShapes.FACTS, o.english(), o.overlay(), o.name(), tag, false);
            failOn(t);
            layers.stale |= t.staleFor(o.english());
            Map<String, Sheets.Fact> translated =
                    SheetLoader.facts(o.name(), t.tree()).byKey();
            List<YamlNode> items = items(o.overlay(), "facts");
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
        List<Shelf> lowestFirst = new ArrayList<>(shelves);
        Collections.reverse(lowestFirst);
        SheetFile bundledEnglish = vocabularies(base + ".yaml").get(0);
        for (Shelf shelf : lowestFirst) {
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
            if (o.overlay() == null) continue;
            if (base.equals("words")) {
                given.addAll(keys(o.overlay(), "words"));
                continue;
            }
            List<YamlNode> items = items(o.overlay(), "facts");
            List<String> keys = keys(o.english(), "facts");
            for (int i = 0; i < items.size() && i < keys.size(); i++) {
                if (items.get(i) instanceof YamlNode.Mapping f && f.entries().containsKey("question")) {
                    given.add(keys.get(i));
                }
            }
        }
        List<String> english = base.equals("words")
                ? Arrays.stream(Word.values()).map(Word::key).toList()
                : List.copyOf(facts().byKey().keySet());
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
     * without one), and its overlay (null without one) with the English file it translates (its
     * own, else the bundled one).
     */
    private record Overlaid(String name, List<String> ownEnglish, YamlNode english, YamlNode overlay) {}

    /** Each shelf's English {@code <base>.yaml} keys and {@code <base>.<tag>.yaml}, lowest shelf first. */
    private List<Overlaid> overlays(String base, String tag) {
        List<Overlaid> all = new ArrayList<>();
        if (!Translation.TAG.matcher(tag).matches()) return all;
        List<Shelf> lowestFirst = new ArrayList<>(shelves);
        Collections.reverse(lowestFirst);
        SheetFile bundledEnglish = vocabularies(base + ".yaml").get(0);
        for (Shelf shelf : lowestFirst) {
            Optional<SheetFile> own = shelf.vocabulary(base + ".yaml");
            List<String> ownKeys = own.map(f -> keys(tree(f), base)).orElse(List.of());
            Optional<SheetFile> overlay = shelf.vocabulary(base + "." + tag + ".yaml");
            if (overlay.isEmpty()) {
                all.add(new Overlaid("", ownKeys, null, null));
                continue;
            }
            SheetFile english = own.orElse(bundledEnglish);
            all.add(new Overlaid(overlay.get().name(), ownKeys, tree(english), tree(overlay.get())));
        }
        return all;
    }

    /** The sheet for {@code id} with its class. */
    public Drug drug(String id) {
        DrugSheet sheet = loadDrug(id);
        return new Drug(sheet, sheet.drugClass().map(this::drugClass));
    }

    /**
     * The sheet for {@code id} with its class, read without keeping the drug sheet or packing it
     * into the cache folder: for passes over a whole formulary (leaflet, list), whose memory and
     * cache must not grow with the number of sheets.
     */
    public Drug drugOnce(String id) {
        Kept<DrugSheet> kept = drugs.get(id);
        SheetFile file = find(Kind.DRUG, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        DrugSheet sheet = kept != null && kept.stamp().equals(file.stamp())
                ? kept.value()
                : SheetLoader.drug(file.name(), file.tree(), id, references());
        return new Drug(sheet, sheet.drugClass().map(this::drugClass));
    }

    /** A drug sheet on its own, without its class, kept for the next ask. */
    public DrugSheet loadDrug(String id) {
        SheetFile file = find(Kind.DRUG, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        return kept(drugs, id, file, () -> SheetLoader.drug(file.name(), tree(file), id, references()));
    }

    /** The class sheet for {@code id}, kept for the next ask. */
    public ClassSheet drugClass(String id) {
        SheetFile file = find(Kind.CLASS, id)
                .orElseThrow(() -> new SheetException("classes/" + id + ".yaml", 0, "no such class sheet"));
        return kept(classes, id, file, () -> SheetLoader.drugClass(file.name(), tree(file), id, references()));
    }

    /** The sheet kept for {@code id} while its file is unchanged; else loaded afresh and kept. */
    private static <T> T kept(Map<String, Kept<T>> kept, String id, SheetFile file, Supplier<T> load) {
        Kept<T> k = kept.get(id);
        if (k == null || !k.stamp().equals(file.stamp())) {
            k = new Kept<>(load.get(), file.stamp());
            kept.put(id, k);
        }
        return k.value();
    }

    /**
     * A sheet's tree, through the cache folder when there is one. Batches over a whole formulary
     * ({@link #drugOnce}) read without it, so they do not write a cache file per sheet.
     */
    private YamlNode tree(SheetFile file) {
        if (file.packed() || file.location().isEmpty()) { // bundled: nothing to keep
            return file.tree();
        }
        Optional<Path> dir = cacheDir();
        return dir.isPresent() ? PackedTree.cached(dir.get(), file) : file.tree();
    }

    /**
     * The cache folder, once it is known to be the user's own: what it holds is believed, so one
     * that others could write is not used. Judged on first need, so a run that reads only bundled
     * sheets by id never asks.
     */
    private synchronized Optional<Path> cacheDir() {
        if (cacheDir == null) {
            cacheDir = cacheFolder.filter(CacheFolder::usable);
        }
        return cacheDir;
    }

    /**
     * A sheet's text as it was written (its YAML, even for a bundled sheet read from the tree
     * packed at build time), for a fingerprint that is the same wherever the sheet is read from.
     */
    public byte[] sourceBytes(Kind kind, String id) {
        SheetFile file = find(kind, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        if (file.packed()) {
            try (InputStream in =
                    Formulary.class.getResourceAsStream("/" + BundledShelf.PREFIX + kind.folder + "/" + id + ".yaml")) {
                if (in != null) return in.readAllBytes();
            } catch (IOException e) {
                throw new SheetException(file.name(), 0, "cannot read: " + e.getMessage());
            }
        }
        return file.bytes();
    }

    /** The file a sheet of {@code kind} is read from: the highest shelf that has it. */
    public Optional<SheetFile> find(Kind kind, String id) {
        for (Shelf shelf : shelves) {
            Optional<SheetFile> file = shelf.sheet(kind, id);
            if (file.isPresent()) {
                return file;
            }
        }
        return Optional.empty();
    }

    /** The facts and class sheets a sheet may refer to; classes are looked up, never listed. */
    private References references() {
        return new References(facts(), id -> find(Kind.CLASS, id).isPresent(), this::classIds);
    }

    /** Whether the sheet {@code id} really has the name {@code key} (the index may be stale). */
    private boolean answersTo(String id, String key) {
        if (find(Kind.DRUG, id).isEmpty()) return false;
        DrugSheet sheet = loadDrug(id);
        return sheet.name().toLowerCase(Locale.ROOT).equals(key)
                || sheet.brands().stream()
                        .anyMatch(b -> b.toLowerCase(Locale.ROOT).equals(key));
    }

    /**
     * Lower-case generic and brand names to ids, from every shelf's name index (a higher shelf's
     * name wins). Kept in memory while the shelves' drug listings are unchanged.
     */
    private synchronized Map<String, Name> nameIndex(boolean rebuild) {
        StringBuilder stamp = new StringBuilder();
        shelves.forEach(s -> stamp.append(s.identity())
                .append('@')
                .append(s.listingStamp(Kind.DRUG))
                .append(';'));
        if (rebuild || names == null || !names.stamp().equals(stamp.toString())) {
            Map<String, Name> map = new HashMap<>();
            List<Shelf> lowestFirst = new ArrayList<>(shelves);
            Collections.reverse(lowestFirst);
            lowestFirst.forEach(s -> map.putAll(NameIndex.of(s, cacheDir(), rebuild)));
            names = new Kept<>(map, stamp.toString());
        }
        return names.value();
    }

    private static String stamps(List<SheetFile> files) {
        StringBuilder b = new StringBuilder();
        files.forEach(f -> b.append(f.name()).append('=').append(f.stamp()).append(';'));
        return b.toString();
    }

    private static String display(String id, String matched) {
        return matched.equals(id) ? id : matched + " (" + id + ")";
    }
}
