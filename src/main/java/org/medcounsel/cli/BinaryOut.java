package org.medcounsel.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Standard output as text (UTF-8) that can also take bytes as they are: a PDF leaflet written to
 * {@code --out -}. Whatever text was printed before is flushed first, so the two keep their order.
 */
public final class BinaryOut extends PrintWriter {
    private final OutputStream stream;

    public BinaryOut(OutputStream stream) {
        super(new OutputStreamWriter(stream, StandardCharsets.UTF_8));
        this.stream = stream;
    }

    /**
     * Writes {@code bytes} unchanged, after any text before them. A failed write is kept, as
     * PrintWriter keeps one, for the caller to judge ({@code | head} is no error, a full disk is).
     */
    public void bytes(byte[] bytes) {
        flush();
        try {
            stream.write(bytes);
            stream.flush();
        } catch (IOException e) {
            setError();
        }
    }
}
