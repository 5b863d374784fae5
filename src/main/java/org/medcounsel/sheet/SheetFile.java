package org.medcounsel.sheet;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A data file: the name to show in messages, a way to read its bytes, and a stamp (modification
 * time and size) that changes when the file does, so a long-lived formulary knows to reload it.
 */
public record SheetFile(String name, Source source, String stamp) {

    /** Reads the bytes of a file. */
    @FunctionalInterface
    public interface Source {
        byte[] read() throws IOException;
    }

    /** The file's bytes, or a located {@link SheetException} when it cannot be read. */
    public byte[] bytes() {
        try {
            return source.read();
        } catch (IOException | UncheckedIOException e) {
            throw new SheetException(name, 0, "cannot read: " + e.getMessage());
        }
    }
}
