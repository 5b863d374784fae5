package org.medcounsel.sheet;

import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * Finds a drug by the name a user types (its id, or a generic or brand name in any case) through
 * every shelf's name index, and the sheets that may mention words through their text indexes;
 * both indexes are kept in the cache folder between runs.
 */
public final class Lookup {
    private final Shelves shelves;
    private final SheetReader reader;
    private final KeptSheets sheets;
    private Optional<Kept<Map<String, DrugName>>> names = Optional.empty();

    /** Looks up the sheets of {@code shelves}, checking a name against the sheet in {@code sheets}. */
    public Lookup(Shelves shelves, SheetReader reader, KeptSheets sheets) {
        this.shelves = shelves;
        this.reader = reader;
        this.sheets = sheets;
    }

    /**
     * The id of the drug a user means by {@code name}: a generic or brand name in any case. A
     * name is only ever looked up, never used as a path.
     *
     * @throws UnknownDrugException with suggestions when nothing matches
     */
    public String resolve(String name) {
        String key = name.strip().toLowerCase(Locale.ROOT);
        if (FolderShelf.ID.matcher(key).matches()
                && shelves.find(Kind.DRUG, key).isPresent()) {
            return key;
        }
        Map<String, DrugName> index = nameIndex(false);
        Optional<String> id = idOf(index, key);
        if (id.isPresent() && !answersTo(id.get(), key)) {
            // The cached index is stale (a sheet edited in place): rebuild it and look again.
            index = nameIndex(true);
            id = idOf(index, key);
        }
        if (id.isPresent()) {
            return id.get();
        }
        Map<String, String> known = new HashMap<>();
        index.forEach((lower, n) -> known.put(lower, n.id()));
        Set<String> candidates = new LinkedHashSet<>(shelves.drugIds());
        candidates.addAll(known.keySet());
        List<String> close = Names.closest(key, candidates).stream()
                .map(c -> display(known.getOrDefault(c, c), c))
                .distinct()
                .toList();
        throw new UnknownDrugException(name, close);
    }

    private static Optional<String> idOf(Map<String, DrugName> index, String key) {
        return Optional.ofNullable(index.get(key)).map(DrugName::id);
    }

    /** Rebuilds the cached name indexes from the sheets themselves (the linter does this). */
    public void reindex() {
        nameIndex(true);
    }

    /** Every name a drug can be asked for by: ids and lower-case brand and generic names. */
    public Set<String> names() {
        Set<String> all = new TreeSet<>(shelves.drugIds());
        all.addAll(nameIndex(false).keySet());
        return all;
    }

    /**
     * Every generic and brand name as the sheets spell them (a higher shelf's wins), from the name
     * indexes: for completion, which offers "Olumiant" as printed on the pack.
     */
    public Collection<DrugName> spelledNames() {
        return nameIndex(false).values();
    }

    /**
     * Ids of the sheets of {@code kind} that may mention every term (each a list of alternative
     * lower-case phrases), sorted: a narrowing, from the text index kept in the cache folder, so a
     * search over 10,000 site sheets reads only the few that may match. Read each one to be sure.
     */
    public SortedSet<String> mayMention(Kind kind, List<List<String>> terms) {
        SortedSet<String> ids = new TreeSet<>();
        Set<String> seen = new HashSet<>();
        for (Shelf shelf : shelves.all()) { // highest first: a sheet another shelf hides is not asked
            Optional<Path> dir = shelf instanceof FolderShelf ? reader.cacheDir() : Optional.empty();
            TextIndex.of(shelf, kind, dir).forEach((id, words) -> {
                if (seen.add(id) && TextIndex.mayHold(words, terms)) ids.add(id);
            });
        }
        return ids;
    }

    /** Whether the sheet {@code id} really has the name {@code key} (the index may be stale). */
    private boolean answersTo(String id, String key) {
        if (shelves.find(Kind.DRUG, id).isEmpty()) return false;
        DrugSheet sheet = sheets.loadDrug(id);
        return sheet.name().toLowerCase(Locale.ROOT).equals(key)
                || sheet.brands().stream()
                        .anyMatch(b -> b.toLowerCase(Locale.ROOT).equals(key));
    }

    /**
     * Lower-case generic and brand names to ids, from every shelf's name index (a higher shelf's
     * name wins). Kept in memory while the shelves' drug listings are unchanged.
     */
    private synchronized Map<String, DrugName> nameIndex(boolean rebuild) {
        StringBuilder stamp = new StringBuilder();
        shelves.all().forEach(s -> stamp.append(s.identity())
                .append('@')
                .append(s.listingStamp(Kind.DRUG))
                .append(';'));
        if (rebuild || names.isEmpty() || !names.get().stamp().equals(stamp.toString())) {
            Map<String, DrugName> map = new HashMap<>();
            shelves.lowestFirst().forEach(s -> map.putAll(NameIndex.of(s, reader.cacheDir(), rebuild)));
            names = Optional.of(new Kept<>(map, stamp.toString()));
        }
        return names.get().value();
    }

    private static String display(String id, String matched) {
        return matched.equals(id) ? id : matched + " (" + id + ")";
    }
}
