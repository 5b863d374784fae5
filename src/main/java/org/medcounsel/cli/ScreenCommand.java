package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.counsel.Patient;
import org.medcounsel.counsel.Screening;
import org.medcounsel.counsel.ScreeningRecord;
import org.medcounsel.counsel.Screenings;
import org.medcounsel.render.AtomicFiles;
import org.medcounsel.render.Format;
import org.medcounsel.render.PatientTemplate;
import org.medcounsel.render.ScreeningReport;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.Sheets.Fact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel screen DRUG...}: the pre-treatment checklist, answered for one patient. */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "A pre-treatment checklist and verdict for one patient.",
            "Findings (highest level first), every question with its answer, the pharmacist's reminders and a"
                    + " verdict.",
            "Without any answers it lists the questions and exits 10.",
            "Answers are read the same way from -f, --patient, --ask and a FHIR response: yes or no; a plain"
                    + " number, with a unit when it is not the question's (age=6 mo, weight=154 lb), converted or"
                    + " refused; one of a choice's answers; medicines separated by commas, ';', '/', '+', '&', 'and'"
                    + " or new lines, each read whole ('none' when there are none; an empty answer is not asked).",
            "A FHIR QuestionnaireResponse must be completed or amended, answer this drug's questionnaire at its"
                    + " current version, and type each value (valueBoolean true or false; valueQuantity with a unit"
                    + " and no comparator); anything else is refused (exit 2)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:clear: every question answered, nothing flagged",
            "1:data error",
            "2:usage error (unknown fact, bad value, bad patient file, --ask without a terminal)",
            "3:unknown drug",
            "10:incomplete: an unanswered question could still rule the medicine out, or a medicine or use was"
                    + " not understood; any caution found so far is named in the verdict and the first line",
            "11:caution",
            "12:do not start",
            "130:--ask cancelled with Ctrl-C (no report)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel screen olumiant",
            "  medcounsel screen olumiant -f age=67 -f smoker=yes",
            "  medcounsel screen rinvoq --patient patient.yaml; echo $?",
            "  medcounsel screen xeljanz --ask",
            "  medcounsel screen olumiant --patient p.yaml --record --pharmacist 'A. Khan'",
            "  medcounsel screen olumiant --patient response.json --format fhir"
        })
final class ScreenCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    ScreenCommand(Environment env) {
        this.env = env;
    }

    @Parameters(arity = "1..*", paramLabel = "DRUG", description = "Generic or brand name, any case.")
    List<String> names = new ArrayList<>();

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "text",
            completionCandidates = Accepted.class,
            converter = Accepted.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.text;

    /** What a screening is written as: a report, its JSON, FHIR, or a printable PDF. */
    static final class Accepted extends Formats {
        Accepted() {
            super(Format.text, Format.markdown, Format.html, Format.json, Format.fhir, Format.pdf);
        }
    }

    @Mixin
    LanguageOption language;

    @Option(
            names = "--patient",
            paramLabel = "FILE",
            description = "YAML file of patient facts (fact: value), e.g. age: 70, smoker: no, medicines:"
                    + " [probenecid]; id: gives the patient's reference. Or a FHIR QuestionnaireResponse (JSON).")
    String patientFile;

    @Option(
            names = "--record",
            description = "End the report with a record to file: patient reference, date and time, pharmacist,"
                    + " pharmacy, tool version and each sheet's review date and fingerprint (JSON always has it).")
    boolean record;

    @Option(
            names = "--patient-id",
            paramLabel = "ID",
            description = "The patient's reference for the record (never a name unless you give one).")
    String patientId;

    @Option(
            names = "--pharmacist",
            paramLabel = "NAME",
            description = "Who screened, for the record (also 'pharmacist' in the config file).")
    String pharmacist;

    @Option(
            names = "--site",
            paramLabel = "FILE",
            description = "The site file (as leaflet takes it): the pharmacy named in the record.")
    String site;

    @Option(
            names = {"-f", "--fact"},
            paramLabel = "KEY=VALUE",
            description = "A patient fact (repeatable; wins over --patient): yes/no, a number (age=6 mo to give another"
                    + " unit), a choice, or medicines separated by commas or 'and' ('none' for none; repeated"
                    + " medicines add up). 'medcounsel facts' lists the keys.")
    List<String> facts = new ArrayList<>();

    @Option(names = "--ask", description = "On a terminal, ask each unanswered question in turn (Enter skips).")
    boolean ask;

    @Option(
            names = "--save-answers",
            paramLabel = "FILE",
            description = "Also write the answers (from --patient, -f and --ask) to FILE as a patient file.")
    String saveAnswers;

    @Option(
            names = "--template",
            description = "Print a patient file with every question this drug asks as a comment, ready to fill in"
                    + " and pass with --patient.")
    boolean template;

    @Override
    public Integer call() throws IOException {
        if (template) {
            Formulary formulary = data.formulary(env);
            List<Drug> drugs = screened(formulary);
            PatientTemplate.write(drugs, Screening.questionsAsked(drugs, Screenings.facts(formulary, drugs)), out());
            out().flush();
            return Exit.OK;
        }
        if (ask && !env.prompter().available()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--ask needs a terminal for its questions and answers; give answers with --patient or -f");
        }
        Formulary formulary = data.formulary(env);
        List<Drug> drugs = screened(formulary);
        Patient patient = patient(formulary.facts(), drugs, formulary);
        if (ask) {
            ask(Screenings.open(drugs, formulary, patient), patient);
        }
        if (saveAnswers != null) {
            StringWriter yaml = new StringWriter();
            PatientTemplate.answers(patient, formulary.facts(), new PrintWriter(yaml));
            Path file = env.fileSystem().getPath(saveAnswers);
            AtomicFiles.write(file, yaml.toString().getBytes(StandardCharsets.UTF_8), saveAnswers);
        }
        List<Screening> screenings = Screenings.of(drugs, formulary, patient);
        PrintWriter out = out();
        ScreeningReport.write(
                format,
                screenings,
                Guidance.of(formulary),
                record(drugs, formulary, patient),
                record,
                (f, reports) -> output.write(env, f, reports, formulary.words(), out),
                out);
        return screenings.stream().mapToInt(s -> exitCode(s.verdict())).max().orElse(Exit.OK);
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** The drugs named, as they are screened: in English where their questions are not translated (said on stderr). */
    private List<Drug> screened(Formulary formulary) {
        PrintWriter err = spec.commandLine().getErr();
        List<Drug> asked = CounselCommand.drugs(names, language.tag(env, formulary), formulary, env, err);
        Screenings.Screened screened = Screenings.inTheirLanguage(formulary, asked);
        screened.inEnglish().forEach(d -> CounselCommand.noteLanguage(List.of(d), err));
        return screened.drugs();
    }

    static int exitCode(Screening.Verdict verdict) {
        switch (verdict) {
            case DO_NOT_START:
                return Exit.DO_NOT_START;
            case CAUTION:
                return Exit.CAUTION;
            case INCOMPLETE:
                return Exit.INCOMPLETE;
            default:
                return Exit.OK;
        }
    }

    private Patient patient(Facts vocabulary, List<Drug> drugs, Formulary formulary) throws IOException {
        Patient patient = new Patient(vocabulary);
        if (patientFile != null) {
            byte[] bytes = OptionFile.read(env, patientFile, "patient file");
            if (FhirResponse.isJson(bytes)) {
                FhirResponse.read(patientFile, bytes, patient, Screenings.questionnaires(drugs, formulary));
            } else {
                patient.readFile(patientFile, bytes);
            }
        }
        facts.forEach(patient::setPair);
        if (patientId != null) patient.id(patientId);
        return patient;
    }

    /**
     * The record: who, when, by whom, where, with which tool, and each sheet used with its review
     * date and a fingerprint (SHA-256) of its content, so the exact guidance can be traced.
     */
    private ScreeningRecord record(List<Drug> drugs, Formulary formulary, Patient patient) throws IOException {
        String at = DateTimeFormatter.ISO_INSTANT.format(env.clock().instant().truncatedTo(ChronoUnit.SECONDS));
        String pharmacy = "";
        if (site != null) {
            try {
                pharmacy = SheetLoader.site(site, OptionFile.read(env, site, "site file"))
                        .name();
            } catch (SheetException e) {
                throw new AnswerException(e.getMessage());
            }
        }
        return new ScreeningRecord(
                patient.id(),
                at,
                pharmacist == null ? "" : pharmacist.strip(),
                pharmacy,
                MedcounselCommand.Version.tool(),
                ScreeningRecord.sheets(drugs, formulary));
    }

    /**
     * Asks every question still open, once each, in the order the rules ask them, counting them
     * as it goes ("3 of 22"). Ctrl-D stops asking and reports what is known;
     * Ctrl-C cancels the command (exit 130, no report).
     */
    private void ask(Set<Fact> open, Patient patient) {
        Prompter prompter = env.prompter();
        int n = 0;
        try {
            for (Fact fact : open) {
                n++;
                while (true) {
                    Optional<String> answer = prompter.ask("(" + n + " of " + open.size() + ") " + fact.question()
                            + " [" + Patient.expected(fact) + "; Enter skips] ");
                    if (answer.isEmpty()) break;
                    try {
                        patient.set(fact.key(), answer.get());
                        break;
                    } catch (AnswerException e) {
                        prompter.tell("  " + e.getMessage());
                    }
                }
            }
        } catch (Prompter.Stop stop) {
            // Ctrl-D: the questions asked so far count; the rest stay unanswered.
        }
    }
}
