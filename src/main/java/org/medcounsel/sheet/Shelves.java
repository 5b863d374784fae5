package org.medcounsel.sheet;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * The shelves sheets are taken from, highest priority first: site folders (a later one wins),
 * then the bundled data. Says which file a sheet, translation or vocabulary is read from, which
 * ids there are, and what each shelf holds; it reads file listings, never a sheet's content
 * (except review dates for {@link #summary()}). Holds no state beyond the list, so it needs no
 * lock.
 */
public final class Shelves {
    private final List<Shelf> shelves;

    /** {@code shelves} in order of priority, highest first. */
    public Shelves(List<Shelf> shelves) {
        this.shelves = List.copyOf(shelves);
    }

    /** The shelves, highest first. */
    List<Shelf> all() {
        return shelves;
    }

    /** The shelves, lowest (the bundled one) first: the order files are merged in. */
    List<Shelf> lowestFirst() {
        List<Shelf> lowestFirst = new ArrayList<>(shelves);
        Collections.reverse(lowestFirst);
        return lowestFirst;
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

    /**
     * Every shelf's copy of a vocabulary file, lowest shelf (the bundled one) first.
     *
     * @throws SheetException when no shelf has one
     */
    List<SheetFile> vocabularies(String name) {
        List<SheetFile> files = vocabularyFiles(name);
        if (files.isEmpty()) {
            throw new SheetException(name, 0, "no " + name + " in any data folder");
        }
        return files;
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

    /** Every language some shelf has a translation of the sheet into, sorted. */
    public SortedSet<String> languages(Kind kind, String id) {
        SortedSet<String> all = new TreeSet<>();
        shelvesFor(kind, id).forEach(s -> all.addAll(s.languages(kind, id)));
        return all;
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
     * One shelf's sheets, for {@code --version}: where they are (the folder as given, and why it
     * is read, or "" for the bundled ones), how many drug and class sheets, the oldest and
     * newest review dates among them (null when none says), and how many of its drug sheets it
     * has a translation of, by language (from file names).
     */
    public record Summary(
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
    public List<Summary> summary() {
        List<Summary> all = new ArrayList<>();
        for (Shelf shelf : lowestFirst()) {
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
            all.add(new Summary(
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
}
