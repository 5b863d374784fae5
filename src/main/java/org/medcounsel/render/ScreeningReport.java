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
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Words;

/** The stable JSON shape of a screening, for scripts and pharmacy systems (see README). */
public final class ScreeningReport {
    private ScreeningReport() {}

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
                    tree.put("record", record.tree());
                    return tree;
                })
                .toList();
        JsonOut.write(trees.size() == 1 ? trees.get(0) : trees, out);
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
