package org.medcounsel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Shelf;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code --data DIR} (repeatable) and {@code MEDCOUNSEL_DATA}: a site's own sheets over the bundled ones. */
public final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    @Option(
            names = "--data",
            paramLabel = "DIR",
            description = "Add a folder of site sheets (drugs/, classes/); repeatable, later folders win. "
                    + "Also read from MEDCOUNSEL_DATA (folders separated by ':').")
    List<String> folders = new ArrayList<>();

    /** The folders in order of increasing priority: MEDCOUNSEL_DATA first, then each --data. */
    List<Shelf> shelves(Environment env) {
        List<Shelf> shelves = new ArrayList<>();
        for (String folder : folders(env, folders)) {
            Path path = env.fileSystem().getPath(folder);
            if (!Files.isDirectory(path)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "data folder '" + folder + "' " + (Files.exists(path) ? "is not a folder" : "does not exist"));
            }
            shelves.add(new FolderShelf(path, folder));
        }
        return shelves;
    }

    /**
     * The site shelves for completion: MEDCOUNSEL_DATA and the given --data folders, skipping any
     * that do not exist (completion never fails).
     */
    public static List<Shelf> shelvesForCompletion(Environment env, List<String> folders) {
        List<Shelf> shelves = new ArrayList<>();
        for (String folder : folders(env, folders)) {
            if (Files.isDirectory(env.fileSystem().getPath(folder))) {
                shelves.add(new FolderShelf(env.fileSystem().getPath(folder), folder));
            }
        }
        return shelves;
    }

    /** MEDCOUNSEL_DATA's folders, then the --data ones: lowest priority first. */
    private static List<String> folders(Environment env, List<String> given) {
        List<String> all = new ArrayList<>();
        for (String f : env.variable("MEDCOUNSEL_DATA").split(":")) {
            if (!f.isBlank()) all.add(f);
        }
        all.addAll(given);
        return all;
    }

    /** The formulary, after saying on stderr (once) which bundled sheets the site folders replace. */
    Formulary formulary(Environment env) {
        Formulary formulary = quietFormulary(env);
        if (formulary.firstNote()) {
            // A site sheet silently used instead of a bundled one would look like the bundled text.
            PrintWriter err = spec.commandLine().getErr();
            for (Formulary.Replacement r : formulary.replacements()) {
                err.println(Terminal.safe("medcounsel: note: the site folder " + r.folder() + " replaces the bundled "
                        + (r.kind() == Shelf.Kind.DRUG ? "sheet" : "class sheet") + " for " + r.id()));
            }
            err.flush();
        }
        return formulary;
    }

    /** The formulary, saying nothing: for completion, whose stderr nobody reads. */
    Formulary quietFormulary(Environment env) {
        return env.formularies().open(shelves(env), env.cacheDir());
    }
}
