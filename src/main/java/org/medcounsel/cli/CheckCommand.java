package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medcounsel.check.SheetCheck;
import org.medcounsel.render.JsonOut;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.JsonSchema;
import org.medcounsel.sheet.Problem;
import org.medcounsel.sheet.Problem.Level;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code medcounsel check}: the sheet linter for sheet authors. */
@Command(name = "check", mixinStandardHelpOptions = true, versionProvider = MedcounselCommand.Version.class,
        description = {"Check every sheet (bundled and --data) and report every problem as FILE:LINE: level: message.",
            "Structure: unknown, misspelt or missing fields, wrong types, duplicate keys, broken references.",
            "Content: Flesch-Kincaid grade per field and per drug, text in another script, repeated paragraphs,",
            "review dates older than two years, licensed uses without a source, missing urgent-help."},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:no errors (warnings only, unless --strict)",
            "1:errors found (or warnings with --strict)", "2:usage error"})
final class CheckCommand implements Callable<Integer> {
    /** Output format of the report. */
    enum Format { text, json }

    @ParentCommand
    MedcounselCommand top;

    @Mixin
    DataOptions data;

    @Mixin
    DebugOption debug;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "text",
            description = "text or json (default: ${DEFAULT-VALUE}).")
    Format format;

    @Option(names = "--warn-grade", paramLabel = "GRADE", defaultValue = "8",
            description = "Warn above this Flesch-Kincaid grade (default: ${DEFAULT-VALUE}).")
    double warnGrade;

    @Option(names = "--error-grade", paramLabel = "GRADE", defaultValue = "10",
            description = "Error above this Flesch-Kincaid grade (default: ${DEFAULT-VALUE}).")
    double errorGrade;

    @Option(names = "--max-age", paramLabel = "YEARS", defaultValue = "2",
            description = "Warn when a sheet was reviewed more than this many years ago (default: ${DEFAULT-VALUE}).")
    int maxAge;

    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Option(names = "--grades", description = "Also print each drug's Flesch-Kincaid grade.")
    boolean showGrades;

    @Option(names = "--schema", paramLabel = "KIND",
            description = "Print the JSON Schema for drug, class or facts sheets instead of checking.")
    JsonSchema.Published schema;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = top.spec.commandLine().getOut();
        if (schema != null) {
            out.print(JsonSchema.of(schema));
            out.flush();
            return Exit.OK;
        }
        LocalDate today = LocalDate.now(top.env.clock());
        SheetCheck.Report report = SheetCheck.run(data.formulary(top.env),
                new SheetCheck.Options(warnGrade, errorGrade, maxAge, today));
        if (format == Format.json) {
            json(report, out);
        } else {
            text(report, out);
        }
        out.flush();
        boolean failed = report.count(Level.ERROR) > 0 || (strict && report.count(Level.WARNING) > 0);
        return failed ? Exit.DATA_ERROR : Exit.OK;
    }

    private void text(SheetCheck.Report report, PrintWriter out) {
        for (Problem p : report.problems()) {
            String located = p.line() > 0 ? p.file() + ":" + p.line() : p.file();
            out.println(Terminal.safe(located + ": " + p.level().name().toLowerCase(Locale.ROOT) + ": " + p.message()));
        }
        if (showGrades) {
            report.grades().entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e ->
                    out.println(e.getKey() + ": Flesch-Kincaid grade " + String.format(Locale.ROOT, "%.1f", e.getValue())));
        }
        out.println("checked " + report.sheets() + " files: " + report.count(Level.ERROR) + " errors, "
                + report.count(Level.WARNING) + " warnings");
    }

    private static void json(SheetCheck.Report report, PrintWriter out) {
        Map<String, Object> tree = new java.util.LinkedHashMap<>();
        tree.put("files", report.sheets());
        tree.put("errors", report.count(Level.ERROR));
        tree.put("warnings", report.count(Level.WARNING));
        tree.put("problems", report.problems().stream().map(p -> {
            Map<String, Object> m = new java.util.LinkedHashMap<>();
            m.put("file", p.file());
            m.put("line", p.line());
            m.put("level", p.level().name().toLowerCase(Locale.ROOT));
            m.put("rule", p.rule());
            m.put("message", p.message());
            return m;
        }).toList());
        Map<String, Object> grades = new java.util.TreeMap<>();
        report.grades().forEach((drug, grade) -> grades.put(drug, Math.round(grade * 10) / 10.0));
        tree.put("grades", grades);
        JsonOut.write(tree, out);
    }
}
