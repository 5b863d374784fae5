package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The sheets packaged in the jar (or in target/classes when run from a build). */
public final class BundledShelf implements Shelf {
    static final String PREFIX = "medcounsel/data/";

    @Override
    public SortedSet<String> ids(Kind kind) {
        URL marker = BundledShelf.class.getResource("/" + PREFIX + "facts.yaml");
        if (marker == null) {
            return new TreeSet<>();
        }
        try {
            if ("file".equals(marker.getProtocol())) {
                return new FolderShelf(Path.of(marker.toURI()).getParent(), "data").ids(kind);
            }
            return jarIds(marker, kind);
        } catch (IOException | URISyntaxException e) {
            throw new SheetException("data", 0, "cannot list the bundled sheets: " + e.getMessage());
        }
    }

    private static SortedSet<String> jarIds(URL marker, Kind kind) throws IOException, URISyntaxException {
        String spec = marker.getPath();
        Path jar = Path.of(new java.net.URI(spec.substring(0, spec.indexOf("!/"))));
        String folder = PREFIX + kind.folder + "/";
        SortedSet<String> ids = new TreeSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (name.startsWith(folder) && name.endsWith(".yaml") && name.indexOf('/', folder.length()) < 0) {
                    String id = name.substring(folder.length(), name.length() - ".yaml".length());
                    if (FolderShelf.ID.matcher(id).matches()) {
                        ids.add(id);
                    }
                }
            }
        }
        return ids;
    }

    @Override
    public Optional<SheetFile> sheet(Kind kind, String id) {
        return FolderShelf.ID.matcher(id).matches() ? resource(kind.folder + "/" + id + ".yaml") : Optional.empty();
    }

    @Override
    public Optional<SheetFile> vocabulary(String name) {
        return resource(name);
    }

    @Override
    public String identity() {
        return "bundled";
    }

    /** The jar's (or class folder's) location and modification time: a new build, a new stamp. */
    @Override
    public String listingStamp(Kind kind) {
        try {
            java.net.URL code =
                    BundledShelf.class.getProtectionDomain().getCodeSource().getLocation();
            Path where = Path.of(code.toURI());
            Path probe = java.nio.file.Files.isDirectory(where) ? where.resolve(PREFIX + kind.folder) : where;
            return where + "@" + java.nio.file.Files.getLastModifiedTime(probe);
        } catch (IOException | URISyntaxException | RuntimeException e) {
            return "unknown";
        }
    }

    /**
     * A bundled file by its YAML name: from the jar, the tree packed at build time (see
     * {@link PackedTree}); from a classes folder (tests, an IDE), always the YAML itself, so an
     * edited sheet is never shadowed by a packed tree that a build has not yet remade.
     */
    private static Optional<SheetFile> resource(String relative) {
        String packed = PREFIX + relative.substring(0, relative.length() - ".yaml".length()) + PackedTree.SUFFIX;
        URL url = BundledShelf.class.getResource("/" + packed);
        boolean isPacked = url != null && "jar".equals(url.getProtocol());
        if (!isPacked && (url = BundledShelf.class.getResource("/" + PREFIX + relative)) == null) {
            return Optional.empty();
        }
        URL found = url;
        return Optional.of(new SheetFile(
                "data/" + relative,
                "",
                () -> {
                    try (InputStream in = found.openStream()) {
                        return in.readAllBytes();
                    }
                },
                "bundled",
                isPacked));
    }
}
