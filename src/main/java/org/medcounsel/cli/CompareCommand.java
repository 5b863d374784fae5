package org.medcounsel.cli;

import java.io.IOException;
import java.util.List;
import org.medcounsel.counsel.Comparison;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParameterException;

/** {@code medcounsel compare DRUG DRUG...}: one table of the drugs side by side. */
@Command(
        name = "compare",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        // The generated synopsis would say DRUG...; a comparison needs two at least.
        // (options by name below, so a new shared option never makes this line stale).
        customSynopsis = "medcounsel compare [OPTIONS] DRUG DRUG...",
        description = {
            "Two or more drugs side by side, for a patient who switches.",
            "Uses and ages, how to take it, checks and tests, birth control after the last dose, key interactions, a"
                    + " missed dose."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data error", "2:usage error (fewer than 2 drugs)", "3:unknown drug"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel compare olumiant xeljanz",
            "  medcounsel compare baricitinib tofacitinib upadacitinib --width 100",
            "  medcounsel compare rinvoq cibinqo --format html > switch.html",
            "  medcounsel compare koselugo mirdametinib --format json"
        })
final class CompareCommand extends CounselCommand {
    CompareCommand(Environment env) {
        super(env);
    }

    @Override
    public Integer call() throws IOException {
        // Before any sheet is read: one name is a usage error, whatever the name.
        if (names.size() < 2) {
            throw new ParameterException(spec.commandLine(), "compare needs at least 2 drugs, not " + names.size());
        }
        return super.call();
    }

    @Override
    List<Document> documents(Formulary formulary, List<Drug> drugs) {
        if (drugs.size() < 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "compare needs at least 2 different drugs: " + String.join(" and ", names) + " name the same one");
        }
        return List.of(new Comparison(formulary).of(drugs));
    }

    /** Not used: a comparison is one document of all the drugs ({@link #documents}). */
    @Override
    Document document(Guidance guidance, Drug drug) {
        throw new UnsupportedOperationException("compare makes one document of all its drugs");
    }
}
