package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/** The sheets packaged in the jar (or in target/classes when run from a build). */
public final class BundledShelf implements Shelf {
    static final String PREFIX = "medcounsel/data/";

    @Override
    public SortedSet<String> ids(Kind kind) {
        SortedSet<String> ids = new TreeSet<>();
        for (String name : names(kind)) {
            String id = name.substring(0, name.length() - ".yaml".length());
            if (FolderShelf.ID.matcher(id).matches()) ids.add(id);
        }
        return ids;
    }

    private static final Map<Kind, List<String>> NAMES = new ConcurrentHashMap<>();

    /** The YAML file names in the bundled folder of {@code kind}, listed once per run. */
    private static List<String> names(Kind kind) {
        return NAMES.computeIfAbsent(kind, BundledShelf::list);
    }

    private static List<String> list(Kind kind) {
        URL marker = BundledShelf.class.getResource("/" + PREFIX + "facts.yaml");
        if (marker == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        try {
            if ("file".equals(marker.getProtocol())) {
                try (Stream<Path> files =
                        Files.list(Path.of(marker.toURI()).getParent().resolve(kind.folder))) {
                    files.map(f -> f.getFileName().toString())
                            .filter(n -> n.endsWith(".yaml"))
                            .forEach(names::add);
                }
                return names;
            }
            String spec = marker.getPath();
            Path jar = Path.of(new URI(spec.substring(0, spec.indexOf("!/"))));
            String folder = PREFIX + kind.folder + "/";
            try (ZipFile zip = new ZipFile(jar.toFile())) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    String name = e.nextElement().getName();
                    if (name.startsWith(folder) && name.endsWith(".yaml") && name.indexOf('/', folder.length()) < 0) {
                        names.add(name.substring(folder.length()));
                    }
                }
            }
            return names;
        } catch (NoSuchFileException e) {
            return names;
        } catch (IOException | URISyntaxException e) {
            throw new SheetException("data", 0, "cannot list the bundled sheets: " + e.getMessage());
        }
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
    public Optional<SheetFile> translation(Kind kind, String id, String lang) {
        return FolderShelf.ID.matcher(id).matches()
                        && Translation.TAG.matcher(lang).matches()
                ? resource(kind.folder + "/" + id + "." + lang + ".yaml")
                : Optional.empty();
    }

    @Override
    public SortedSet<String> languages(Kind kind, String id) {
        SortedSet<String> langs = new TreeSet<>();
        for (String name : names(kind)) {
            String lang = FolderShelf.overlayLang(name, id);
            if (lang != null) langs.add(lang);
        }
        return langs;
    }

    @Override
    public String identity() {
        return "bundled";
    }

    /** The jar's (or class folder's) location and modification time: a new build, a new stamp. */
    @Override
    public String listingStamp(Kind kind) {
        try {
            URL code = BundledShelf.class.getProtectionDomain().getCodeSource().getLocation();
            Path where = Path.of(code.toURI());
            Path probe = Files.isDirectory(where) ? where.resolve(PREFIX + kind.folder) : where;
            return where + "@" + Files.getLastModifiedTime(probe);
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
