package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.medcounsel.check.SheetCheck;
import org.medcounsel.sheet.Problem;
import org.medcounsel.sheet.Problem.Level;

/** The linter's report: one problem a line ({@code FILE:LINE: level: message}) or JSON. */
public final class CheckReport {
    private CheckReport() {}

    /** Writes the report in {@code format}: text (with {@code grades}, reading grades too) or JSON. */
    public static void write(Format format, SheetCheck.Report report, boolean grades, PrintWriter out) {
        switch (format) {
            case json -> json(report, out);
            case text -> text(report, grades, out);
            default -> throw new IllegalArgumentException("a check report is not written as " + format);
        }
    }

    /** The text report; with {@code grades}, each drug's Flesch-Kincaid grade too. */
    public static void text(SheetCheck.Report report, boolean grades, PrintWriter out) {
        for (SheetCheck.Folder f : report.folders()) {
            out.println(Terminal.safe(folder(f)));
        }
        for (Problem p : report.problems()) {
            String located = p.line() > 0 ? p.file() + ":" + p.line() : p.file();
            out.println(Terminal.safe(located + ": " + level(p) + ": " + p.message()));
        }
        if (grades) {
            new TreeMap<>(report.grades())
                    .forEach((drug, grade) ->
                            out.println(drug + ": Flesch-Kincaid grade " + String.format(Locale.ROOT, "%.1f", grade)));
            report.reading().forEach((translation, ease) -> out.println(Terminal.safe(translation + ": " + ease)));
        }
        out.println("checked " + count(report.sheets(), "file") + ": " + count(report.count(Level.ERROR), "error")
                + ", " + count(report.count(Level.WARNING), "warning"));
    }

    /** {@code {files, errors, warnings, problems: [...], grades: {drug: grade}}}. */
    public static void json(SheetCheck.Report report, PrintWriter out) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("files", report.sheets());
        tree.put(
                "folders",
                report.folders().stream()
                        .map(f -> JsonOut.object(
                                "folder",
                                f.name(),
                                "from",
                                f.origin().isEmpty() ? "--data" : f.origin(),
                                "drugs",
                                f.drugs(),
                                "classes",
                                f.classes(),
                                "vocabularies",
                                f.vocabularies(),
                                "unread",
                                f.unread()))
                        .toList());
        tree.put("errors", report.count(Level.ERROR));
        tree.put("warnings", report.count(Level.WARNING));
        tree.put(
                "problems",
                report.problems().stream()
                        .map(p -> JsonOut.object(
                                "file",
                                p.file(),
                                "line",
                                p.line(),
                                "level",
                                level(p),
                                "rule",
                                p.rule(),
                                "message",
                                p.message()))
                        .toList());
        Map<String, Object> grades = new TreeMap<>();
        report.grades().forEach((drug, grade) -> grades.put(drug, Math.round(grade * 10) / 10.0));
        tree.put("grades", grades);
        tree.put("reading", new TreeMap<>(report.reading()));
        JsonOut.write(tree, out);
    }

    /**
     * "read site: 2 drug sheets, 1 class sheet and facts.yaml (from MEDCOUNSEL_DATA); 1 file not
     * read"; the bundled data is "read the bundled data: ...".
     */
    private static String folder(SheetCheck.Folder f) {
        StringBuilder line = new StringBuilder("read ")
                .append(f.bundled() ? "the bundled data" : f.name())
                .append(": ")
                .append(count(f.drugs(), "drug sheet"))
                .append(", ")
                .append(count(f.classes(), "class sheet"));
        if (!f.vocabularies().isEmpty()) {
            line.append(" and ").append(String.join(", ", f.vocabularies()));
        }
        if (!f.origin().isEmpty() && !f.bundled()) {
            line.append(" (from ").append(f.origin()).append(')');
        }
        if (f.unread() > 0) {
            line.append("; ").append(count(f.unread(), "file")).append(" not read (see below)");
        }
        return line.toString();
    }

    /** "1 error", "2 errors". */
    private static String count(long n, String thing) {
        return n + " " + thing + (n == 1 ? "" : "s");
    }

    private static String level(Problem p) {
        return p.level().name().toLowerCase(Locale.ROOT);
    }

    /** The drug sheets a site has not (or no longer) approved, one a line. */
    public static void unapproved(List<String> drugs, PrintWriter out) {
        out.println(
                drugs.isEmpty()
                        ? "every drug sheet is approved by this site"
                        : drugs.size() + " drug sheet" + (drugs.size() == 1 ? "" : "s")
                                + " not approved by this site:");
        drugs.forEach(d -> out.println("  " + Terminal.safe(d)));
    }
}
