package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.Patient;
import org.medcounsel.render.FactList;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Fact;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code medcounsel facts}: the patient facts screening asks about, and which drugs ask each. */
@Command(
        name = "facts",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "The patient facts screening asks about.",
            "Each fact's key (for -f KEY=VALUE and patient files), type, unit and range or choices, the question, and"
                    + " the drugs that ask it.",
            "With --drug, only the facts that drug asks."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:data error", "2:usage error", "3:unknown drug"},
        footerHeading = "%nExamples:%n",
        footer = {"  medcounsel facts", "  medcounsel facts --drug olumiant", "  medcounsel facts --format json"})
final class FactsCommand implements Callable<Integer> {
    private final Environment env;

    @Spec
    CommandSpec spec;

    FactsCommand(Environment env) {
        this.env = env;
    }

    @Option(names = "--drug", paramLabel = "DRUG", description = "Only the facts this drug asks (repeatable).")
    List<String> drugs = new ArrayList<>();

    @Mixin
    ReportFormatOption format;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        Formulary formulary = data.formulary(env);
        List<String> ids = new ArrayList<>();
        if (drugs.isEmpty()) {
            ids.addAll(formulary.drugIds());
        } else {
            drugs.forEach(d -> ids.add(formulary.resolve(d)));
        }
        Map<String, List<String>> askedBy = new LinkedHashMap<>();
        for (String id : ids) {
            Drug drug = formulary.drugOnce(id);
            for (Sheets.Rule rule : drug.screening()) {
                if (rule instanceof Sheets.Question q) {
                    List<String> asking = askedBy.computeIfAbsent(q.fact(), k -> new ArrayList<>());
                    if (!asking.contains(id)) asking.add(id);
                    if (!q.uses().isEmpty()) {
                        List<String> use = askedBy.computeIfAbsent("use", k -> new ArrayList<>());
                        if (!use.contains(id)) use.add(id);
                    }
                }
            }
        }
        List<FactList.Row> rows = new ArrayList<>();
        for (Fact fact : formulary.facts().byKey().values()) {
            List<String> asking = askedBy.getOrDefault(fact.key(), List.of());
            if (!drugs.isEmpty() && asking.isEmpty()) continue;
            rows.add(new FactList.Row(
                    fact.key(), Sheets.word(fact.type()), Patient.expected(fact), fact.question(), asking));
        }
        PrintWriter out = spec.commandLine().getOut();
        FactList.write(format.format, rows, out);
        out.flush();
        return Exit.OK;
    }
}
