package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.List;
import org.medcounsel.doc.Document;

/** Turns documents into one output format. */
public interface Renderer {
    /** Writes the documents, in order, as one output (one page, one file, one JSON value). */
    void render(List<Document> documents, PrintWriter out);

    /** Writes an index of leaflets: a title, a banner and one entry per leaflet file. */
    void index(String title, List<String> banner, IndexWords words, List<Entry> entries, PrintWriter out);

    /**
     * One leaflet in an index: its file, title, what it is for, the date its sheet was reviewed
     * and the date it was made ("" for what a leaflet made elsewhere does not say).
     */
    record Entry(String file, String title, String uses, String reviewed, String made) {}

    /** The index's column headings, in the reader's words: leaflet, what it is for, reviewed, made. */
    record IndexWords(String leaflet, String uses, String reviewed, String made) {}
}
