package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.List;
import org.medcounsel.counsel.Patient;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.Use;

/** {@code screen --template}: a patient file to fill in, each question as a comment above its key. */
public final class PatientTemplate {
    private PatientTemplate() {}

    public static void write(List<Drug> drugs, List<Fact> facts, PrintWriter out) {
        out.println("# Patient answers for "
                + String.join(", ", drugs.stream().map(Drug::id).toList())
                + ". Fill in what you know, leave the rest empty,");
        out.println("# and pass the file with: medcounsel screen DRUG --patient FILE");
        for (Fact fact : facts) {
            out.println();
            for (String line : Wrap.lines(fact.question(), 96, "# ", "# ")) {
                out.println(line);
            }
            String takes = Patient.expected(fact);
            if (fact.key().equals(Facts.USE)) {
                takes = "one of: "
                        + String.join(
                                ", ",
                                drugs.stream()
                                        .flatMap(d -> d.sheet().get(SheetShapes.DRUG_USES).stream())
                                        .map(Use::id)
                                        .filter(id -> !id.isEmpty())
                                        .distinct()
                                        .toList());
            }
            out.println("# (" + takes + ")");
            // Left empty, a key is "not asked"; "[]" would say "no medicines", which nobody said.
            out.println(fact.key() + ":");
        }
    }

    /** The answers as a patient file ({@code --save-answers}): a later {@code --patient} reads them back. */
    public static void answers(Patient patient, Facts facts, PrintWriter out) {
        out.println("# Patient answers saved by medcounsel screen --save-answers.");
        patient.answers().forEach((key, answer) -> {
            Object value = answer.value();
            String yaml;
            if (value instanceof Boolean b) {
                yaml = b ? "yes" : "no";
            } else if (value instanceof Double d) {
                yaml = Sheets.shown(d); // exact, in the fact's unit, however it was given
            } else if (value instanceof List<?> items) {
                yaml = "["
                        + String.join(
                                ", ",
                                items.stream()
                                        .map(i -> quoted(String.valueOf(i)))
                                        .toList()) + "]";
            } else {
                yaml = quoted(String.valueOf(value));
            }
            out.println(key + ": " + yaml);
        });
        out.flush();
    }

    /** A YAML double-quoted string (JSON's escapes are valid YAML). */
    private static String quoted(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') b.append('\\').append(c);
            else if (c < 0x20 || c == 0x7f) b.append(String.format("\\u%04x", (int) c));
            else b.append(c);
        }
        return b.append('"').toString();
    }
}
