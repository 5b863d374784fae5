package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Search;
import org.medcounsel.render.DrugList;
import org.medcounsel.render.Style;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Sheets.Use;
import org.medcounsel.sheet.Shelf.Kind;
import org.medcounsel.sheet.Synonyms;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code medcounsel list}: every known drug, one a line: id, brands, class and where it came from. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Every known drug, one a line.",
            "Its id, brands, class, and where its sheet came from (bundled, or the site folder, saying when it"
                    + " replaces a bundled sheet).",
            "On a terminal, aligned columns under a header; piped, the same columns separated by tabs, without"
                    + " a header."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:no drug matches the filters, or a sheet failed to load (the others are still listed; the errors"
                    + " go to stderr)",
            "2:usage error (an unknown --class names the known ones)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel list",
            "  medcounsel list --class jak-inhibitor",
            "  medcounsel list --for eczema --format json",
            "  medcounsel list --data /srv/pharmacy/sheets | cut -f1"
        })
final class ListCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    ListCommand(Environment env) {
        this.env = env;
    }

    @Option(names = "--class", paramLabel = "ID", description = "Only drugs of this class (a class sheet's id).")
    String drugClass;

    @Option(
            names = "--for",
            paramLabel = "CONDITION",
            description = "Only drugs used for this condition: its words or a use id, synonyms included"
                    + " (eczema finds atopic dermatitis).")
    String condition;

    @Mixin
    ReportFormatOption format;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env);
        if (drugClass != null && !formulary.classIds().contains(drugClass)) {
            throw new ParameterException(
                    spec.commandLine(),
                    "unknown class '" + drugClass + "' (known: " + String.join(", ", formulary.classIds()) + ")");
        }
        List<Search.Term> forTerms =
                condition == null ? List.of() : Search.terms(List.of(condition), formulary.synonyms());
        Map<String, String> folders = formulary.siteFolders(Kind.DRUG);
        Set<String> bundled = formulary.bundledIds(Kind.DRUG);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        boolean piped = !format.json() && !env.terminal();
        // Only the rows are kept for the table and JSON (they need every row's width, or a closing
        // bracket); the sheets are read and let go, as leaflet does, so 10,000 sheets keep none.
        List<DrugList.Row> rows = new ArrayList<>();
        List<String> broken = new ArrayList<>();
        int shown = 0;
        for (String id : formulary.drugIds()) {
            try {
                Drug drug = formulary.drugOnce(id);
                if (!wanted(drug, forTerms)) continue;
                String folder = folders.getOrDefault(id, "");
                DrugList.Row row = new DrugList.Row(
                        id,
                        drug.sheet().brands(),
                        drug.drugClass().map(ClassSheet::name).orElse(""),
                        folder,
                        !folder.isEmpty() && bundled.contains(id),
                        languages(formulary, id));
                shown++;
                if (piped) {
                    DrugList.row(row, out);
                } else {
                    rows.add(row);
                }
            } catch (SheetException e) {
                broken.add(e.getMessage());
            }
        }
        if (format.json()) {
            DrugList.json(rows, out);
        } else if (!piped && !rows.isEmpty()) {
            DrugList.table(rows, formulary.words(), new Style(output.colour(env)), out);
        }
        out.flush();
        Diagnostics said = new Diagnostics(err);
        broken.forEach(said::error);
        if (shown == 0 && (drugClass != null || condition != null)) {
            said.error("no drug matches" + (drugClass == null ? "" : " --class " + drugClass)
                    + (condition == null ? "" : " --for '" + condition + "'"));
        }
        err.flush();
        return broken.isEmpty() && (shown > 0 || (drugClass == null && condition == null)) ? Exit.OK : Exit.DATA_ERROR;
    }

    /** Whether the drug passes --class and --for. */
    private boolean wanted(Drug drug, List<Search.Term> forTerms) {
        if (drugClass != null && !drug.sheet().drugClass().orElse("").equals(drugClass)) {
            return false;
        }
        if (forTerms.isEmpty()) {
            return true;
        }
        String asked = Synonyms.normal(condition);
        for (Use use : drug.sheet().get(SheetShapes.DRUG_USES)) {
            if (use.id().equals(asked) || Search.holds(use.condition(), forTerms)) {
                return true;
            }
        }
        return false;
    }

    /** English, then each translation of the drug with the state it is in. */
    static List<DrugList.Lang> languages(Formulary formulary, String id) {
        List<DrugList.Lang> all = new ArrayList<>();
        all.add(new DrugList.Lang(Language.ENGLISH, "english"));
        for (String lang : formulary.languages(Kind.DRUG, id)) {
            String status;
            try {
                Language l = formulary.drug(id, lang).language();
                status = !l.translated()
                        ? "incomplete"
                        : l.stale() ? "stale" : l.approval().isPresent() ? "checked" : "unchecked";
            } catch (SheetException e) {
                status = "broken";
            }
            all.add(new DrugList.Lang(lang, status));
        }
        return all;
    }
}
