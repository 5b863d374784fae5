package org.medcounsel.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A data file: the name to show in messages, where it is on disk (an absolute path, stable between
 * runs; empty for a bundled file, which lives in the jar), a way to read its bytes, a stamp (modification time and size) that changes when the file does,
 * so a long-lived formulary knows to reload it, and whether the bytes are YAML text or a tree
 * packed at build time ({@link PackedTree}).
 */
public record SheetFile(String name, String location, Source source, String stamp, boolean packed) {

    /** Reads the bytes of a file. */
    @FunctionalInterface
    public interface Source {
        byte[] read() throws IOException;
    }

    /** A YAML file. */
    public SheetFile(String name, String location, Source source, String stamp) {
        this(name, location, source, stamp, false);
    }

    /** The file's bytes, or a located {@link SheetException} when it cannot be read. */
    public byte[] bytes() {
        try {
            return source.read();
        } catch (IOException | UncheckedIOException e) {
            throw new SheetException(name, 0, "cannot read: " + e.getMessage());
        }
    }

    /** The file's YAML tree, with lines: parsed from the text, or unpacked. */
    public YamlNode tree() {
        return packed ? PackedTree.unpack(name, bytes()) : YamlReader.read(name, bytes());
    }
}
