package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medcounsel.render.DrugList;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Sheets.ClassSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code medcounsel list}: every known drug, one a line: generic name, brands, class. */
@Command(
        name = "list",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {"Every known drug, one a line.", "Its id, brands and class, separated by tabs."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:success",
            "1:a sheet failed to load (the others are still listed; the errors go to stderr)",
            "2:usage error"
        },
        footerHeading = "%nExamples:%n",
        footer = {"  medcounsel list", "  medcounsel list --data /srv/pharmacy/sheets"})
final class ListCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    ListCommand(Environment env) {
        this.env = env;
    }

    @Mixin
    DataOptions data;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<String> broken = new ArrayList<>();
        for (String id : formulary.drugIds()) {
            try {
                // Read and let go, as leaflet does: listing 10,000 sheets keeps none of them.
                Drug drug = formulary.drugOnce(id);
                DrugList.row(
                        new DrugList.Row(
                                id,
                                drug.sheet().brands(),
                                drug.drugClass().map(ClassSheet::name).orElse("")),
                        out);
            } catch (SheetException e) {
                broken.add(e.getMessage());
            }
        }
        out.flush();
        broken.forEach(m -> err.println("medcounsel: " + Terminal.safe(m)));
        err.flush();
        return broken.isEmpty() ? Exit.OK : Exit.DATA_ERROR;
    }
}
