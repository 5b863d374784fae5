package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** Sheets in a folder on disk (or Jimfs): {@code drugs/*.yaml}, {@code classes/*.yaml}, {@code facts.yaml}. */
public final class FolderShelf implements Shelf {
    static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    private final Path root;
    private final String shownAs;

    /** {@code shownAs} is how messages name the folder (the path as the user typed it). */
    public FolderShelf(Path root, String shownAs) {
        this.root = root;
        this.shownAs = shownAs;
    }

    public Path root() {
        return root;
    }

    /** The folder as the user named it, for messages. */
    public String shownAs() {
        return shownAs;
    }

    @Override
    public SortedSet<String> ids(Kind kind) {
        SortedSet<String> ids = new TreeSet<>();
        Path dir = root.resolve(kind.folder);
        if (!Files.isDirectory(dir)) {
            return ids;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.yaml")) {
            for (Path f : files) {
                String name = f.getFileName().toString();
                String id = name.substring(0, name.length() - ".yaml".length());
                if (ID.matcher(id).matches()) {
                    ids.add(id);
                }
            }
        } catch (IOException e) {
            throw new SheetException(shown(kind.folder), 0, "cannot list the folder: " + e.getMessage());
        }
        return ids;
    }

    @Override
    public Optional<SheetFile> sheet(Kind kind, String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return file(kind.folder + "/" + id + ".yaml");
    }

    @Override
    public Optional<SheetFile> vocabulary(String name) {
        return file(name);
    }

    @Override
    public String identity() {
        return root.toAbsolutePath().normalize().toString();
    }

    @Override
    public String listingStamp(Kind kind) {
        try {
            return Files.getLastModifiedTime(root.resolve(kind.folder)).toString();
        } catch (IOException e) {
            return "none";
        }
    }

    private Optional<SheetFile> file(String relative) {
        Path path = root.resolve(relative);
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new SheetFile(
                shown(relative),
                path.toAbsolutePath().normalize().toString(),
                () -> readLimited(path),
                attributes.lastModifiedTime() + "/" + attributes.size()));
    }

    /** Reads at most one byte past the limit, so a huge file is refused without reading it all. */
    private static byte[] readLimited(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    private String shown(String relative) {
        return shownAs.isEmpty() ? relative : shownAs.replaceAll("/+$", "") + "/" + relative;
    }
}
