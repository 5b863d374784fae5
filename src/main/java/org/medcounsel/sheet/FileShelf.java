package org.medcounsel.sheet;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Files named by their paths ({@code check FILE}), as a shelf that holds just them: put over the
 * site folders and the bundled data, so their references are checked against them. It holds
 * either one sheet, or vocabulary files ({@code words.yaml}, {@code words.es.yaml}...) under the
 * names a data folder gives them.
 */
public final class FileShelf implements Shelf {
    private final Path path;
    private final Optional<Kind> kind;
    private final String id;
    private final Optional<SheetFile> file;
    private final Map<String, SheetFile> vocabularies;

    private FileShelf(
            Path path, Optional<Kind> kind, String id, Optional<SheetFile> file, Map<String, SheetFile> vocabularies) {
        this.path = path;
        this.kind = kind;
        this.id = id;
        this.file = file;
        this.vocabularies = vocabularies;
    }

    /** The sheet at {@code path}, named {@code shown} in messages, read as a {@code kind} sheet {@code id}. */
    public static Optional<FileShelf> of(Path path, String shown, Kind kind, String id) {
        return FolderShelf.file(path, shown)
                .map(f -> new FileShelf(path, Optional.of(kind), id, Optional.of(f), Map.of()));
    }

    /**
     * Vocabulary files, each at a path and named in messages as given, read as a data folder's
     * file of the name it is keyed by ({@code words.yaml}, {@code facts.es.yaml}); a path that is
     * not a regular file is left out.
     */
    public static FileShelf vocabularies(Path path, Map<String, Map.Entry<Path, String>> byName) {
        Map<String, SheetFile> files = new TreeMap<>();
        byName.forEach(
                (name, at) -> FolderShelf.file(at.getKey(), at.getValue()).ifPresent(f -> files.put(name, f)));
        return new FileShelf(path, Optional.empty(), "", Optional.empty(), Map.copyOf(files));
    }

    public Optional<Kind> kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    @Override
    public SortedSet<String> ids(Kind asked) {
        SortedSet<String> ids = new TreeSet<>();
        if (kind.isPresent() && asked == kind.get()) ids.add(id);
        return ids;
    }

    @Override
    public Optional<SheetFile> sheet(Kind asked, String askedId) {
        return kind.isPresent() && asked == kind.get() && askedId.equals(id) ? file : Optional.empty();
    }

    @Override
    public Optional<SheetFile> vocabulary(String name) {
        return Optional.ofNullable(vocabularies.get(name));
    }

    @Override
    public Optional<SheetFile> translation(Kind kind, String id, String lang) {
        return Optional.empty();
    }

    @Override
    public SortedSet<String> languages(Kind kind, String id) {
        return new TreeSet<>();
    }

    @Override
    public String identity() {
        return "file:" + path.toAbsolutePath().normalize();
    }

    @Override
    public String listingStamp(Kind asked) {
        return file.map(SheetFile::stamp).orElse("none");
    }
}
