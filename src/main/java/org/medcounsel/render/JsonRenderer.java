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
import org.medcounsel.doc.Document.Term;

/**
 * JSON with a stable, documented shape (see README): one object per document, an array when
 * there are several.
 */
public final class JsonRenderer implements Renderer {
    @Override
    public void render(List<Document> documents, PrintWriter out) {
        List<Map<String, Object>> trees = documents.stream().map(JsonRenderer::tree).toList();
        JsonOut.write(trees.size() == 1 ? trees.get(0) : trees, out);
    }

    @Override
    public void index(String title, List<String> banner, List<Entry> entries, PrintWriter out) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", title);
        m.put("banner", banner);
        m.put("leaflets", entries.stream().map(e -> Map.of("file", e.file(), "title", e.title())).toList());
        JsonOut.write(m, out);
    }

    static Map<String, Object> tree(Document doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drug", doc.drug());
        m.put("section", doc.section());
        m.put("title", doc.title());
        m.put("subtitle", doc.subtitle());
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
        m.put("sources", doc.sources().stream().map(r -> {
            Map<String, Object> ref = new LinkedHashMap<>();
            ref.put("title", r.title());
            ref.put("url", r.url());
            return ref;
        }).toList());
        m.put("disclaimer", doc.disclaimer());
        return m;
    }

    private static Map<String, Object> block(Block block) {
        Map<String, Object> m = new LinkedHashMap<>();
        if (block instanceof Paragraph p) {
            m.put("type", "paragraph");
            m.put("text", p.text());
        } else if (block instanceof Bullets b) {
            m.put("type", "bullets");
            m.put("lead", b.lead());
            m.put("items", b.items());
        } else if (block instanceof Term t) {
            m.put("type", "term");
            m.put("term", t.term());
            m.put("text", t.text());
        } else if (block instanceof Callout c) {
            m.put("type", "callout");
            m.put("severity", c.severity().name().toLowerCase(Locale.ROOT));
            m.put("label", c.label());
            m.put("lines", c.lines());
        }
        return m;
    }
}
