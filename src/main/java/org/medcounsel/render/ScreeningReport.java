package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.counsel.Answer;
import org.medcounsel.counsel.Screening;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Source;
import org.medcounsel.sheet.Words;

/** The stable JSON shape of a screening, for scripts and pharmacy systems (see README). */
public final class ScreeningReport {
    private ScreeningReport() {}

    /** One screening as an object, several as an array. */
    public static void json(List<Screening> screenings, Words words, PrintWriter out) {
        List<Map<String, Object>> trees =
                screenings.stream().map(s -> tree(s, words)).toList();
        JsonOut.write(trees.size() == 1 ? trees.get(0) : trees, out);
    }

    static Map<String, Object> tree(Screening s, Words words) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("drug", s.drug().id());
        tree.put("verdict", Sheets.word(s.verdict()));
        List<Object> items = new ArrayList<>();
        for (Screening.Item i : s.items()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("fact", i.fact().key());
            item.put("type", Sheets.word(i.fact().type()));
            item.put("question", i.fact().question());
            item.put("answer", i.answer().map(Answer::value).orElse(null));
            item.put("level", Sheets.word(i.rule().level()));
            item.put("flagged", i.flagged());
            item.put("when", i.condition(words));
            item.put("advice", i.rule().advice());
            item.put("source", source(i.source()));
            items.add(item);
        }
        tree.put("items", items);
        tree.put(
                "reminders",
                s.reminders().stream()
                        .map(r -> {
                            Map<String, Object> reminder = new LinkedHashMap<>();
                            reminder.put("text", r.text());
                            reminder.put("source", source(r.source()));
                            return reminder;
                        })
                        .toList());
        tree.put("reviewed", s.drug().reviewed().toString());
        return tree;
    }

    private static Object source(Optional<Source> source) {
        return source.map(src -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("title", src.title());
                    m.put("url", src.url());
                    return m;
                })
                .orElse(null);
    }
}
