package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.counsel.Patient;
import org.medcounsel.counsel.Screening;
import org.medcounsel.doc.Document;
import org.medcounsel.render.Format;
import org.medcounsel.render.ScreeningReport;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Facts;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Sheets.Fact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** {@code medcounsel screen DRUG...}: the pre-treatment checklist, answered for one patient. */
@Command(
        name = "screen",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "The pre-treatment checklist for one patient: findings (highest level first), every question "
                    + "with its answer, the pharmacist's reminders and a verdict.",
            "Without any answers it lists the questions and exits 10."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:clear: every question answered, nothing flagged",
            "1:data error",
            "2:usage error (unknown fact, bad value, bad patient file, --ask without a terminal)",
            "3:unknown drug",
            "10:incomplete: questions unanswered, nothing flagged",
            "11:caution",
            "12:do not start"
        })
final class ScreenCommand extends CounselCommand {
    ScreenCommand(Environment env) {
        super(env);
    }

    /** A screening is not a plain document; {@link #call} builds it. */
    @Override
    Document document(Guidance guidance, Drug drug) {
        throw new UnsupportedOperationException("screen builds screenings");
    }

    @Option(
            names = "--patient",
            paramLabel = "FILE",
            description =
                    "YAML file of patient facts (fact: value), e.g. age: 70, smoker: no, medicines: [probenecid].")
    String patientFile;

    @Option(
            names = {"-f", "--fact"},
            paramLabel = "KEY=VALUE",
            description = "A patient fact (repeatable; wins over --patient): yes/no, a number, or names separated "
                    + "by commas. Keys are listed in data/facts.yaml.")
    List<String> facts = new ArrayList<>();

    @Option(names = "--ask", description = "On a terminal, ask each unanswered question in turn (Enter skips).")
    boolean ask;

    @Override
    public Integer call() throws IOException {
        if (ask && !env().prompter().available()) {
            throw new ParameterException(
                    spec.commandLine(),
                    "--ask needs a terminal for its questions and answers; give answers with --patient or -f");
        }
        Formulary formulary = data.formulary(env());
        List<Drug> drugs = drugs(formulary);
        Facts vocabulary = formulary.facts();
        Patient patient = patient(vocabulary);
        if (ask) {
            ask(drugs, vocabulary, patient);
        }
        List<Screening> screenings =
                drugs.stream().map(d -> Screening.of(d, vocabulary, patient)).toList();
        PrintWriter out = out();
        if (format.format == Format.json) {
            ScreeningReport.json(screenings, formulary.words(), out);
        } else {
            Guidance guidance = new Guidance(formulary.words());
            renderer().render(screenings.stream().map(guidance::screening).toList(), out);
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

    private Patient patient(Facts vocabulary) throws IOException {
        Patient patient = new Patient(vocabulary);
        if (patientFile != null) {
            patient.readFile(patientFile, OptionFile.read(env(), patientFile, "patient file"));
        }
        facts.forEach(patient::setPair);
        return patient;
    }

    /** Asks every question still open for any of the drugs, once each, in the order the rules ask them. */
    private void ask(List<Drug> drugs, Facts vocabulary, Patient patient) {
        Set<Fact> open = new LinkedHashSet<>();
        drugs.forEach(d -> open.addAll(Screening.of(d, vocabulary, patient).unanswered()));
        Prompter prompter = env().prompter();
        try {
            for (Fact fact : open) {
                while (true) {
                    Optional<String> answer =
                            prompter.ask(fact.question() + " [" + Patient.expected(fact) + "; Enter skips] ");
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
            // Ctrl-D or Ctrl-C: the questions asked so far count; the rest stay unanswered.
        }
    }
}
