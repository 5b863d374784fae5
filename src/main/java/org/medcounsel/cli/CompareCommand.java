package org.medcounsel.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Comparison;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Language;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

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
final class CompareCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    CompareCommand(Environment env) {
        this.env = env;
    }

    @Parameters(arity = "1..*", paramLabel = "DRUG", description = "Generic or brand name, any case.")
    List<String> names = new ArrayList<>();

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Mixin
    FormatOption format;

    /** One table of every drug named, in English: the comparison is not translated. */
    @Override
    public Integer call() throws IOException {
        // Before any sheet is read: one name is a usage error, whatever the name.
        if (names.size() < 2) {
            throw new ParameterException(spec.commandLine(), "compare needs at least 2 drugs, not " + names.size());
        }
        Formulary formulary = data.formulary(env);
        List<Drug> drugs = CounselCommand.drugs(
                names, Language.ENGLISH, formulary, env, spec.commandLine().getErr());
        if (drugs.size() < 2) {
            throw new ParameterException(
                    spec.commandLine(),
                    "compare needs at least 2 different drugs: " + String.join(" and ", names) + " name the same one");
        }
        output.renderer(env, format.format)
                .render(
                        List.of(new Comparison(formulary).of(drugs)),
                        spec.commandLine().getOut());
        return Exit.OK;
    }
}
