package org.medcounsel.sheet;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.DrugSheet;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * The drug and class sheets, loaded whole and kept, each with the stamp of the file it came from,
 * and loaded afresh when the file changes; so one formulary can serve a whole shell session.
 */
public final class KeptSheets {
    private final Shelves shelves;
    private final SheetReader reader;
    private final Vocabulary vocabulary;
    private final Map<String, Kept<DrugSheet>> drugs = new ConcurrentHashMap<>();
    private final Map<String, Kept<ClassSheet>> classes = new ConcurrentHashMap<>();

    /** The sheets of {@code shelves}, their references checked against {@code vocabulary}'s facts. */
    public KeptSheets(Shelves shelves, SheetReader reader, Vocabulary vocabulary) {
        this.shelves = shelves;
        this.reader = reader;
        this.vocabulary = vocabulary;
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
        SheetFile file = shelves.find(Kind.DRUG, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        DrugSheet sheet = kept != null && kept.stamp().equals(file.stamp())
                ? kept.value()
                : SheetLoader.drug(file.name(), file.tree(), id, references());
        return new Drug(sheet, sheet.drugClass().map(this::drugClass));
    }

    /** A drug sheet on its own, without its class, kept for the next ask. */
    public DrugSheet loadDrug(String id) {
        SheetFile file = shelves.find(Kind.DRUG, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        return kept(drugs, id, file, () -> SheetLoader.drug(file.name(), reader.tree(file), id, references()));
    }

    /** The class sheet for {@code id}, kept for the next ask. */
    public ClassSheet drugClass(String id) {
        SheetFile file = shelves.find(Kind.CLASS, id)
                .orElseThrow(() -> new SheetException("classes/" + id + ".yaml", 0, "no such class sheet"));
        return kept(classes, id, file, () -> SheetLoader.drugClass(file.name(), reader.tree(file), id, references()));
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

    /** The facts and class sheets a sheet may refer to; classes are looked up, never listed. */
    References references() {
        return new References(
                vocabulary.facts(), id -> shelves.find(Kind.CLASS, id).isPresent(), shelves::classIds);
    }
}
