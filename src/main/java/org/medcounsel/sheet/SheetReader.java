package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.medcounsel.sheet.Shelf.Kind;

/**
 * Reads the data files the shelves hold: a file's YAML tree, kept packed in the cache folder when
 * there is a usable one, and a sheet's text as it was written (for fingerprints).
 */
public final class SheetReader {
    private final Shelves shelves;
    private final Optional<Path> cacheFolder;
    /** Whether {@link #cacheDir} has been judged yet, and what it was judged to be. */
    private boolean judged;

    private Optional<Path> cacheDir = Optional.empty();

    /** {@code cacheFolder} keeps trees and name indexes between runs (empty: none is kept). */
    public SheetReader(Shelves shelves, Optional<Path> cacheFolder) {
        this.shelves = shelves;
        this.cacheFolder = cacheFolder;
    }

    /**
     * A sheet's tree, through the cache folder when there is one. Batches over a whole formulary
     * ({@link KeptSheets#drugOnce}) read without it, so they do not write a cache file per sheet.
     */
    YamlNode tree(SheetFile file) {
        if (file.packed() || file.location().isEmpty()) { // bundled: nothing to keep
            return file.tree();
        }
        Optional<Path> dir = cacheDir();
        return dir.isPresent() ? PackedTree.cached(dir.get(), file) : file.tree();
    }

    /**
     * The cache folder, once it is known to be the user's own: what it holds is believed, so one
     * that others could write is not used. Judged on first need, so a run that reads only bundled
     * sheets by id never asks.
     */
    synchronized Optional<Path> cacheDir() {
        if (!judged) {
            cacheDir = cacheFolder.filter(CacheFolder::usable);
            judged = true;
        }
        return cacheDir;
    }

    /**
     * A sheet's text as it was written (its YAML, even for a bundled sheet read from the tree
     * packed at build time), for a fingerprint that is the same wherever the sheet is read from.
     */
    public byte[] sourceBytes(Kind kind, String id) {
        SheetFile file = shelves.find(kind, id).orElseThrow(() -> new UnknownDrugException(id, List.of()));
        if (file.packed()) {
            try (InputStream in = SheetReader.class.getResourceAsStream(
                    "/" + BundledShelf.PREFIX + kind.folder + "/" + id + ".yaml")) {
                if (in != null) return in.readAllBytes();
            } catch (IOException e) {
                throw new SheetException(file.name(), 0, "cannot read: " + e.getMessage());
            }
        }
        return file.bytes();
    }

    /** The names and stamps of {@code files}: changes when any of them does. */
    static String stamps(List<SheetFile> files) {
        StringBuilder b = new StringBuilder();
        files.forEach(f -> b.append(f.name()).append('=').append(f.stamp()).append(';'));
        return b.toString();
    }
}
