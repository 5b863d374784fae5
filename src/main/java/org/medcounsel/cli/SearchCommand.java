package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Search;
import org.medcounsel.render.SearchHits;
import org.medcounsel.render.Style;
import org.medcounsel.sheet.Formulary;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel search TEXT...}: every sentence of every sheet that mentions it. */
@Command(
        name = "search",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Find what the sheets say about something.",
            "Every sentence of every drug and class sheet (bundled and site) that mentions TEXT: one hit a line,"
                    + " with the sheet, the section and the sentence.",
            "Any case; a word also finds longer words it begins (clot finds clots). Several words must all be in"
                    + " the same sentence; quote words to find them together as a phrase. Lay and medical words"
                    + " find each other through data/synonyms.yaml (shingles finds herpes zoster)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:found", "1:nothing found, or a sheet failed to load", "2:usage error"},
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel search shingles",
            "  medcounsel search \"blood clot\" smoking",
            "  medcounsel search alopecia --format json",
            "  medcounsel search tb --data /srv/pharmacy/sheets"
        })
final class SearchCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    SearchCommand(Environment env) {
        this.env = env;
    }

    @Parameters(arity = "1..*", paramLabel = "TEXT", description = "Words or quoted phrases to find.")
    List<String> text = new ArrayList<>();

    @Mixin
    ReportFormatOption format;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env);
        List<Search.Term> terms = Search.terms(text, formulary.synonyms());
        if (terms.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "nothing to search for");
        }
        Search.Result result = Search.run(formulary, terms);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        SearchHits.write(format.format, result, env.terminal(), new Style(output.colour(env)), out);
        Diagnostics said = new Diagnostics(err);
        result.broken().forEach(said::error);
        if (result.hits().isEmpty()) {
            said.error("no sheet mentions '" + String.join(" ", text) + "'");
        }
        err.flush();
        return result.hits().isEmpty() || !result.broken().isEmpty() ? Exit.DATA_ERROR : Exit.OK;
    }
}
