package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.render.Renderer;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.Word;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * What the counselling commands share: drug names in, every sheet resolved and loaded before
 * anything is printed, so an unknown name or a broken sheet never leaves half an answer.
 */
abstract class CounselCommand implements Callable<Integer> {
    /** The document this command makes of one drug. */
    abstract Document document(Guidance guidance, Drug drug);

    @Override
    public Integer call() throws IOException {
        Formulary formulary = data.formulary(env());
        renderer().render(documents(formulary, drugs(formulary)), out());
        return Exit.OK;
    }

    /** The documents made of the drugs named, in order: one per drug unless a command says otherwise. */
    List<Document> documents(Formulary formulary, List<Drug> drugs) {
        Guidance guidance = Guidance.of(formulary);
        return drugs.stream().map(d -> document(guidance.in(d), d)).toList();
    }

    private final Environment env;

    @Spec
    CommandSpec spec;

    CounselCommand(Environment env) {
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

    @Mixin
    LanguageOption language;

    Environment env() {
        return env;
    }

    /** The language tag the user asks for (flag, config file, locale), English without one. */
    String lang(Formulary formulary) {
        return language.tag(env, formulary);
    }

    /** The renderer the options ask for. */
    Renderer renderer() {
        return output.renderer(env(), format.format);
    }

    /** Where the output goes. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Resolves every name (exit 3 on the first unknown), then loads every sheet, in the order given. */
    List<Drug> drugs(Formulary formulary) {
        return drugs(names, lang(formulary), formulary, env, spec.commandLine().getErr());
    }

    /**
     * The drugs named, in {@code lang}: every name resolved first (exit 3 on the first unknown),
     * then every sheet loaded, in the order given, with their notes on {@code err}.
     */
    static List<Drug> drugs(List<String> names, String lang, Formulary formulary, Environment env, PrintWriter err) {
        Set<String> ids = new LinkedHashSet<>();
        for (String name : names) {
            ids.add(formulary.resolve(name));
        }
        List<Drug> drugs = new ArrayList<>();
        for (String id : ids) {
            drugs.add(formulary.drug(id, lang));
        }
        noteStale(drugs, formulary, env, err);
        noteLanguage(drugs, err);
        return drugs;
    }

    /**
     * One line on stderr for each drug shown in English although another language was asked
     * for, saying why; and for each stale translation.
     */
    static void noteLanguage(List<Drug> drugs, PrintWriter err) {
        for (Drug drug : drugs) {
            Language lang = drug.language();
            if (!lang.notShown().isEmpty()) {
                new Diagnostics(err).note(lang.notShown() + "; showing " + drug.id() + " in English");
            } else if (lang.stale()) {
                new Diagnostics(err)
                        .warning("the " + Language.named(lang.shown()) + " translation of " + drug.id()
                                + " was made before its English sheet last changed; it may be out of date");
            }
        }
        err.flush();
    }

    /**
     * One line on stderr for each drug whose sheet (or class sheet) was last reviewed long ago:
     * said where the sheet is used, never on stdout, so output for a patient stays as it is.
     */
    static void noteStale(List<Drug> drugs, Formulary formulary, Environment env, PrintWriter err) {
        LocalDate today = LocalDate.now(env.clock());
        boolean said = false;
        for (Drug drug : drugs) {
            OptionalInt years = drug.staleYears(today);
            if (years.isPresent()) {
                new Diagnostics(err)
                        .note(formulary
                                .words()
                                .get(
                                        Word.NOTE_STALE,
                                        "drug",
                                        drug.id(),
                                        "date",
                                        drug.reviewed(),
                                        "years",
                                        years.getAsInt()));
                said = true;
            }
        }
        if (said) err.flush();
    }
}
