package org.medcounsel.cli;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * What the counselling commands share: drug names in, every sheet resolved and loaded before
 * anything is printed, so an unknown name or a broken sheet never leaves half an answer.
 */
abstract class CounselCommand implements Callable<Integer> {
    @ParentCommand
    MedcounselCommand top;

    @Parameters(arity = "1..*", paramLabel = "DRUG", description = "Generic or brand name, any case.")
    List<String> names = new ArrayList<>();

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Mixin
    FormatOption format;

    @Mixin
    DebugOption debug;

    Environment env() {
        return top.env;
    }

    /** The renderer the options ask for. */
    org.medcounsel.render.Renderer renderer() {
        return output.renderer(env(), format.format);
    }

    /** Resolves every name (exit 3 on the first unknown), then loads every sheet, in the order given. */
    List<Drug> drugs(Formulary formulary) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            ids.add(formulary.resolve(name));
        }
        List<Drug> drugs = new ArrayList<>();
        for (String id : ids) {
            drugs.add(formulary.drug(id));
        }
        return drugs;
    }
}
