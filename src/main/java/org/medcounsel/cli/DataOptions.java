package org.medcounsel.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.Shelf;
import org.medcounsel.sheet.Shelves;
import org.medcounsel.sheet.SiteRewordings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The site's own sheets over the bundled ones: {@code MEDCOUNSEL_DATA}, the config file's {@code
 * data}, and the common {@code --data DIR} option ({@link CommonOptions}), made into a formulary.
 *
 * <p>A mixin with no options of its own (an empty {@code @Command} makes it one): it gives the
 * command that has it the formulary, and errors in that command's name.
 */
@Command
public final class DataOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The --data folders, declared once as a common option ({@link CommonOptions}). */
    List<String> folders() {
        return CommonOptions.of(spec).folders;
    }

    /**
     * The folders in order of increasing priority: MEDCOUNSEL_DATA (else the config file's
     * data) first, then each --data.
     */
    List<Shelf> shelves(Environment env) {
        List<Shelf> shelves = new ArrayList<>();
        int fromEnvironment = environmentFolders(env).size();
        String baseOrigin = baseOrigin(env);
        List<String> all = folders(env, folders());
        for (int i = 0; i < all.size(); i++) {
            String folder = all.get(i);
            String origin = i < fromEnvironment ? baseOrigin : "";
            Path path = env.fileSystem().getPath(folder);
            if (!Files.isDirectory(path)) {
                throw new ParameterException(
                        spec.commandLine(),
                        "data folder '" + folder + "' " + (Files.exists(path) ? "is not a folder" : "does not exist")
                                + from(origin));
            }
            shelves.add(new FolderShelf(path, folder, origin));
        }
        return shelves;
    }

    /** The variable that names data folders the user need not type. */
    static final String ENVIRONMENT = "MEDCOUNSEL_DATA";

    /** " (from MEDCOUNSEL_DATA)" for a folder named there, so the user knows why it is read; else "". */
    static String from(String origin) {
        return origin.isEmpty() ? "" : " (from " + origin + ")";
    }

    /**
     * " (from MEDCOUNSEL_DATA)" when {@code file} (as a message names it) lies in a folder named
     * in MEDCOUNSEL_DATA, else "": added to an error about a sheet in a folder the user did not
     * type.
     */
    public static String origin(Environment env, String file) {
        for (String folder : environmentFolders(env)) {
            String prefix = folder.replaceAll("/+$", "") + "/";
            if (file.startsWith(prefix)) {
                return from(baseOrigin(env));
            }
        }
        return "";
    }

    /**
     * The folders the user need not type: MEDCOUNSEL_DATA's when it is set, else the config
     * file's {@code data}.
     */
    static List<String> environmentFolders(Environment env) {
        List<String> all = new ArrayList<>();
        if (env.variable(ENVIRONMENT).isBlank()) {
            all.addAll(configFolders(env));
            return all;
        }
        for (String f : env.variable(ENVIRONMENT).split(":")) {
            if (!f.isBlank()) all.add(f);
        }
        return all;
    }

    private static List<String> configFolders(Environment env) {
        try {
            return Config.of(env).data();
        } catch (RuntimeException broken) {
            return List.of(); // reported once, at the start of the run
        }
    }

    /** Where the base folders came from, as a message names it. */
    private static String baseOrigin(Environment env) {
        return env.variable(ENVIRONMENT).isBlank() ? "the config file" : ENVIRONMENT;
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
        List<String> all = environmentFolders(env);
        all.addAll(given);
        return all;
    }

    /**
     * The formulary, after saying on stderr (once) which files in the site folders are not read
     * and why, which bundled sheets the site folders replace, and what they reword.
     */
    Formulary formulary(Environment env) {
        return formulary(env, true);
    }

    /**
     * As {@link #formulary(Environment)}; without {@code notes} the files not read and the
     * rewordings are left to the caller to report ({@code check} counts them as errors and
     * warnings).
     */
    Formulary formulary(Environment env, boolean notes) {
        Formulary formulary = quietFormulary(env);
        if (formulary.firstNote()) {
            PrintWriter err = spec.commandLine().getErr();
            if (notes) {
                // A sheet in the wrong place would otherwise just be missing, with no word why.
                for (FolderShelf folder : formulary.folders()) {
                    for (FolderShelf.Unread u : folder.unread()) {
                        note(err, u.note() + from(folder.origin()));
                    }
                }
            }
            // A site sheet silently used instead of a bundled one would look like the bundled text.
            for (Shelves.Replacement r : formulary.replacements()) {
                note(
                        err,
                        "the site folder " + r.folder() + " replaces the bundled "
                                + (r.kind() == Shelf.Kind.DRUG ? "sheet" : "class sheet") + " for " + r.id());
            }
            if (notes) {
                // So is a reworded question or verdict: what the patient reads may no longer say what the rules decide.
                for (SiteRewordings.Rewording r : rewordings(formulary)) {
                    note(err, "the site folder " + r.folder() + " " + r.describe());
                }
            }
            err.flush();
        }
        return formulary;
    }

    /** The rewordings, or none when a facts or words file cannot be read: the command reports that. */
    private static List<SiteRewordings.Rewording> rewordings(Formulary formulary) {
        try {
            return formulary.rewordings();
        } catch (SheetException unreadable) {
            return List.of();
        }
    }

    /** One note on stderr, as every note about the data folders is said. */
    private static void note(PrintWriter err, String text) {
        new Diagnostics(err).note(text);
    }

    /** The formulary, saying nothing: for completion, whose stderr nobody reads. */
    Formulary quietFormulary(Environment env) {
        return env.formularies().open(shelves(env), env.cacheDir());
    }
}
