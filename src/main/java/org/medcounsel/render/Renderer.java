package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.List;
import org.medcounsel.doc.Document;

/** Turns documents into one output format. */
public interface Renderer {
    /** Writes the documents, in order, as one output (one page, one file, one JSON value). */
    void render(List<Document> documents, PrintWriter out);

    /** Writes an index of leaflets: a title, a banner and one entry per leaflet file. */
    void index(String title, List<String> banner, List<Entry> entries, PrintWriter out);

    /** One leaflet in an index. */
    record Entry(String file, String title) {}
}
