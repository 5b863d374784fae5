package org.medcounsel.sheet;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.atomic.AtomicBoolean;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * Every sheet the tool can see: site shelves first (later folders win), the bundled data last.
 * Finds a sheet by name and loads it whole, with its class, or fails with a located error.
 *
 * <p>A façade over the parts that do the work, each of which a caller that needs only it may
 * take: {@link Shelves} (which file each sheet is read from), {@link SheetReader} (trees through
 * the cache folder), {@link Vocabulary} (facts, words, medicines, synonyms, approvals), {@link
 * KeptSheets} (sheets kept while their files are unchanged, so one formulary can serve a whole
 * shell session), {@link Lookup} (names to ids), {@link Translations} and {@link SiteRewordings}.
 */
public final class Formulary {
    private final Shelves shelves;
    private final SheetReader reader;
    private final Vocabulary vocabulary;
    private final KeptSheets sheets;
    private final Lookup lookup;
    private final Translations translations;
    private final SiteRewordings rewordings;
    private final AtomicBoolean noted = new AtomicBoolean();

    /**
     * {@code shelves} in order of priority, highest first; {@code cacheDir} keeps the name indexes
     * between runs (empty: build them in memory each run).
     */
    public Formulary(List<Shelf> shelves, Optional<Path> cacheDir) {
        // Each part uses only the parts made before it, so their locks are always taken in this
        // order and two threads can never wait on each other.
        this.shelves = new Shelves(shelves);
        this.reader = new SheetReader(this.shelves, cacheDir);
        this.vocabulary = new Vocabulary(this.shelves, reader);
        this.sheets = new KeptSheets(this.shelves, reader, vocabulary);
        this.lookup = new Lookup(this.shelves, reader, sheets);
        this.translations = new Translations(this.shelves, reader, vocabulary, sheets);
        this.rewordings = new SiteRewordings(this.shelves, reader, sheets);
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

    /**
     * True the first time it is asked: a note about these sheets is said once per formulary, so
     * once per run, and once per shell session for each set of folders.
     */
    public boolean firstNote() {
        return !noted.getAndSet(true);
    }

    // The parts, for a caller that needs only one.

    public Shelves shelves() {
        return shelves;
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    public Translations translations() {
        return translations;
    }

    // Shelves: which file each sheet is read from.

    public List<Shelves.Replacement> replacements() {
        return shelves.replacements();
    }

    public List<FolderShelf> folders() {
        return shelves.folders();
    }

    public SortedSet<String> bundledIds(Kind kind) {
        return shelves.bundledIds(kind);
    }

    public SortedSet<String> drugIds() {
        return shelves.drugIds();
    }

    public SortedSet<String> classIds() {
        return shelves.classIds();
    }

    public Map<String, String> siteFolders(Kind kind) {
        return shelves.siteFolders(kind);
    }

    public List<Shelves.Summary> summary() {
        return shelves.summary();
    }

    public Optional<SheetFile> find(Kind kind, String id) {
        return shelves.find(kind, id);
    }

    public SortedSet<String> languages(Kind kind, String id) {
        return shelves.languages(kind, id);
    }

    // Vocabulary and what sites reword.

    public Facts facts() {
        return vocabulary.facts();
    }

    public Words words() {
        return vocabulary.words();
    }

    public Map<String, Approval> approvals() {
        return vocabulary.approvals();
    }

    public Optional<Approval> approval(Drug drug) {
        return vocabulary.approval(drug);
    }

    public Medicines medicines() {
        return vocabulary.medicines();
    }

    public Synonyms synonyms() {
        return vocabulary.synonyms();
    }

    public List<SiteRewordings.Rewording> rewordings() {
        return rewordings.rewordings();
    }

    // Lookup: names to ids.

    public String resolve(String name) {
        return lookup.resolve(name);
    }

    public void reindex() {
        lookup.reindex();
    }

    public Set<String> names() {
        return lookup.names();
    }

    public Collection<DrugName> spelledNames() {
        return lookup.spelledNames();
    }

    public SortedSet<String> mayMention(Kind kind, List<List<String>> terms) {
        return lookup.mayMention(kind, terms);
    }

    // Sheets, kept while their files are unchanged, and their source text.

    public Drug drug(String id) {
        return sheets.drug(id);
    }

    public Drug drugOnce(String id) {
        return sheets.drugOnce(id);
    }

    public DrugSheet loadDrug(String id) {
        return sheets.loadDrug(id);
    }

    public ClassSheet drugClass(String id) {
        return sheets.drugClass(id);
    }

    public byte[] sourceBytes(Kind kind, String id) {
        return reader.sourceBytes(kind, id);
    }

    // Translations.

    public Drug drug(String id, String lang) {
        return translations.drug(id, lang);
    }

    public Optional<InLanguage<Words>> words(String tag) {
        return translations.words(tag);
    }

    public Optional<InLanguage<Facts>> facts(String tag) {
        return translations.facts(tag);
    }
}
