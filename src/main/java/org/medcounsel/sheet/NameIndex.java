package org.medcounsel.sheet;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * One shelf's drug names (lower-case generic and brand name to id), so a brand can be found
 * without reading every sheet. Built by reading only the {@code name} and {@code brands} of each
 * sheet, and kept in a small file in the cache folder that is rebuilt only when the shelf's
 * drugs folder changes. A stale entry is caught where it is used (see {@link Formulary#resolve}).
 */
final class NameIndex {
    private static final String HEADER = "# medcounsel name index";

    private NameIndex() {}

    /** The names of {@code shelf}; {@code rebuild} ignores the cached file. */
    static Map<String, String> of(Shelf shelf, Optional<Path> cacheDir, boolean rebuild) {
        String header = HEADER + "\t" + shelf.identity() + "\t" + shelf.listingStamp(Kind.DRUG);
        Optional<Path> file = cacheDir.map(dir -> CacheFolder.file(dir, "names-", shelf.identity(), ".tsv"));
        if (!rebuild && file.isPresent()) {
            Optional<Map<String, String>> cached = read(file.get(), header);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Map<String, String> names = build(shelf);
        file.ifPresent(f -> write(f, header, names));
        return names;
    }

    private static Map<String, String> build(Shelf shelf) {
        Map<String, String> names = new HashMap<>();
        for (String id : shelf.ids(Kind.DRUG)) {
            Optional<SheetFile> file = shelf.sheet(Kind.DRUG, id);
            if (file.isEmpty()) continue;
            try {
                if (file.get().tree() instanceof YamlNode.Mapping m) {
                    add(names, m.entries().get("name"), id);
                    if (m.entries().get("brands") != null
                            && m.entries().get("brands").value() instanceof YamlNode.Sequence brands) {
                        brands.items().forEach(b -> add(names, b, id));
                    }
                }
            } catch (SheetException e) {
                // A sheet that is not even YAML is only found by its id; loading it reports why.
            }
        }
        return names;
    }

    private static void add(Map<String, String> names, Object node, String id) {
        YamlNode value = node instanceof YamlNode.Entry e ? e.value() : (YamlNode) node;
        if (value instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.TEXT) {
            names.putIfAbsent(Shape.Bound.clean(s.text()).toLowerCase(Locale.ROOT), id);
        }
    }

    private static Optional<Map<String, String>> read(Path file, String header) {
        Optional<byte[]> bytes = CacheFolder.read(file);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines =
                new String(bytes.get(), StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            return Optional.empty();
        }
        Map<String, String> names = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            int tab = line.lastIndexOf('\t');
            if (tab > 0) names.put(line.substring(0, tab), line.substring(tab + 1));
        }
        return Optional.of(names);
    }

    private static void write(Path file, String header, Map<String, String> names) {
        StringBuilder text = new StringBuilder(header).append('\n');
        names.forEach((name, id) -> {
            if (name.indexOf('\n') < 0 && name.indexOf('\t') < 0)
                text.append(name).append('\t').append(id).append('\n');
        });
        CacheFolder.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
