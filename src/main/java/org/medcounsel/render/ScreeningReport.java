package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.counsel.Answer;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.counsel.Screening;
import org.medcounsel.counsel.ScreeningRecord;
import org.medcounsel.counsel.Screenings;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/** The stable JSON shape of a screening, for scripts and pharmacy systems (see README). */
public final class ScreeningReport {
    private ScreeningReport() {}

    /** How a command writes the formats that are documents (text, Markdown, HTML, PDF). */
    public interface Documents {
        void write(Format format, List<Document> reports);
    }

    /**
     * Writes the screenings in {@code format}: FHIR (a Bundle of responses and issues) and JSON
     * in their own shapes, each with the record; any other format as the reports a pharmacist
     * reads, through {@code documents}, ending with the record when {@code recordSection}.
     */
    public static void write(
            Format format,
            List<Screening> screenings,
            Guidance guidance,
            ScreeningRecord record,
            boolean recordSection,
            Documents documents,
            PrintWriter out) {
        switch (format) {
            case fhir -> Fhir.bundle(
                    screenings,
                    record,
                    d -> guidance.in(d).words().get(Word.QUESTIONNAIRE_TITLE, "drug", d.name()),
                    out);
            case json -> json(screenings, guidance, record, out);
            default -> documents.write(
                    format,
                    Screenings.reports(screenings, guidance, recordSection ? Optional.of(record) : Optional.empty()));
        }
    }

    /** One screening as an object, several as an array. */
    public static void json(List<Screening> screenings, Guidance guidance, ScreeningRecord record, PrintWriter out) {
        List<Map<String, Object>> trees = screenings.stream()
                .map(s -> {
                    Guidance in = guidance.in(s.drug());
                    Map<String, Object> tree = tree(s, in, in.words());
                    tree.put("lang", in.language().tag());
                    if (in.language().translated() || !in.language().notShown().isEmpty()) {
                        tree.put(
                                "translation",
                                JsonOut.object(
                                        "lang", in.language().tag(),
                                        "asked", in.language().asked(),
                                        "stale", in.language().stale(),
                                        "fallback", in.language().notShown()));
                    }
                    tree.put("record", record(record));
                    return tree;
                })
                .toList();
        JsonOut.write(trees.size() == 1 ? trees.get(0) : trees, out);
    }

    /** The record as JSON: null for what was not given. */
    static Map<String, Object> record(ScreeningRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("patient", r.patient().isEmpty() ? null : r.patient());
        m.put("at", r.at());
        m.put("pharmacist", r.pharmacist().isEmpty() ? null : r.pharmacist());
        m.put("site", r.site().isEmpty() ? null : r.site());
        m.put("tool", r.tool());
        m.put(
                "sheets",
                r.sheets().stream()
                        .map(s -> JsonOut.object(
                                "kind", s.kind(), "id", s.id(), "reviewed", s.reviewed(), "sha256", s.sha256()))
                        .toList());
        return m;
    }

    static Map<String, Object> tree(Screening s, Guidance guidance, Words words) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("drug", s.drug().id());
        tree.put("verdict", Sheets.word(s.verdict()));
        tree.put("summary", guidance.summary(s));
        tree.put("complete", s.complete());
        tree.put("unanswered", List.copyOf(s.unanswered()));
        tree.put("unused", s.unused());
        tree.put(
                "medicines",
                s.medicines().stream()
                        .map(m -> {
                            Map<String, Object> med = new LinkedHashMap<>();
                            med.put("typed", m.typed());
                            med.put(
                                    "matched",
                                    m.medicine().map(Medicines.Medicine::id).orElse(null));
                            med.put(
                                    "groups",
                                    m.medicine()
                                            .map(x -> x.groups().stream()
                                                    .map(g -> s.groupNames().getOrDefault(g, g))
                                                    .toList())
                                            .orElse(List.of()));
                            med.put("recognised", m.recognised());
                            med.put("unclear", m.unclear());
                            med.put(
                                    "suggestion",
                                    m.suggestions().isEmpty()
                                            ? null
                                            : m.suggestions().get(0));
                            return med;
                        })
                        .toList());
        List<Object> items = new ArrayList<>();
        for (Screening.Item i : s.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("fact", i.fact().key());
            item.put("type", Sheets.word(i.fact().type()));
            item.put("question", i.fact().question());
            item.put("answer", i.answer().map(Answer::value).orElse(null));
            item.put("level", Sheets.word(i.level()));
            item.put("status", Sheets.word(i.status()));
            item.put("flagged", i.flagged());
            if (!i.note().isEmpty()) item.put("note", i.note());
            item.put("when", i.condition(words));
            item.put("advice", i.rule().advice());
            item.put("source", source(i.source()));
            items.add(item);
        }
        tree.put("items", items);
        tree.put(
                "reminders",
                s.reminders().stream()
                        .map(r -> JsonOut.object("text", r.text(), "source", source(r.source())))
                        .toList());
        tree.put("reviewed", s.drug().reviewed().toString());
        return tree;
    }

    private static Object source(Optional<Source> source) {
        return source.map(src -> JsonOut.object("title", src.title(), "url", src.url()))
                .orElse(null);
    }
}
