package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.counsel.Screening;
import org.medcounsel.counsel.ScreeningRecord;
import org.medcounsel.render.Fhir;
import org.medcounsel.render.Format;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel questionnaire DRUG --format fhir}: a drug's screening questions as a FHIR R4 Questionnaire. */
@Command(
        name = "questionnaire",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "A drug's screening questions as a FHIR Questionnaire.",
            "Its canonical URL is stable; its version is a fingerprint of the sheets, so a system can tell when the"
                    + " questions change. Answer it with a QuestionnaireResponse and pass that to screen --patient."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel questionnaire olumiant --format fhir > olumiant-questionnaire.json",
            "  medcounsel questionnaire koselugo"
        })
final class QuestionnaireCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    QuestionnaireCommand(Environment env) {
        this.env = env;
    }

    @Parameters(paramLabel = "DRUG", description = "A generic or brand name.")
    String name;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "fhir",
            completionCandidates = Accepted.class,
            converter = Accepted.class,
            description = "${COMPLETION-CANDIDATES} (FHIR R4 JSON), the only one (default: ${DEFAULT-VALUE}).")
    Format format = Format.fhir;

    /** A questionnaire is written as FHIR only. */
    static final class Accepted extends Formats {
        Accepted() {
            super(Format.fhir);
        }
    }

    @Mixin
    DataOptions data;

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env);
        String id = formulary.resolve(name);
        Drug drug = formulary.drug(id, language.tag(env, formulary));
        Facts facts = formulary.facts();
        if (drug.language().translated()) {
            Optional<InLanguage<Facts>> shown = formulary.facts(drug.language().shown());
            if (shown.isPresent()) {
                facts = shown.get().value();
            } else {
                drug = formulary
                        .drug(id)
                        .in(Language.fallback(
                                drug.language().asked(),
                                "the screening questions have no complete "
                                        + Language.named(drug.language().shown())
                                        + " translation"));
            }
        }
        CounselCommand.noteStale(
                List.of(drug), formulary, env, spec.commandLine().getErr());
        CounselCommand.noteLanguage(List.of(drug), spec.commandLine().getErr());
        Words words = Guidance.of(formulary).in(drug).words();
        String version = ScreeningRecord.version(List.of(drug), formulary);
        PrintWriter out = spec.commandLine().getOut();
        Fhir.questionnaire(
                drug,
                Screening.questionsAsked(List.of(drug), facts),
                version,
                words.get(Word.QUESTIONNAIRE_TITLE, "drug", drug.name()),
                out);
        out.flush();
        return Exit.OK;
    }
}
