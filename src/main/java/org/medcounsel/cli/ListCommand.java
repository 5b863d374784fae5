package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Sheets.ClassSheet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParentCommand;

/** {@code medcounsel list}: every known drug, one a line: generic name, brands, class. */
@Command(name = "list", mixinStandardHelpOptions = true, versionProvider = MedcounselCommand.Version.class,
        description = "Every known drug, one a line: id, brands and class, separated by tabs.",
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {"0:success",
            "1:a sheet failed to load (the others are still listed; the errors go to stderr)", "2:usage error"})
final class ListCommand implements Callable<Integer> {
    @ParentCommand
    MedcounselCommand top;

    @Mixin
    DataOptions data;

    @Mixin
    DebugOption debug;

    @Override
    public Integer call() {
        Formulary formulary = data.formulary(top.env);
        PrintWriter out = top.spec.commandLine().getOut();
        PrintWriter err = top.spec.commandLine().getErr();
        List<String> broken = new ArrayList<>();
        for (String id : formulary.drugIds()) {
            try {
                // Read and let go, as leaflet does: listing 10,000 sheets keeps none of them.
                Drug drug = formulary.drugOnce(id);
                String drugClass = drug.drugClass().map(ClassSheet::name).orElse("-");
                List<String> brandList = drug.sheet().brands();
                String brands = brandList.isEmpty() ? "-" : String.join(", ", brandList);
                out.println(id + "\t" + Terminal.safe(brands) + "\t" + Terminal.safe(drugClass));
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
