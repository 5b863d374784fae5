package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;

/**
 * Every sheet the tool can see: site shelves first (later folders win), the bundled data last.
 * Finds a sheet by name and loads it whole, with its class, or fails with a located error.
 *
 * <p>Loaded sheets are kept, each with the stamp of the file it came from, and reloaded when the
 * file changes; so one formulary can serve a whole shell session.
 */
public final class Formulary {
    private final List<Shelf> shelves;
    private final Map<String, Kept<DrugSheet>> drugs = new HashMap<>();
    private final Map<String, Kept<ClassSheet>> classes = new HashMap<>();
    private Kept<Facts> facts;
    private Kept<Map<String, String>> names;

    /** A value and the stamps of the files it was made from. */
    private record Kept<T>(T value, String stamp) {}

    /** {@code shelves} in order of priority, highest first. */
    public Formulary(List<Shelf> shelves) {
        this.shelves = List.copyOf(shelves);
    }

    /** The bundled sheets overlaid by site folders; a later site folder wins over an earlier one. */
    public static Formulary withSites(List<Shelf> sitesLowestFirst) {
        List<Shelf> all = new ArrayList<>(sitesLowestFirst);
        Collections.reverse(all);
        all.add(new BundledShelf());
        return new Formulary(all);
    }

    /** Ids of every drug sheet, sorted. */
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
    public Facts facts() {
        List<SheetFile> files = new ArrayList<>();
        shelves.forEach(s -> s.facts().ifPresent(files::add));
        if (files.isEmpty()) {
            throw new SheetException("facts.yaml", 0, "no facts.yaml in any data folder");
        }
        Collections.reverse(files);
        String stamp = stamps(files);
        if (facts == null || !facts.stamp().equals(stamp)) {
            Map<String, Sheets.Fact> merged = new LinkedHashMap<>();
            for (SheetFile file : files) {
                merged.putAll(SheetLoader.facts(file.name(), file.bytes()).byKey());
            }
            facts = new Kept<>(new Facts(merged), stamp);
        }
        return facts.value();
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
        Map<String, String> index = nameIndex();
        String id = index.get(key);
        if (id != null) {
            return id;
        }
        Set<String> candidates = new LinkedHashSet<>(drugIds());
        candidates.addAll(index.keySet());
        List<String> close = Names.closest(key, candidates).stream()
                .map(c -> display(index.getOrDefault(c, c), c)).distinct().toList();
        throw new UnknownDrugException(name, close);
    }

    /** Every name a drug can be asked for by: ids and lower-case brand and generic names. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(drugIds());
        all.addAll(nameIndex().keySet());
        return all;
    }

    /** The sheet for {@code id} with its class. */
    public Drug drug(String id) {
        DrugSheet sheet = loadDrug(id);
        return new Drug(sheet, sheet.drugClass().map(this::drugClass));
    }

    /** A drug sheet on its own, without its class (for listing and the name index). */
    public DrugSheet loadDrug(String id) {
        SheetFile file = find(Kind.DRUG, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        Kept<DrugSheet> kept = drugs.get(id);
        if (kept == null || !kept.stamp().equals(file.stamp())) {
            kept = new Kept<>(SheetLoader.drug(file.name(), file.bytes(), id, references()), file.stamp());
            drugs.put(id, kept);
        }
        return kept.value();
    }

    /** The class sheet for {@code id}. */
    public ClassSheet drugClass(String id) {
        SheetFile file = find(Kind.CLASS, id)
                .orElseThrow(() -> new SheetException("classes/" + id + ".yaml", 0, "no such class sheet"));
        Kept<ClassSheet> kept = classes.get(id);
        if (kept == null || !kept.stamp().equals(file.stamp())) {
            kept = new Kept<>(SheetLoader.drugClass(file.name(), file.bytes(), id, references()), file.stamp());
            classes.put(id, kept);
        }
        return kept.value();
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

    private References references() {
        return new References(facts(), classIds());
    }

    /** Lower-case generic and brand names to ids; sheets that fail to load are left out here. */
    private Map<String, String> nameIndex() {
        List<SheetFile> files = new ArrayList<>();
        for (String id : drugIds()) {
            find(Kind.DRUG, id).ifPresent(files::add);
        }
        String stamp = stamps(files);
        if (names == null || !names.stamp().equals(stamp)) {
            Map<String, String> map = new HashMap<>();
            for (String id : drugIds()) {
                try {
                    DrugSheet sheet = loadDrug(id);
                    map.putIfAbsent(sheet.name().toLowerCase(Locale.ROOT), id);
                    sheet.brands().forEach(b -> map.putIfAbsent(b.toLowerCase(Locale.ROOT), id));
                } catch (SheetException e) {
                    // A broken sheet only affects commands that need it; it is found by its id alone.
                }
            }
            names = new Kept<>(map, stamp);
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
