package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Table;
import org.medcounsel.doc.Document.Term;

/**
 * JSON with a stable, documented shape (see README): one object per document, an array when
 * there are several.
 */
public final class JsonRenderer implements Renderer {
    @Override
    public void render(List<Document> documents, PrintWriter out) {
        List<Map<String, Object>> trees =
                documents.stream().map(JsonRenderer::tree).toList();
        JsonOut.write(trees.size() == 1 ? trees.get(0) : trees, out);
    }

    @Override
    public void index(String title, List<String> banner, IndexWords words, List<Entry> entries, PrintWriter out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("banner", banner);
        m.put(
                "leaflets",
                entries.stream()
                        .map(e -> Map.of(
                                "file",
                                e.file(),
                                "title",
                                e.title(),
                                "uses",
                                e.uses(),
                                "reviewed",
                                e.reviewed(),
                                "made",
                                e.made()))
                        .toList());
        JsonOut.write(m, out);
    }

    static Map<String, Object> tree(Document doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drug", doc.drug());
        m.put("section", doc.section());
        m.put("title", doc.title());
        m.put("subtitle", doc.subtitle());
        Document.Language language = doc.language();
        m.put("lang", language.tag());
        if (language.translated() || !language.notShown().isEmpty()) {
            Map<String, Object> t = new LinkedHashMap<>();
            t.put("lang", language.tag());
            t.put("asked", language.asked());
            t.put("stale", language.stale());
            if (language.translated()) {
                t.put("by", language.by());
                t.put("checked", language.checked());
                if (!language.warnings().isEmpty()) t.put("warnings", language.warnings());
            } else {
                t.put("fallback", language.notShown());
            }
            m.put("translation", t);
        }
        if (!doc.banner().isEmpty()) {
            m.put("banner", doc.banner());
        }
        List<Object> sections = new ArrayList<>();
        for (Document.Section s : doc.sections()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("heading", s.heading());
            section.put("blocks", s.blocks().stream().map(JsonRenderer::block).toList());
            sections.add(section);
        }
        m.put("sections", sections);
        m.put("reviewed", doc.reviewed().toString());
        m.put(
                "sources",
                doc.sources().stream()
                        .map(r -> JsonOut.object("title", r.title(), "url", r.url()))
                        .toList());
        if (!doc.footer().approval().isEmpty()) {
            m.put("approval", doc.footer().approval());
        }
        if (!language.credits().isEmpty()) m.put("credits", language.credits());
        m.put("disclaimer", doc.disclaimer());
        return m;
    }

    private static Map<String, Object> block(Block block) {
        return block.accept(new Document.Visitor<Map<String, Object>>() {
            public Map<String, Object> paragraph(Paragraph p) {
                return fields("paragraph", "text", p.text());
            }

            public Map<String, Object> bullets(Bullets b) {
                return fields("bullets", "lead", b.lead(), "items", b.items());
            }

            public Map<String, Object> term(Term t) {
                return fields("term", "term", t.term(), "text", t.text());
            }

            public Map<String, Object> callout(Callout c) {
                return fields(
                        "callout",
                        "severity",
                        c.severity().name().toLowerCase(Locale.ROOT),
                        "label",
                        c.label(),
                        "lines",
                        c.lines());
            }

            public Map<String, Object> table(Table t) {
                return fields(
                        "table",
                        "corner",
                        t.corner(),
                        "columns",
                        t.columns(),
                        "rows",
                        t.rows().stream()
                                .map(r -> JsonOut.object("label", r.label(), "cells", r.cells()))
                                .toList());
            }
        });
    }

    /** A block's object: its type, then the given names and values, in order. */
    private static Map<String, Object> fields(String type, Object... namesAndValues) {
        Map<String, Object> m = JsonOut.object("type", type);
        m.putAll(JsonOut.object(namesAndValues));
        return m;
    }
}
