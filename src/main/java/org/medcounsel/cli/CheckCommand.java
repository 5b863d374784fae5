package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medcounsel.check.SheetCheck;
import org.medcounsel.check.TranslationCheck;
import org.medcounsel.doc.Document;
import org.medcounsel.render.CheckReport;
import org.medcounsel.render.Style;
import org.medcounsel.render.TextRenderer;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.FileShelf;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.JsonSchema;
import org.medcounsel.sheet.Problem;
import org.medcounsel.sheet.Problem.Level;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Shelf;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.YamlNode;
import org.medcounsel.sheet.YamlReader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel check}: the sheet linter for sheet authors. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Check the sheets and report every problem.",
            "Every sheet (bundled and --data), every problem as FILE:LINE: level: message.",
            "Names each folder read and its sheet count. A file in a --data folder that is",
            "never read (a sheet outside drugs/ or classes/, a .yml file, a folder given",
            "one level too deep) is an error. With FILE..., checks just those files.",
            "Structure: unknown, misspelt or missing fields, wrong types, duplicate keys, broken references.",
            "Content: Flesch-Kincaid grade per field and per drug, text in another script, repeated paragraphs,",
            "review dates older than two years, licensed uses without a source, missing urgent-help."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:no errors (warnings only, unless --strict)",
            "1:errors found, or a file in a --data folder not read (or warnings with --strict)",
            "2:usage error"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel check",
            "  medcounsel check --data /srv/pharmacy/sheets --strict",
            "  medcounsel check drafts/drugs/sitedrug.yaml",
            "  medcounsel check --format json"
        })
final class CheckCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    CheckCommand(Environment env) {
        this.env = env;
    }

    @Mixin
    DataOptions data;

    @Mixin
    ReportFormatOption format;

    @Option(
            names = "--warn-grade",
            paramLabel = "GRADE",
            defaultValue = "8",
            description = "Warn above this Flesch-Kincaid grade (default: ${DEFAULT-VALUE}).")
    double warnGrade;

    @Option(
            names = "--error-grade",
            paramLabel = "GRADE",
            defaultValue = "10",
            description = "Error above this Flesch-Kincaid grade (default: ${DEFAULT-VALUE}).")
    double errorGrade;

    @Option(
            names = "--max-age",
            paramLabel = "YEARS",
            defaultValue = "2",
            description = "Warn when a sheet was reviewed more than this many years ago (default: ${DEFAULT-VALUE}).")
    int maxAge;

    @Option(
            names = "--unapproved",
            description = "Also list the drug sheets the site's own pharmacist has not approved (approvals.yaml in a"
                    + " --data folder), or whose approval is older than the sheet's last check.")
    boolean unapproved;

    @Option(names = "--strict", description = "Warnings fail the check too (exit 1).")
    boolean strict;

    @Option(names = "--grades", description = "Also print each drug's Flesch-Kincaid grade.")
    boolean showGrades;

    @Parameters(
            arity = "0..*",
            paramLabel = "FILE",
            description = "Check only these files, against the bundled data and any --data folders. facts.yaml,"
                    + " words.yaml, medicines.yaml, synonyms.yaml, approvals.yaml and translations (words.es.yaml,"
                    + " ID.es.yaml) are known by name; a file in a drugs/ folder is a drug sheet, in classes/ a class"
                    + " sheet; elsewhere its fields tell.")
    List<String> files = new ArrayList<>();

    @Option(
            names = "--schema",
            paramLabel = "KIND",
            description = "Print the JSON Schema for drug, class or facts sheets instead of checking.")
    JsonSchema.Published schema;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (schema != null) {
            out.print(JsonSchema.of(schema));
            out.flush();
            return Exit.OK;
        }
        LocalDate today = LocalDate.now(env.clock());
        SheetCheck.Options options =
                new SheetCheck.Options(warnGrade, errorGrade, maxAge, today, CheckCommand::briefLines);
        if (!files.isEmpty()) {
            if (unapproved) {
                throw new ParameterException(
                        spec.commandLine(), "--unapproved lists a whole site's sheets: give it without FILE");
            }
            return report(checkFiles(options), out);
        }
        Formulary formulary = data.formulary(env, false);
        SheetCheck.Report report = SheetCheck.run(formulary, options);
        print(report, out);
        if (unapproved) {
            List<String> open = new ArrayList<>();
            for (String id : formulary.drugIds()) {
                try {
                    Drug drug = formulary.drugOnce(id);
                    if (formulary.approval(drug).isEmpty())
                        open.add(id + " (checked against the labels on " + drug.reviewed() + ")");
                } catch (SheetException e) {
                    open.add(id + " (does not load)");
                }
            }
            CheckReport.unapproved(open, out);
        }
        out.flush();
        return exit(report);
    }

    private void print(SheetCheck.Report report, PrintWriter out) {
        CheckReport.write(format.format, report, showGrades, out);
    }

    private int report(SheetCheck.Report report, PrintWriter out) {
        print(report, out);
        out.flush();
        return exit(report);
    }

    private int exit(SheetCheck.Report report) {
        boolean failed = report.count(Level.ERROR) > 0 || (strict && report.count(Level.WARNING) > 0);
        return failed ? Exit.DATA_ERROR : Exit.OK;
    }

    /**
     * Checks the files given by path, each as what it is, over the --data folders and the bundled
     * data: a data file ({@code facts.yaml}, {@code words.yaml}, {@code medicines.yaml}, {@code
     * synonyms.yaml}, {@code approvals.yaml}) and a translation of one ({@code words.es.yaml}) by
     * its name; a sheet's translation ({@code drugs/baricitinib.es.yaml}) by its name too; a sheet
     * by its folder ({@code drugs/}, {@code classes/}) or else its fields, its id from its name. A
     * name medcounsel would not read is an error, and the file is still checked.
     */
    private SheetCheck.Report checkFiles(SheetCheck.Options options) {
        List<Shelf> shelves = new ArrayList<>(data.shelves(env));
        List<SheetCheck.Target> targets = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        int others = 0;
        for (String name : files) {
            Path path = env.fileSystem().getPath(name);
            if (!Files.isRegularFile(path)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "sheet file '" + name + "' " + (Files.exists(path) ? "is not a file" : "does not exist"));
            }
            String fileName = path.getFileName().toString();
            int dot = fileName.lastIndexOf('.');
            String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
            Path parent = path.toAbsolutePath().normalize().getParent();
            String folder = parent == null || parent.getFileName() == null
                    ? ""
                    : parent.getFileName().toString();
            if (FolderShelf.VOCABULARIES.contains(stem + ".yaml")) {
                others++;
                if (!fileName.endsWith(".yaml")) problems.add(unread(name, "rename it to " + stem + ".yaml"));
                problems.addAll(checkVocabulary(name, path, stem + ".yaml", options));
                continue;
            }
            String lang = FolderShelf.overlayLang(fileName, null);
            if (lang != null
                    && FolderShelf.TRANSLATED.contains(fileName.substring(0, fileName.indexOf('.')) + ".yaml")) {
                others++;
                problems.addAll(
                        checkVocabularyTranslation(name, path, fileName.substring(0, fileName.indexOf('.')), lang));
                continue;
            }
            if (lang != null) {
                others++;
                problems.addAll(checkTranslation(name, path, fileName, folder));
                continue;
            }
            Optional<Kind> kind = folder.equals(Kind.DRUG.folder)
                    ? Optional.of(Kind.DRUG)
                    : folder.equals(Kind.CLASS.folder) ? Optional.of(Kind.CLASS) : FolderShelf.kindOf(path);
            if (kind.isEmpty()) {
                others++;
                problems.add(new Problem(
                        name,
                        0,
                        Level.ERROR,
                        "unread",
                        "neither a drug nor a class sheet (no drug sheet fields such as brands, uses or how-to-take,"
                                + " and no summary with a reviewed date), nor a data file medcounsel reads by its name"
                                + " (" + String.join(", ", FolderShelf.VOCABULARIES)
                                + ", words.LANG.yaml, facts.LANG.yaml, or a sheet's ID.LANG.yaml); put a sheet in a"
                                + " drugs/ or classes/ folder to check it as one"));
                continue;
            }
            String id = FolderShelf.ID.matcher(stem).matches() ? stem : FolderShelf.idFor(stem);
            if (!fileName.equals(id + ".yaml")) {
                problems.add(unread(
                        name,
                        (fileName.endsWith(".yml")
                                        ? "sheets end in .yaml"
                                        : "a sheet's file name is its id, in lower-case letters, digits and dashes")
                                + " (rename it to " + id + ".yaml)"));
            }
            shelves.add(FileShelf.of(path, name, kind.get(), id).orElseThrow());
            targets.add(new SheetCheck.Target(kind.get(), id));
        }
        // One-off files: nothing of theirs is kept in the cache folder.
        Formulary formulary = Formulary.withSites(shelves, Optional.empty());
        SheetCheck.Report checked = SheetCheck.sheets(formulary, options, targets);
        problems.addAll(checked.problems());
        return new SheetCheck.Report(checked.sheets() + others, problems, checked.grades(), List.of());
    }

    private static Problem unread(String name, String why) {
        return new Problem(name, 0, Level.ERROR, "unread", "medcounsel would not read this file: " + why);
    }

    /**
     * A data file given by path ({@code site/words.yaml}), put over the --data folders and the
     * bundled data as {@code as} ({@code words.yaml}), as a site folder's would be.
     */
    private List<Problem> checkVocabulary(String name, Path path, String as, SheetCheck.Options options) {
        List<Shelf> shelves = new ArrayList<>(data.shelves(env));
        shelves.add(FileShelf.vocabularies(path, Map.of(as, Map.entry(path, name))));
        return SheetCheck.vocabulary(Formulary.withSites(shelves, Optional.empty()), options, as)
                .problems();
    }

    /**
     * A translation of {@code words.yaml} or {@code facts.yaml} given by path ({@code
     * data/words.es.yaml}), checked against the English file beside it, or else the bundled one
     * (as a data folder's translation is); then, put over the --data folders and the bundled data
     * with that English file, whether together they translate every word or question.
     */
    private List<Problem> checkVocabularyTranslation(String name, Path path, String base, String lang) {
        Path beside = path.resolveSibling(base + ".yaml");
        Map<String, Map.Entry<Path, String>> files = new HashMap<>();
        files.put(base + "." + lang + ".yaml", Map.entry(path, name));
        if (Files.isRegularFile(beside)) files.put(base + ".yaml", Map.entry(beside, shownBeside(name, beside)));
        List<Shelf> shelves = new ArrayList<>(data.shelves(env));
        shelves.add(FileShelf.vocabularies(path, files));
        Formulary formulary = Formulary.withSites(shelves, Optional.empty());
        try {
            YamlNode english = Files.isRegularFile(beside)
                    ? YamlReader.read(shownBeside(name, beside), Files.readAllBytes(beside))
                    : formulary.shelves().vocabularyFiles(base + ".yaml").get(0).tree();
            YamlNode overlay = YamlReader.read(name, Files.readAllBytes(path));
            List<Problem> problems =
                    new ArrayList<>(TranslationCheck.vocabularyTranslation(name, base, lang, english, overlay));
            if (problems.stream().noneMatch(p -> p.level() == Level.ERROR)) {
                List<String> untranslated = formulary.translations().untranslated(base, lang);
                if (!untranslated.isEmpty()) {
                    problems.add(new Problem(
                            name,
                            0,
                            Level.ERROR,
                            "translation",
                            TranslationCheck.untranslated(base, lang, untranslated)));
                }
            }
            return problems;
        } catch (SheetException e) {
            return e.problems();
        } catch (IOException e) {
            return List.of(new Problem(name, 0, Level.ERROR, "unread", "cannot read: " + e.getMessage()));
        }
    }

    /** A file beside the one named {@code name}, named as the user would name it. */
    private static String shownBeside(String name, Path beside) {
        int slash = name.lastIndexOf('/');
        return (slash < 0 ? "" : name.substring(0, slash + 1)) + beside.getFileName();
    }

    /**
     * A translation file given by path ({@code drugs/baricitinib.es.yaml}), checked against the
     * English sheet beside it, or else the one the --data folders and the bundled data hold. Its
     * kind comes from its folder, else from the English sheet beside it, else from which kind of
     * sheet has its id.
     */
    private List<Problem> checkTranslation(String name, Path path, String fileName, String folder) {
        String id = fileName.substring(0, fileName.indexOf('.'));
        String lang = FolderShelf.overlayLang(fileName, null);
        Path beside = path.resolveSibling(id + ".yaml");
        try {
            Kind kind;
            YamlNode english;
            if (Files.isRegularFile(beside)) {
                kind = folder.equals(Kind.CLASS.folder)
                        ? Kind.CLASS
                        : folder.equals(Kind.DRUG.folder)
                                ? Kind.DRUG
                                : FolderShelf.kindOf(beside).orElse(Kind.DRUG);
                english = YamlReader.read(beside.toString(), Files.readAllBytes(beside));
            } else {
                Formulary formulary = data.formulary(env, false);
                List<Kind> kinds = folder.equals(Kind.CLASS.folder)
                        ? List.of(Kind.CLASS)
                        : folder.equals(Kind.DRUG.folder) ? List.of(Kind.DRUG) : List.of(Kind.DRUG, Kind.CLASS);
                Optional<Kind> found = kinds.stream()
                        .filter(k -> formulary.find(k, id).isPresent())
                        .findFirst();
                if (found.isEmpty()) {
                    return List.of(new Problem(
                            name,
                            0,
                            Level.ERROR,
                            "unread",
                            "a translation of '" + id + "', which has no "
                                    + (kinds.size() == 1
                                            ? (kinds.get(0) == Kind.DRUG ? "drug" : "class")
                                            : "drug or class")
                                    + " sheet beside it, in the --data folders or in the bundled data"));
                }
                kind = found.get();
                english = formulary.find(kind, id).orElseThrow().tree();
            }
            YamlNode overlay = YamlReader.read(name, Files.readAllBytes(path));
            return TranslationCheck.translation(name, kind, lang, english, overlay);
        } catch (SheetException e) {
            return e.problems();
        } catch (IOException e) {
            return List.of(new Problem(name, 0, Level.ERROR, "unread", "cannot read: " + e.getMessage()));
        }
    }

    /** The lines a counter card takes as plain text at the width check holds it to. */
    static int briefLines(Document card) {
        StringWriter text = new StringWriter();
        new TextRenderer(SheetCheck.BRIEF_WIDTH, new Style(false), true).render(List.of(card), new PrintWriter(text));
        return (int) text.toString().lines().count();
    }
}
