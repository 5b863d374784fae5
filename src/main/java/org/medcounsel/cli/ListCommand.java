package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Listing;
import org.medcounsel.render.DrugList;
import org.medcounsel.render.Style;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Sheets.ClassSheet;
import org.medcounsel.sheet.Shelf.Kind;
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
        Listing listing = new Listing(formulary, Optional.ofNullable(drugClass), Optional.ofNullable(condition));
        Map<String, String> folders = formulary.siteFolders(Kind.DRUG);
        Set<String> bundled = formulary.bundledIds(Kind.DRUG);
        PrintWriter err = spec.commandLine().getErr();
        DrugList list = new DrugList(
                format.format,
                env.terminal(),
                formulary.words(),
                new Style(output.colour(env)),
                spec.commandLine().getOut());
        // The sheets are read and let go, as leaflet does, so 10,000 sheets keep none.
        List<String> broken = new ArrayList<>();
        int shown = 0;
        for (String id : formulary.drugIds()) {
            try {
                Drug drug = formulary.drugOnce(id);
                if (!listing.wanted(drug)) continue;
                String folder = folders.getOrDefault(id, "");
                list.add(new DrugList.Row(
                        id,
                        drug.sheet().brands(),
                        drug.drugClass().map(ClassSheet::name).orElse(""),
                        folder,
                        !folder.isEmpty() && bundled.contains(id),
                        Listing.languages(formulary, id)));
                shown++;
            } catch (SheetException e) {
                broken.add(e.getMessage());
            }
        }
        list.end();
        Diagnostics said = new Diagnostics(err);
        broken.forEach(said::error);
        if (shown == 0 && listing.filtered()) {
            said.error("no drug matches" + (drugClass == null ? "" : " --class " + drugClass)
                    + (condition == null ? "" : " --for '" + condition + "'"));
        }
        err.flush();
        return broken.isEmpty() && (shown > 0 || !listing.filtered()) ? Exit.OK : Exit.DATA_ERROR;
    }
}
