package org.medcounsel.cli;

import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.Sheets.Settings;

/**
 * The settings a user need not type: the user's config file
 * ({@code $XDG_CONFIG_HOME/medcounsel/config.yaml}, else {@code ~/.config/medcounsel/config.yaml})
 * over the system's ({@code medcounsel/config.yaml} in the first folder of
 * {@code $XDG_CONFIG_DIRS} that has one, else {@code /etc/xdg}). The command line wins over both,
 * and the environment over the files: {@code MEDCOUNSEL_DATA} over {@code data}, {@code NO_COLOR}
 * over {@code color}, {@code COLUMNS} over {@code width}, {@code MEDCOUNSEL_PAGER} and
 * {@code PAGER} over {@code pager}.
 *
 * <p>A file that does not exist is no error; one that cannot be read, with a key no setting has,
 * or a bad value, is: {@code FILE:LINE: ...}, exit 1. Paths in a file are taken from the file's
 * own folder (and {@code ~/} from the home folder).
 */
public final class Config {
    /** The settings, each with where it came from. */
    public record Value(String key, String value, String from) {}

    private final Optional<Settings> user;
    private final Optional<Settings> system;
    private final Path userFile;
    private final Optional<Path> systemFile;
    private final Environment env;

    private Config(Environment env, Path userFile, Optional<Path> systemFile) {
        this.env = env;
        this.userFile = userFile;
        this.systemFile = systemFile;
        this.user = read(userFile);
        this.system = systemFile.flatMap(this::read);
    }

    /** The config files for this world, read (and checked) now. */
    public static Config of(Environment env) {
        return new Config(env, userFile(env), systemFile(env));
    }

    /** Where the user's file is, whether or not it exists. */
    public static Path userFile(Environment env) {
        String xdg = env.variable("XDG_CONFIG_HOME");
        if (xdg.startsWith("/")) return env.fileSystem().getPath(xdg, "medcounsel", "config.yaml");
        return env.fileSystem()
                .getPath(
                        env.variable("HOME").isBlank() ? "/" : env.variable("HOME"),
                        ".config",
                        "medcounsel",
                        "config.yaml");
    }

    /** The system's candidate files: medcounsel/config.yaml in each absolute XDG_CONFIG_DIRS folder (else /etc/xdg). */
    private static List<Path> systemFiles(Environment env) {
        String dirs = env.variable("XDG_CONFIG_DIRS").isBlank() ? "/etc/xdg" : env.variable("XDG_CONFIG_DIRS");
        List<Path> files = new ArrayList<>();
        for (String dir : dirs.split(":")) {
            if (dir.startsWith("/")) files.add(env.fileSystem().getPath(dir, "medcounsel", "config.yaml"));
        }
        if (files.isEmpty()) files.add(env.fileSystem().getPath("/etc/xdg", "medcounsel", "config.yaml"));
        return files;
    }

    /** The system's file: the first candidate that exists. */
    static Optional<Path> systemFile(Environment env) {
        return systemFiles(env).stream().filter(Files::exists).findFirst();
    }

    /** Where the system's file is read from: the one there is, else where the first would be. */
    static Path systemFileToBe(Environment env) {
        return systemFile(env).orElseGet(() -> systemFiles(env).get(0));
    }

    private Optional<Settings> read(Path file) {
        // A file whose folder this user cannot even look in is, for this user, not there.
        if (!Files.exists(file)) return Optional.empty();
        try {
            return SheetLoader.settings(file, env.cacheDir());
        } catch (SheetException e) {
            throw new Failure(e.getMessage());
        } catch (UncheckedIOException e) {
            throw new Failure(file + ": cannot read the config file: "
                    + (e.getCause() instanceof AccessDeniedException
                            ? "permission denied"
                            : e.getCause().getMessage()));
        }
    }

    /** The data folders from the files (when MEDCOUNSEL_DATA is not set): the user's, else the system's. */
    List<String> data() {
        if (user.isPresent() && !user.get().data().isEmpty())
            return paths(user.get().data(), userFile);
        if (system.isPresent() && !system.get().data().isEmpty())
            return paths(system.get().data(), systemFile.get());
        return List.of();
    }

    /** The value a file gives for {@code key} (site, templates, width, color, pager, paper), the user's first. */
    Optional<String> file(String key) {
        Optional<String> mine = user.flatMap(s -> value(s, key, userFile));
        return mine.isPresent() ? mine : system.flatMap(s -> value(s, key, systemFile.get()));
    }

    private Optional<String> value(Settings s, String key, Path file) {
        switch (key) {
            case "site":
                return Optional.ofNullable(s.site()).map(p -> path(p, file));
            case "templates":
                return Optional.ofNullable(s.templates()).map(p -> path(p, file));
            case "width":
                return Optional.ofNullable(s.width()).map(String::valueOf);
            case "color":
                return Optional.ofNullable(s.color()).map(c -> c.name().toLowerCase(Locale.ROOT));
            case "pager":
                return Optional.ofNullable(s.pager());
            case "paper":
                return Optional.ofNullable(s.paper()).map(p -> p.name().toLowerCase(Locale.ROOT));
            case "pharmacist":
                return Optional.ofNullable(s.pharmacist());
            case "lang":
                return Optional.ofNullable(s.lang());
            default:
                return Optional.empty();
        }
    }

    /**
     * The default an option takes from the files, when neither the command line nor the
     * environment gives one: null for none. Called by picocli for every option left unset.
     */
    public String defaultFor(String option) {
        switch (option) {
            case "--site":
                return file("site").orElse(null);
            case "--templates":
                return file("templates").orElse(null);
            case "--paper":
                return file("paper").orElse(null);
            case "--pharmacist":
                return file("pharmacist").orElse(null);
            case "--lang":
                // The locale, when no file says, is read by --lang itself (LanguageOption).
                return file("lang").orElse(null);
            case "--width":
                return env.variable("COLUMNS").isBlank() ? file("width").orElse(null) : null;
            case "--color":
                return env.variables().containsKey("NO_COLOR")
                        ? null
                        : file("color").orElse(null);
            default:
                return null;
        }
    }

    /** The pager the files name, when MEDCOUNSEL_PAGER and PAGER are unset. */
    Optional<String> pager() {
        return file("pager");
    }

    /** Every setting as it stands now, with where it comes from: for {@code config show}. */
    List<Value> show() {
        List<Value> all = new ArrayList<>();
        if (!env.variable(DataOptions.ENVIRONMENT).isBlank()) {
            all.add(new Value("data", env.variable(DataOptions.ENVIRONMENT), "environment (MEDCOUNSEL_DATA)"));
        } else {
            all.add(fromFiles("data", String.join(":", data()), "none: the bundled sheets only"));
        }
        all.add(fromFiles("site", file("site").orElse(""), "none"));
        all.add(fromFiles("templates", file("templates").orElse(""), "the built-in ones"));
        if (!env.variable("COLUMNS").isBlank()) {
            all.add(new Value("width", env.variable("COLUMNS"), "environment (COLUMNS)"));
        } else {
            all.add(fromFiles("width", file("width").orElse(""), "80"));
        }
        if (env.variables().containsKey("NO_COLOR")) {
            all.add(new Value("color", "never", "environment (NO_COLOR)"));
        } else {
            all.add(fromFiles("color", file("color").orElse(""), "auto"));
        }
        if (!env.variable("MEDCOUNSEL_PAGER").isEmpty() || env.variables().containsKey("MEDCOUNSEL_PAGER")) {
            all.add(new Value("pager", env.variable("MEDCOUNSEL_PAGER"), "environment (MEDCOUNSEL_PAGER)"));
        } else if (env.variables().containsKey("PAGER")) {
            all.add(new Value("pager", env.variable("PAGER"), "environment (PAGER)"));
        } else {
            all.add(fromFiles("pager", file("pager").orElse(""), "less -FRX"));
        }
        all.add(fromFiles("paper", file("paper").orElse(""), "a4"));
        all.add(fromFiles("pharmacist", file("pharmacist").orElse(""), "none"));
        Value lang = fromFiles("lang", file("lang").orElse(""), "en");
        if (lang.from().equals("default")) {
            for (String name : List.of("LC_ALL", "LC_MESSAGES", "LANG")) {
                if (!env.variable(name).isBlank()) {
                    lang = new Value(
                            "lang", Language.fromLocale(env.variables()).orElse("en"), "environment (" + name + ")");
                    break;
                }
            }
        }
        all.add(lang);
        return all;
    }

    private Value fromFiles(String key, String value, String otherwise) {
        if (user.isPresent() && user.get().lines().containsKey(key)) {
            return new Value(key, value, userFile + ":" + user.get().lines().get(key));
        }
        if (system.isPresent() && system.get().lines().containsKey(key)) {
            return new Value(
                    key, value, systemFile.get() + ":" + system.get().lines().get(key));
        }
        return new Value(key, otherwise, "default");
    }

    private List<String> paths(List<String> paths, Path file) {
        return paths.stream().map(p -> path(p, file)).toList();
    }

    /** A path from a config file: from the home folder for ~/, else from the file's own folder. */
    private String path(String given, Path file) {
        if (given.startsWith("~/") && !env.variable("HOME").isBlank()) {
            return env.fileSystem()
                    .getPath(env.variable("HOME"))
                    .resolve(given.substring(2))
                    .toString();
        }
        Path p = env.fileSystem().getPath(given);
        return p.isAbsolute()
                ? given
                : file.toAbsolutePath().getParent().resolve(p).normalize().toString();
    }

    /** The commented starting file {@code config init} writes. */
    static String starter() {
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put(
                "data",
                "# Folders of site sheets (drugs/, classes/), as --data gives them. MEDCOUNSEL_DATA wins.\n"
                        + "# data:\n#   - /srv/pharmacy/sheets\n");
        lines.put(
                "site",
                "# The pharmacy printed on leaflets (leaflet --site): name, address, phone, website,\n"
                        + "# opening-hours, logo. A path is taken from this file's folder.\n# site: pharmacy.yaml\n");
        lines.put(
                "templates",
                "# A folder of HTML templates that replace the built-in ones (--templates).\n"
                        + "# templates: templates\n");
        lines.put("width", "# Wrap text at this many columns (--width). COLUMNS wins on a terminal.\n# width: 80\n");
        lines.put("color", "# auto, always or never (--color). NO_COLOR wins.\n# color: auto\n");
        lines.put(
                "pager",
                "# The pager for long output. MEDCOUNSEL_PAGER and PAGER win; \"\" for none.\n"
                        + "# pager: less -FRX\n");
        lines.put("paper", "# a4 or letter, for leaflets (leaflet --paper).\n# paper: a4\n");
        lines.put(
                "pharmacist",
                "# Your name, for screening records (screen --pharmacist).\n# pharmacist: A. Pharmacist\n");
        lines.put(
                "lang",
                "# The language to counsel in (--lang): es, zh-Hans... Without it, LC_ALL, LC_MESSAGES\n"
                        + "# or LANG decide; English where a sheet has no translation.\n# lang: es\n");
        StringBuilder text = new StringBuilder(
                "# medcounsel settings. The command line wins over the environment, the environment over\n"
                        + "# this file, and this file over the system's (/etc/xdg/medcounsel/config.yaml).\n"
                        + "# Remove the # before a line to use it. 'medcounsel config show' says what is in force.\n");
        lines.values().forEach(l -> text.append('\n').append(l));
        return text.toString();
    }
}
