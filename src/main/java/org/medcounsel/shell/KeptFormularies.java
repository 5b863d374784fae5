package org.medcounsel.shell;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medcounsel.cli.Environment;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Shelf;

/**
 * One formulary per set of data folders for the whole shell session: sheets are loaded once and
 * reloaded only when their files change (the formulary checks each file's stamp).
 */
final class KeptFormularies implements Environment.Formularies {
    private final Map<List<String>, Formulary> kept = new HashMap<>();

    @Override
    public Formulary open(List<Shelf> sitesLowestFirst, java.util.Optional<java.nio.file.Path> cacheDir) {
        List<String> key = sitesLowestFirst.stream()
                .map(s -> s instanceof FolderShelf f
                        ? f.root().toAbsolutePath().normalize().toString()
                        : s.toString())
                .toList();
        return kept.computeIfAbsent(key, k -> Formulary.withSites(sitesLowestFirst, cacheDir));
    }
}
