package org.medcounsel.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets.Use;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medcounsel __complete table|uses DRUG}: what the completion scripts offer, for a Tab press
 * the table in the cache folder cannot answer. Hidden.
 *
 * <ul>
 *   <li>{@code table}: the whole {@link CompletionTable}, printed, and kept in the cache folder so
 *       the next Tab reads it without a JVM.
 *   <li>{@code uses DRUG}: the drug's use ids (what {@code -f use=} takes), a line each with the
 *       condition after a tab; nothing for a drug it does not know.
 * </ul>
 *
 * Completion never fails: a data folder that does not exist is skipped, and any error prints
 * nothing.
 */
@Command(name = "__complete", hidden = true, description = "Words for shell completion.")
final class CompleteCommand implements Callable<Integer> {
    /** What to list. */
    enum What {
        table,
        uses
    }

    private final Environment env;

    @Spec
    CommandSpec spec;

    CompleteCommand(Environment env) {
        this.env = env;
    }

    @Parameters(index = "0", paramLabel = "WHAT")
    What what;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DRUG")
    String drug;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Instant start = env.clock().instant();
        Formulary formulary =
                env.formularies().open(DataOptions.shelvesForCompletion(env, data.folders()), env.cacheDir());
        try {
            if (what == What.table) {
                String key = CompletionTable.key(env.variable(DataOptions.ENVIRONMENT), data.folders());
                List<String> folders = new ArrayList<>(DataOptions.environmentFolders(env));
                folders.addAll(data.folders());
                Optional<List<String>> watch = CompletionTable.watch(env, bundle(), folders, configFiles());
                String text = CompletionTable.text(key, watch.orElse(List.of()), CompletionTable.rows(formulary));
                if (watch.isPresent()) {
                    CompletionTable.keep(env, key, text, start);
                }
                out.print(text);
            } else if (drug != null) {
                for (Use use : formulary.drug(formulary.resolve(drug)).sheet().get(SheetShapes.DRUG_USES)) {
                    if (CompletionTable.offerable(use.id())) out.println(use.id() + "\t" + use.condition());
                }
            }
        } catch (RuntimeException e) {
            // Nothing to offer: a Tab press shows no error.
        }
        out.flush();
        return Exit.OK;
    }

    /** The config files, whose data folders the table holds: a change to one makes it stale. */
    private List<Path> configFiles() {
        return List.of(Config.userFile(env), Config.systemFileToBe(env));
    }

    /** The jar the tool runs from, when it is a file whose change a shell can see. */
    private static Optional<String> bundle() {
        try {
            var source = CompleteCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) return Optional.empty();
            String path = Path.of(source.getLocation().toURI()).toString();
            return path.startsWith("/proc/") ? Optional.empty() : Optional.of(path);
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
