package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medcounsel.counsel.Search;

/**
 * {@code search} output. Text: one hit a line, sheet id, section and sentence; on a terminal in
 * aligned columns with the matches styled, else separated by tabs (a sentence never holds a tab
 * or a line break, so one hit is always one line). JSON: the terms as expanded and the hits.
 */
public final class SearchHits {
    private SearchHits() {}

    /** Writes the hits in {@code format}: text ({@code aligned} on a terminal) or JSON. */
    public static void write(Format format, Search.Result result, boolean aligned, Style style, PrintWriter out) {
        switch (format) {
            case json -> json(result, out);
            case text -> text(result, aligned, style, out);
            default -> throw new IllegalArgumentException("search hits are not written as " + format);
        }
    }

    /** Writes the hits as text; {@code aligned} pads the id and section columns. */
    public static void text(Search.Result result, boolean aligned, Style style, PrintWriter out) {
        int idWidth = 0;
        int sectionWidth = 0;
        for (Search.Hit h : result.hits()) {
            idWidth = Math.max(idWidth, h.id().length());
            sectionWidth = Math.max(sectionWidth, h.section().length());
        }
        for (Search.Hit h : result.hits()) {
            String id = Terminal.safe(h.id());
            String section = Terminal.safe(h.section());
            if (aligned) {
                out.println(
                        pad(id, idWidth) + "  " + style.dim(pad(section, sectionWidth)) + "  " + highlighted(h, style));
            } else {
                out.println(
                        id + "\t" + section + "\t" + Terminal.safe(h.sentence()).replace('\n', ' '));
            }
        }
        out.flush();
    }

    /** The sentence with each match styled (styling is off unless colour is on). */
    private static String highlighted(Search.Hit h, Style style) {
        String s = Terminal.safe(h.sentence()).replace('\n', ' ');
        if (!style.color() || s.length() != h.sentence().length()) return s;
        StringBuilder b = new StringBuilder();
        int at = 0;
        for (Search.Span span : h.spans()) {
            b.append(s, at, span.start()).append(style.match(s.substring(span.start(), span.end())));
            at = span.end();
        }
        return b.append(s.substring(at)).toString();
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    /** Writes {@code {"terms": [{"asked", "alternatives"}], "hits": [{"kind", "id", "section", "sentence"}]}}. */
    public static void json(Search.Result result, PrintWriter out) {
        List<Object> terms = new ArrayList<>();
        for (Search.Term t : result.terms()) {
            terms.add(JsonOut.object("asked", t.asked(), "alternatives", t.alternatives()));
        }
        List<Object> hits = new ArrayList<>();
        for (Search.Hit h : result.hits()) {
            hits.add(JsonOut.object("kind", h.kind(), "id", h.id(), "section", h.section(), "sentence", h.sentence()));
        }
        Map<String, Object> tree = JsonOut.object("terms", terms, "hits", hits);
        JsonOut.write(tree, out);
    }
}
