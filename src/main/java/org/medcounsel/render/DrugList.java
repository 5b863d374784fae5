package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.List;

/** {@code list}: one drug a line, id, brands and class, separated by tabs. */
public final class DrugList {
    private DrugList() {}

    /** One drug: its id, brand names (may be empty) and class name (empty for none). */
    public record Row(String id, List<String> brands, String drugClass) {}

    /** Writes one row; a missing brand list or class shows as "-". */
    public static void row(Row row, PrintWriter out) {
        String brands = row.brands().isEmpty() ? "-" : String.join(", ", row.brands());
        String drugClass = row.drugClass().isEmpty() ? "-" : row.drugClass();
        out.println(Terminal.safe(row.id()) + "\t" + Terminal.safe(brands) + "\t" + Terminal.safe(drugClass));
    }
}
