package org.medcounsel.sheet;

import java.util.ArrayList;
import java.util.HashMap;
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
 */
public final class Formulary {
    private final List<Shelf> shelves;
    private Facts facts;
    private Set<String> classIds;
    private Map<String, String> names;
    private final Map<String, Drug> drugs = new HashMap<>();
    private final Map<String, ClassSheet> classes = new HashMap<>();

    /** {@code shelves} in order of priority, highest first. */
    public Formulary(List<Shelf> shelves) {
        this.shelves = List.copyOf(shelves);
    }

    /** The bundled sheets overlaid by site folders; a later site folder wins over an earlier one. */
    public static Formulary withSites(List<Shelf> sitesLowestFirst) {
        List<Shelf> all = new ArrayList<>(sitesLowestFirst);
        java.util.Collections.reverse(all);
        all.add(new BundledShelf());
        return new Formulary(all);
    }

    /** Ids of every drug sheet, sorted. */
    public SortedSet<String> drugIds() {
        SortedSet<String> ids = new TreeSet<>();
        shelves.forEach(s -> ids.addAll(s.ids(Kind.DRUG)));
        return ids;
    }

    /**
     * The patient-fact vocabulary: every shelf's {@code facts.yaml} merged, so a site can add facts
     * or reword a question; a fact in a higher shelf replaces the one with the same key.
     */
    public Facts facts() {
        if (facts == null) {
            Map<String, Sheets.Fact> merged = new java.util.LinkedHashMap<>();
            List<SheetFile> files = shelves.stream().map(Shelf::facts).flatMap(Optional::stream)
                    .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
            if (files.isEmpty()) {
                throw new SheetException("facts.yaml", 0, "no facts.yaml in any data folder");
            }
            java.util.Collections.reverse(files);
            for (SheetFile file : files) {
                merged.putAll(SheetLoader.facts(file.name(), file.bytes()).byKey());
            }
            facts = new Facts(merged);
        }
        return facts;
    }

    /**
     * The id of the drug a user means by {@code name}: a generic or brand name in any case.
     *
     * @throws UnknownDrugException with suggestions when nothing matches
     */
    public String resolve(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (FolderShelf.ID.matcher(key).matches() && drugIds().contains(key)) {
            return key;
        }
        String id = names().get(key);
        if (id != null) {
            return id;
        }
        Set<String> candidates = new LinkedHashSet<>(drugIds());
        candidates.addAll(names().keySet());
        List<String> close = Names.closest(key, candidates).stream()
                .map(c -> display(names().getOrDefault(c, c), c)).distinct().toList();
        throw new UnknownDrugException(name, close);
    }

    /** The sheet for {@code id} with its class, loaded once. */
    public Drug drug(String id) {
        Drug drug = drugs.get(id);
        if (drug == null) {
            DrugSheet sheet = loadDrug(id);
            Optional<ClassSheet> drugClass = sheet.drugClass().map(this::drugClass);
            drug = new Drug(sheet, drugClass);
            drugs.put(id, drug);
        }
        return drug;
    }

    /** A drug sheet on its own, without its class (for listing and the name index). */
    public DrugSheet loadDrug(String id) {
        Drug loaded = drugs.get(id);
        if (loaded != null) {
            return loaded.sheet();
        }
        SheetFile file = find(Kind.DRUG, id)
                .orElseThrow(() -> new UnknownDrugException(id, List.of()));
        return SheetLoader.drug(file.name(), file.bytes(), id, references());
    }

    /** The class sheet for {@code id}. */
    public ClassSheet drugClass(String id) {
        ClassSheet sheet = classes.get(id);
        if (sheet == null) {
            SheetFile file = find(Kind.CLASS, id)
                    .orElseThrow(() -> new SheetException("classes/" + id + ".yaml", 0, "no such class sheet"));
            sheet = SheetLoader.drugClass(file.name(), file.bytes(), id, references());
            classes.put(id, sheet);
        }
        return sheet;
    }

    /** Ids of every class sheet, sorted. */
    public SortedSet<String> classIds() {
        SortedSet<String> ids = new TreeSet<>();
        shelves.forEach(s -> ids.addAll(s.ids(Kind.CLASS)));
        return ids;
    }

    /** The file a sheet of {@code kind} is read from: the highest shelf that has it. */
    public Optional<SheetFile> find(Kind kind, String id) {
        for (Shelf shelf : shelves) {
            if (shelf.ids(kind).contains(id)) {
                return shelf.sheet(kind, id);
            }
        }
        return Optional.empty();
    }

    private References references() {
        if (classIds == null) {
            classIds = classIds();
        }
        return new References(facts(), classIds);
    }

    /** Lower-case generic and brand names to ids; sheets that fail to load are left out here. */
    private Map<String, String> names() {
        if (names == null) {
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
            names = map;
        }
        return names;
    }

    private static String display(String id, String matched) {
        return matched.equals(id) ? id : matched + " (" + id + ")";
    }
}
