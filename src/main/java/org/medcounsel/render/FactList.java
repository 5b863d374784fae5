package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.List;

/** {@code facts}: every patient fact with what it takes and the drugs that ask it. */
public final class FactList {
    private FactList() {}

    /** One fact: its key, type, what a valid answer is, the question, and the drugs that ask it. */
    public record Row(String key, String type, String takes, String question, List<String> askedBy) {}

    /** Writes the facts in {@code format}: text or JSON. */
    public static void write(Format format, List<Row> rows, PrintWriter out) {
        switch (format) {
            case json -> json(rows, out);
            case text -> text(rows, out);
            default -> throw new IllegalArgumentException("facts are not written as " + format);
        }
    }

    /** A block per fact: "key (type): takes", the question, and "asked for: drugs". */
    public static void text(List<Row> rows, PrintWriter out) {
        for (Row row : rows) {
            out.println(Terminal.safe(row.key() + " (" + row.type() + "): " + row.takes()));
            out.println("  " + Terminal.safe(row.question()));
            out.println("  asked for: " + (row.askedBy().isEmpty() ? "-" : String.join(", ", row.askedBy())));
        }
    }

    /** {@code [{key, type, takes, question, askedBy: [...]}]}. */
    public static void json(List<Row> rows, PrintWriter out) {
        JsonOut.write(
                rows.stream()
                        .map(r -> JsonOut.object(
                                "key",
                                r.key(),
                                "type",
                                r.type(),
                                "takes",
                                r.takes(),
                                "question",
                                r.question(),
                                "askedBy",
                                r.askedBy()))
                        .toList(),
                out);
    }
}
