package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.counsel.Patient;
import org.medcounsel.counsel.Screening;
import org.medcounsel.doc.Document;
import org.medcounsel.render.AtomicFiles;
import org.medcounsel.render.Fhir;
import org.medcounsel.render.Format;
import org.medcounsel.render.HtmlRenderer;
import org.medcounsel.render.PatientTemplate;
import org.medcounsel.render.Pdf;
import org.medcounsel.render.ScreeningRecord;
import org.medcounsel.render.ScreeningReport;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.Medicines;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Shelf;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

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
final class ScreenCommand extends CounselCommand {
    ScreenCommand(Environment env) {
        super(env);
    }

    @CommandLine.Mixin
    LanguageOption language;

    @Override
    LanguageOption language() {
        return language;
    }

    /**
     * The drugs in the language asked for, as the counselling commands load them; a drug whose
     * screening questions have no complete translation into its language is screened in English
     * instead (said on stderr), so a report or a questionnaire is never a mix of two languages.
     */
    private List<Drug> screened(Formulary formulary) {
        List<Drug> all = new ArrayList<>();
        for (Drug drug : drugs(formulary)) {
            Language lang = drug.language();
            if (lang.translated() && formulary.facts(lang.shown()).isEmpty()) {
                Drug english = formulary
                        .drug(drug.id())
                        .in(Language.fallback(
                                lang.asked(),
                                "the screening questions have no complete " + Language.named(lang.shown())
                                        + " translation"));
                noteLanguage(List.of(english), spec.commandLine().getErr());
                all.add(english);
            } else if (lang.translated()
                    && !lang.stale()
                    && formulary.facts(lang.shown()).get().stale()) {
                // Questions translated from older English questions: as stale as a stale sheet.
                all.add(drug.in(new Language(lang.asked(), lang.shown(), lang.by(), true, Optional.empty(), "")));
            } else {
                all.add(drug);
            }
        }
        return all;
    }

    /** The facts with their questions in the drug's language (types, units and ranges are the same). */
    private static Facts shownFacts(Formulary formulary, Drug drug) {
        Language lang = drug.language();
        return lang.translated()
                ? formulary.facts(lang.shown()).map(InLanguage::value).orElseThrow()
                : formulary.facts();
    }

    /** The facts for questions asked of several drugs at once: in their language when they share one. */
    private static Facts shownFacts(Formulary formulary, List<Drug> drugs) {
        long languages =
                drugs.stream().map(d -> d.language().shown()).distinct().count();
        return languages == 1 && !drugs.isEmpty() ? shownFacts(formulary, drugs.get(0)) : formulary.facts();
    }

    /** A screening is not a plain document; {@link #call} builds it. */
    @Override
    Document document(Guidance guidance, Drug drug) {
        throw new UnsupportedOperationException("screen builds screenings");
    }

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
            Formulary formulary = data.formulary(env());
            List<Drug> drugs = screened(formulary);
            PatientTemplate.write(drugs, Screening.questionsAsked(drugs, shownFacts(formulary, drugs)), out());
            out().flush();
            return Exit.OK;
        }
        if (ask && !env().prompter().available()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--ask needs a terminal for its questions and answers; give answers with --patient or -f");
        }
        Formulary formulary = data.formulary(env());
        List<Drug> drugs = screened(formulary);
        Facts vocabulary = formulary.facts();
        Patient patient = patient(vocabulary, drugs, formulary);
        if (ask) {
            ask(drugs, shownFacts(formulary, drugs), formulary.medicines(), patient);
        }
        if (saveAnswers != null) {
            Path file = env().fileSystem().getPath(saveAnswers);
            StringWriter yaml = new StringWriter();
            PatientTemplate.answers(patient, vocabulary, new PrintWriter(yaml));
            AtomicFiles.write(file, yaml.toString().getBytes(StandardCharsets.UTF_8), saveAnswers);
        }
        List<Screening> screenings = drugs.stream()
                .map(d -> Screening.of(d, shownFacts(formulary, d), formulary.medicines(), patient))
                .toList();
        PrintWriter out = out();
        ScreeningRecord filed = record(drugs, formulary, patient);
        if (format.format == Format.fhir) {
            Guidance guidance = Guidance.of(formulary);
            Fhir.bundle(
                    screenings,
                    filed,
                    d -> guidance.in(d).words().get(Word.QUESTIONNAIRE_TITLE, "drug", d.name()),
                    out);
        } else if (format.format == Format.json) {
            ScreeningReport.json(screenings, Guidance.of(formulary), filed, out);
        } else {
            Guidance guidance = Guidance.of(formulary);
            List<Document> reports = new ArrayList<>();
            for (Screening s : screenings) {
                Guidance in = guidance.in(s.drug());
                Document report = in.screening(s);
                reports.add(record ? report.withSection(recordSection(filed, in.words())) : report);
            }
            if (format.format == Format.pdf) {
                pdf(reports, formulary, out);
            } else {
                renderer().render(reports, out);
            }
        }
        return screenings.stream().mapToInt(s -> exitCode(s.verdict())).max().orElse(Exit.OK);
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
            byte[] bytes = OptionFile.read(env(), patientFile, "patient file");
            if (FhirResponse.isJson(bytes)) {
                FhirResponse.read(patientFile, bytes, patient, questionnaires(drugs, formulary));
            } else {
                patient.readFile(patientFile, bytes);
            }
        }
        facts.forEach(patient::setPair);
        if (patientId != null) patient.id(patientId);
        return patient;
    }

    /**
     * The questionnaires a FHIR response may answer: each drug's, at the version of its own sheets
     * (as {@code screen DRUG --format fhir} exports it) or of all the drugs screened together.
     */
    private static Set<String> questionnaires(List<Drug> drugs, Formulary formulary) {
        Set<String> all = new TreeSet<>();
        String together = version(sheets(drugs, formulary));
        for (Drug d : drugs) {
            String url = Facts.questionnaire(d.id()) + "|";
            all.add(url + version(sheets(List.of(d), formulary)));
            all.add(url + together);
        }
        return all;
    }

    private static String version(List<ScreeningRecord.Sheet> sheets) {
        return new ScreeningRecord("", "", "", "", "", sheets).version();
    }

    /**
     * The record: who, when, by whom, where, with which tool, and each sheet used with its review
     * date and a fingerprint (SHA-256) of its content, so the exact guidance can be traced.
     */
    private ScreeningRecord record(List<Drug> drugs, Formulary formulary, Patient patient) throws IOException {
        String at = DateTimeFormatter.ISO_INSTANT.format(env().clock().instant().truncatedTo(ChronoUnit.SECONDS));
        String pharmacy = "";
        if (site != null) {
            try {
                pharmacy = SheetLoader.site(site, OptionFile.read(env(), site, "site file"))
                        .name();
            } catch (SheetException e) {
                throw new AnswerException(e.getMessage());
            }
        }
        List<ScreeningRecord.Sheet> sheets = sheets(drugs, formulary);
        return new ScreeningRecord(
                patient.id(),
                at,
                pharmacist == null ? "" : pharmacist.strip(),
                pharmacy,
                MedcounselCommand.Version.tool(),
                sheets);
    }

    /** Each sheet the drugs' guidance comes from: drug and class, with review date and fingerprint. */
    static List<ScreeningRecord.Sheet> sheets(List<Drug> drugs, Formulary formulary) {
        List<ScreeningRecord.Sheet> sheets = new ArrayList<>();
        for (Drug d : drugs) {
            sheets.add(sheet(formulary, Shelf.Kind.DRUG, d.id(), d.sheet().reviewed()));
            d.drugClass().ifPresent(c -> sheets.add(sheet(formulary, Shelf.Kind.CLASS, c.id(), c.reviewed())));
        }
        return sheets;
    }

    private static ScreeningRecord.Sheet sheet(Formulary formulary, Shelf.Kind kind, String id, LocalDate reviewed) {
        byte[] bytes = formulary.sourceBytes(kind, id);
        return new ScreeningRecord.Sheet(
                kind == Shelf.Kind.DRUG ? "drug" : "class", id, reviewed.toString(), Fhir.sha256(bytes));
    }

    /** The report as a PDF, from its HTML page, to standard output (never to a terminal). */
    private void pdf(List<Document> reports, Formulary formulary, PrintWriter out) {
        if (env().terminal()) {
            throw new ParameterException(
                    spec.commandLine(), "a PDF is not written to a terminal: redirect it to a file (> screening.pdf)");
        }
        if (!(out instanceof BinaryOut binary)) {
            throw new Failure("a PDF cannot be written here: redirect the screening to a file");
        }
        StringWriter html = new StringWriter();
        new HtmlRenderer(
                        output.templates(env()),
                        new HtmlRenderer.Print(
                                "A4", false, "", formulary.words().get(Word.PAGE_OF)))
                .render(reports, new PrintWriter(html));
        try {
            try {
                binary.bytes(
                        Pdf.maker().pdf(html.toString(), "file:///", Pdf.fontsFor(html.toString(), env().variables())));
            } catch (Pdf.FontException e) {
                throw new Failure(e.getMessage());
            }
        } catch (Pdf.MissingException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** The record as the report's last section, ending with a line to sign. */
    private static Document.Section recordSection(ScreeningRecord r, Words words) {
        String none = words.get(Word.RECORD_NOT_GIVEN);
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Term(words.get(Word.RECORD_PATIENT), r.patient().isEmpty() ? none : r.patient()));
        blocks.add(new Document.Term(words.get(Word.RECORD_AT), r.at()));
        blocks.add(new Document.Term(
                words.get(Word.RECORD_PHARMACIST), r.pharmacist().isEmpty() ? none : r.pharmacist()));
        blocks.add(new Document.Term(words.get(Word.RECORD_SITE), r.site().isEmpty() ? none : r.site()));
        blocks.add(new Document.Term(words.get(Word.RECORD_TOOL), r.tool()));
        for (ScreeningRecord.Sheet s : r.sheets()) {
            blocks.add(new Document.Term(
                    words.get(Word.RECORD_SHEET),
                    s.kind() + " " + s.id() + ", reviewed " + s.reviewed() + ", SHA-256 " + s.sha256()));
        }
        blocks.add(new Document.Paragraph(words.get(Word.RECORD_SIGNATURE)));
        return new Document.Section(words.get(Word.HEADING_RECORD), blocks);
    }

    /**
     * Asks every question still open for any of the drugs, once each, in the order the rules ask
     * them, counting them as it goes ("3 of 22"). Ctrl-D stops asking and reports what is known;
     * Ctrl-C cancels the command (exit 130, no report).
     */
    private void ask(List<Drug> drugs, Facts vocabulary, Medicines medicines, Patient patient) {
        Set<Fact> open = new LinkedHashSet<>();
        drugs.forEach(d -> Screening.of(d, vocabulary, medicines, patient)
                .unanswered()
                .forEach(key -> open.add(vocabulary.get(key).orElseThrow())));
        Prompter prompter = env().prompter();
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
