package org.medcounsel.counsel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Reference;
import org.medcounsel.doc.Document.Row;
import org.medcounsel.doc.Document.Section;
import org.medcounsel.doc.Document.Table;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.Level;
import org.medcounsel.sheet.Sheets.Question;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * Drugs side by side, for a patient who switches: what each is used for and at what ages, how to
 * take it, checks and tests, birth control after the last dose, key interactions and a missed
 * dose. Every cell comes from the drug's sheet (interactions from its screening rules on the
 * medicines a patient takes, named as in {@code medicines.yaml}); where a sheet is silent, the cell
 * says so in words, so a gap never reads as "none".
 */
public final class Comparison {
    private final Words words;
    private final Medicines medicines;
    private final Guidance guidance;

    public Comparison(Formulary formulary) {
        this.words = formulary.words();
        this.medicines = formulary.medicines();
        this.guidance = Guidance.of(formulary);
    }

    /** One document holding the table, titled by the drugs in the order given. */
    public Document of(List<Drug> drugs) {
        // Each drug's own document shell gives its title, review date and sources as info shows them.
        List<Document> shells = drugs.stream()
                .map(d -> guidance.document(d, Guidance.Part.INFO, List.of()))
                .toList();
        List<Row> rows = new ArrayList<>();
        rows.add(row(Word.HEADING_USES, drugs, this::uses));
        rows.add(row(Word.HEADING_AGES, drugs, d -> text(d.sheet().get(SheetShapes.DRUG_AGES))));
        rows.add(row(Word.HEADING_HOW_TO_TAKE, drugs, d -> d.sheet().get(SheetShapes.DRUG_HOW_TO_TAKE)));
        rows.add(row(Word.HEADING_MONITORING, drugs, Drug::monitoring));
        rows.add(row(Word.HEADING_CONTRACEPTION, drugs, d -> text(d.sheet().get(SheetShapes.DRUG_CONTRACEPTION))));
        rows.add(row(Word.HEADING_INTERACTIONS, drugs, this::interactions));
        rows.add(row(Word.HEADING_MISSED_DOSE, drugs, d -> text(d.sheet().get(SheetShapes.DRUG_MISSED_DOSE))));
        rows.add(row(Word.REVIEWED, drugs, d -> List.of(d.reviewed().toString())));
        Table table = new Table(
                words.get(Word.COMPARE_TOPIC),
                shells.stream().map(Document::title).toList(),
                rows);
        // Only as fresh as the stalest sheet; each drug's own date is a row of the table.
        LocalDate reviewed = drugs.stream()
                .map(Drug::reviewed)
                .min(Comparator.naturalOrder())
                .orElseThrow();
        Map<String, Reference> sources = new LinkedHashMap<>();
        shells.forEach(s -> s.sources().forEach(r -> sources.putIfAbsent(r.url(), r)));
        return new Document(
                String.join(",", drugs.stream().map(Drug::id).toList()),
                "compare",
                List.of(),
                joined(shells.stream().map(Document::title).toList()),
                words.get(Word.PART_COMPARE),
                List.of(new Section(words.get(Word.HEADING_COMPARE), List.of(table))),
                reviewed,
                List.copyOf(sources.values()),
                new Document.Footer(words.get(Word.REVIEWED), words.get(Word.SOURCES), words.get(Word.DISCLAIMER)));
    }

    private Row row(Word label, List<Drug> drugs, Function<Drug, List<String>> cell) {
        return new Row(
                words.get(label),
                drugs.stream()
                        .map(cell)
                        .map(c -> c.isEmpty() ? List.of(words.get(Word.NOT_STATED)) : c)
                        .toList());
    }

    private static List<String> text(String text) {
        return text.isEmpty() ? List.of() : List.of(text);
    }

    private List<String> uses(Drug drug) {
        return drug.sheet().get(SheetShapes.DRUG_USES).stream()
                .map(u -> words.get(Word.COMPARE_USE, "condition", u.condition(), "status", guidance.status(u)))
                .toList();
    }

    /** "Caution: strong CYP3A4 inhibitor or fluconazole", one per rule on the medicines taken. */
    private List<String> interactions(Drug drug) {
        List<String> lines = new ArrayList<>();
        for (var rule : drug.screening()) {
            if (rule instanceof Question q && q.fact().equals(Facts.MEDICINES)) {
                List<String> names = q.includes().stream()
                        .map(id ->
                                medicines.group(id).map(Medicines.Group::name).orElse(id))
                        .toList();
                String level =
                        words.get(q.level() == Level.DO_NOT_START ? Word.LABEL_DO_NOT_START : Word.LABEL_CAUTION);
                lines.add(words.get(Word.COMPARE_INTERACTION, "level", level, "medicines", words.or(names)));
            }
        }
        return lines;
    }

    /** "A and B", "A, B and C". */
    private String joined(List<String> titles) {
        if (titles.size() == 1) return titles.get(0);
        return String.join(", ", titles.subList(0, titles.size() - 1)) + " " + words.get(Word.CONDITION_AND) + " "
                + titles.get(titles.size() - 1);
    }
}
