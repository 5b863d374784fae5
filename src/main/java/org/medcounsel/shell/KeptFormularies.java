package org.medcounsel.shell;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.cli.Environment;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Shelf;

/**
 * One formulary per set of data folders for the whole shell session: sheets are loaded once and
 * reloaded only when their files change (the formulary checks each file's stamp).
 */
final class KeptFormularies implements Environment.Formularies {
    /** How many sets of data folders a session keeps; the least recently used goes first. */
    static final int MAX_KEPT = 8;

    private final Map<List<String>, Formulary> kept = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<List<String>, Formulary> eldest) {
            return size() > MAX_KEPT;
        }
    };

    /** How many formularies are kept now (for tests). */
    int size() {
        return kept.size();
    }

    @Override
    public Formulary open(List<Shelf> sitesLowestFirst, Optional<Path> cacheDir) {
        List<String> key = sitesLowestFirst.stream()
                .map(s -> s instanceof FolderShelf f
                        ? f.root().toAbsolutePath().normalize().toString()
                        : s.toString())
                .toList();
        return kept.computeIfAbsent(key, k -> Formulary.withSites(sitesLowestFirst, cacheDir));
    }
}
