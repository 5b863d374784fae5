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
 * One shelf's drug names (lower-case generic and brand name to the name as spelled and the id), so
 * a brand can be found without reading every sheet, and offered as printed on the pack. Built by reading only the {@code name} and {@code brands} of each
 * sheet, and kept in a small file in the cache folder that is rebuilt only when the shelf's
 * drugs folder changes. A stale entry is caught where it is used (see {@link Formulary#resolve}).
 */
final class NameIndex {
    private static final String HEADER = "# medcounsel name index 2";

    private NameIndex() {}

    /** The names of {@code shelf}; {@code rebuild} ignores the cached file. */
    static Map<String, DrugName> of(Shelf shelf, Optional<Path> cacheDir, boolean rebuild) {
        String header = HEADER + "\t" + shelf.identity() + "\t" + shelf.listingStamp(Kind.DRUG);
        Optional<Path> file = cacheDir.map(dir -> CacheFolder.file(dir, "names-", shelf.identity(), ".tsv"));
        if (!rebuild && file.isPresent()) {
            Optional<Map<String, DrugName>> cached = read(file.get(), header);
            if (cached.isPresent()) {
                return cached.get();
            }
        }
        Map<String, DrugName> names = build(shelf);
        file.ifPresent(f -> write(f, header, names));
        return names;
    }

    private static Map<String, DrugName> build(Shelf shelf) {
        Map<String, DrugName> names = new HashMap<>();
        for (String id : shelf.ids(Kind.DRUG)) {
            Optional<SheetFile> file = shelf.sheet(Kind.DRUG, id);
            if (file.isEmpty()) continue;
            try {
                if (file.get().tree() instanceof YamlNode.Mapping m) {
                    add(names, m.entries().get("name"), id, true);
                    if (m.entries().get("brands") != null
                            && m.entries().get("brands").value() instanceof YamlNode.Sequence brands) {
                        brands.items().forEach(b -> add(names, b, id, false));
                    }
                }
            } catch (SheetException e) {
                // A sheet that is not even YAML is only found by its id; loading it reports why.
            }
        }
        return names;
    }

    private static void add(Map<String, DrugName> names, Object node, String id, boolean generic) {
        YamlNode value = node instanceof YamlNode.Entry e ? e.value() : (YamlNode) node;
        if (value instanceof YamlNode.Scalar s && s.kind() == YamlNode.ScalarKind.TEXT) {
            String spelled = Shape.Bound.clean(s.text());
            names.putIfAbsent(spelled.toLowerCase(Locale.ROOT), new DrugName(spelled, id, generic));
        }
    }

    private static Optional<Map<String, DrugName>> read(Path file, String header) {
        Optional<byte[]> bytes = CacheFolder.read(file);
        if (bytes.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines =
                new String(bytes.get(), StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty() || !lines.get(0).equals(header)) {
            return Optional.empty();
        }
        Map<String, DrugName> names = new HashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            // spelled TAB id TAB g (generic) or b (brand)
            String[] f = line.split("\t", -1);
            if (f.length == 3 && !f[0].isEmpty()) {
                names.put(f[0].toLowerCase(Locale.ROOT), new DrugName(f[0], f[1], f[2].equals("g")));
            }
        }
        return Optional.of(names);
    }

    private static void write(Path file, String header, Map<String, DrugName> names) {
        StringBuilder text = new StringBuilder(header).append('\n');
        names.values().forEach(n -> {
            if (n.spelled().indexOf('\n') < 0 && n.spelled().indexOf('\t') < 0)
                text.append(n.spelled())
                        .append('\t')
                        .append(n.id())
                        .append('\t')
                        .append(n.generic() ? 'g' : 'b')
                        .append('\n');
        });
        CacheFolder.write(file, text.toString().getBytes(StandardCharsets.UTF_8));
    }
}
