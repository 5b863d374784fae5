package org.medcounsel.sheet;

import java.nio.file.Path;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One sheet file named by its path ({@code check FILE}), as a shelf that holds just it: put over
 * the site folders and the bundled data, so its references are checked against them.
 */
public final class FileShelf implements Shelf {
    private final Path path;
    private final Kind kind;
    private final String id;
    private final SheetFile file;

    private FileShelf(Path path, Kind kind, String id, SheetFile file) {
        this.path = path;
        this.kind = kind;
        this.id = id;
        this.file = file;
    }

    /** The sheet at {@code path}, named {@code shown} in messages, read as a {@code kind} sheet {@code id}. */
    public static Optional<FileShelf> of(Path path, String shown, Kind kind, String id) {
        return FolderShelf.file(path, shown).map(f -> new FileShelf(path, kind, id, f));
    }

    public Kind kind() {
        return kind;
    }

    public String id() {
        return id;
    }

    @Override
    public SortedSet<String> ids(Kind asked) {
        SortedSet<String> ids = new TreeSet<>();
        if (asked == kind) ids.add(id);
        return ids;
    }

    @Override
    public Optional<SheetFile> sheet(Kind asked, String askedId) {
        return asked == kind && askedId.equals(id) ? Optional.of(file) : Optional.empty();
    }

    @Override
    public Optional<SheetFile> vocabulary(String name) {
        return Optional.empty();
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
        return file.stamp();
    }
}
