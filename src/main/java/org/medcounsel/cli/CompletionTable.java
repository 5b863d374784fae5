package org.medcounsel.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.medcounsel.counsel.Patient;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.CacheFolder;
import org.medcounsel.sheet.DrugName;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.NameChars;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Sheets.Fact;
import org.medcounsel.sheet.Sheets.FactType;

/**
 * Everything the completion scripts offer that comes from the sheets, as one plain-text table that
 * bash and zsh read with their own builtins and grep, so a Tab press needs no JVM. The tool writes
 * it to the cache folder whenever {@code __complete table} runs (the scripts' fallback when the
 * table is missing or stale), one file per set of data folders.
 *
 * <p>The file begins with three lines the scripts check before believing the rest:
 *
 * <pre>
 * #medcounsel-complete 1
 * #data TAB MEDCOUNSEL_DATA [TAB --data folder]...     what the table was made for
 * #watch TAB +path | -path ...                            stale when a +path is newer than the
 *                                                         table, or a -path has come to exist
 * </pre>
 *
 * Then one row a line, fields separated by tabs, the first field being a kind letter, the unit
 * separator U+001F and the lower-case match key (so {@code grep -F} on "d^_olu" finds, case
 * blind, exactly the drug names that begin with "olu"):
 *
 * <pre>
 * d^_lower TAB Spelled TAB description TAB id     a drug name: brands as on the pack
 * k^_key TAB key TAB what it takes                 a fact key for -f
 * v^_key=lower TAB value                           a value of a yes-no or choice fact
 * m^_lower TAB name                                a medicine, for -f medicines=
 * </pre>
 *
 * A name a shell or a terminal would act on is never written (see {@link NameChars}); nor is a
 * tab or a line break anywhere.
 */
public final class CompletionTable {
    static final String MAGIC = "#medcounsel-complete 1";
    static final char SEP = '\u001f';

    private CompletionTable() {}

    /** What the table is made for: MEDCOUNSEL_DATA as set, then each --data folder as given. */
    static String key(String environmentData, List<String> folders) {
        StringBuilder key = new StringBuilder(environmentData);
        folders.forEach(f -> key.append('\t').append(f));
        return key.toString();
    }

    /**
     * The table's file name for {@code key}: every character but an ASCII letter or digit becomes
     * '_', at most 80 of them. The scripts work it out the same way; two keys that give one name
     * share a file, and its {@code #data} line tells them apart.
     */
    static String fileName(String key) {
        StringBuilder name = new StringBuilder();
        key.codePoints()
                .limit(80)
                .forEach(c -> name.append(
                        (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ? (char) c : '_'));
        return "complete-" + name + ".tsv";
    }

    /** A word completion offers, what it is (a brand's generic name, a fact's values), and the drug's id. */
    public record Offer(String word, String description, String id) {}

    /** The table's rows for the formulary (no header). */
    static String rows(Formulary formulary) {
        StringBuilder out = new StringBuilder();
        for (Offer d : drugs(formulary)) {
            row(out, 'd', d.word().toLowerCase(Locale.ROOT), d.word(), d.description(), d.id());
        }
        for (Fact fact : formulary.facts().byKey().values()) {
            row(out, 'k', fact.key(), fact.key(), Patient.expected(fact), Sheets.word(fact.type()));
            for (String v : values(fact)) {
                row(out, 'v', fact.key() + "=" + v.toLowerCase(Locale.ROOT), v);
            }
        }
        for (String medicine : formulary.medicines().ids()) {
            row(out, 'm', medicine.toLowerCase(Locale.ROOT), medicine);
        }
        return out.toString();
    }

    private static List<String> values(Fact fact) {
        return fact.type() == FactType.YES_NO ? List.of("yes", "no") : fact.choices();
    }

    /**
     * Every drug name a Tab offers, sorted: each drug's id, its generic name in lower case, and each
     * brand as its sheet spells it, described by the generic name (a generic by its brands). A
     * name a shell or a terminal would act on is left out.
     */
    public static List<Offer> drugs(Formulary formulary) {
        Map<String, List<String>> brands = new TreeMap<>();
        Map<String, String> generic = new TreeMap<>();
        for (DrugName n : formulary.spelledNames()) {
            if (!offerable(n.spelled())) continue;
            if (n.generic()) {
                generic.put(n.id(), n.spelled());
            } else {
                brands.computeIfAbsent(n.id(), k -> new ArrayList<>()).add(n.spelled());
            }
        }
        brands.values().forEach(b -> b.sort(String.CASE_INSENSITIVE_ORDER));
        Map<String, Offer> names = new TreeMap<>();
        for (String id : formulary.drugIds()) {
            String lowerGeneric = generic.getOrDefault(id, id).toLowerCase(Locale.ROOT);
            String brandList = String.join(", ", brands.getOrDefault(id, List.of()));
            names.put(id, new Offer(id, brandList, id));
            names.putIfAbsent(lowerGeneric, new Offer(lowerGeneric, brandList, id));
        }
        brands.forEach((id, spelled) -> spelled.forEach(b -> names.putIfAbsent(
                b.toLowerCase(Locale.ROOT),
                new Offer(b, generic.getOrDefault(id, id).toLowerCase(Locale.ROOT), id))));
        return List.copyOf(names.values());
    }

    /**
     * What {@code -f} takes, for a word typed so far: before an '=', each fact key with '=' after
     * it, described by what it takes; after "KEY=", the key's yes/no or choice values as
     * "KEY=value" (none for a number, a list or a drug's uses).
     */
    public static List<Offer> facts(Formulary formulary, String typed) {
        List<Offer> offers = new ArrayList<>();
        int eq = typed.indexOf('=');
        if (eq < 0) {
            formulary
                    .facts()
                    .byKey()
                    .values()
                    .forEach(f -> offers.add(new Offer(f.key() + "=", Patient.expected(f), "")));
        } else {
            formulary.facts().get(typed.substring(0, eq)).ifPresent(f -> values(f)
                    .forEach(v -> offers.add(new Offer(f.key() + "=" + v, Patient.expected(f), ""))));
        }
        return offers;
    }

    /** A name a shell may be handed: no character a shell or a terminal acts on. */
    static boolean offerable(String name) {
        return !name.isBlank()
                && NameChars.unsafe(name).isEmpty()
                && Terminal.safe(name).equals(name);
    }

    private static void row(StringBuilder out, char kind, String key, String... fields) {
        for (String f : fields) {
            if (f.indexOf('\t') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0 || f.indexOf(SEP) >= 0) return;
        }
        out.append(kind).append(SEP).append(key);
        for (String f : fields) out.append('\t').append(f);
        out.append('\n');
    }

    /**
     * The whole file: header and rows. {@code watch} is empty when the table must not be kept (a
     * relative folder, whose meaning changes with the current folder, or a path no line can hold).
     */
    static String text(String key, List<String> watch, String rows) {
        return MAGIC + "\n#data\t" + key + "\n#watch\t" + String.join("\t", watch) + "\n" + rows;
    }

    /**
     * The paths whose change makes the table stale: the jar the tool runs from, the config files
     * (which may name data folders), and each data folder with its drugs folder and vocabulary
     * files; empty when the table cannot be kept.
     */
    static Optional<List<String>> watch(
            Environment env, Optional<String> bundle, List<String> folders, List<Path> configFiles) {
        List<String> watch = new ArrayList<>();
        bundle.ifPresent(b -> watch.add("+" + b));
        for (Path config : configFiles) {
            watch.add((Files.exists(config) ? "+" : "-") + config);
        }
        for (String folder : folders) {
            if (!folder.startsWith("/")) return Optional.empty();
            Path root = env.fileSystem().getPath(folder);
            if (!Files.isDirectory(root)) {
                watch.add("-" + folder);
                continue;
            }
            watch.add("+" + folder);
            for (String inside : List.of("drugs", "facts.yaml", "medicines.yaml")) {
                if (Files.exists(root.resolve(inside))) watch.add("+" + folder + "/" + inside);
            }
        }
        for (String w : watch) {
            if (w.indexOf('\t') >= 0 || w.indexOf('\n') >= 0 || w.indexOf('\r') >= 0) return Optional.empty();
        }
        return Optional.of(watch);
    }

    /**
     * Keeps the table in the cache folder, dated a second before {@code madeFrom} (when the sheets
     * were read), so that a sheet changed while it was made, even within the same second, is
     * newer than the table on a file system or shell that compares whole seconds.
     */
    static void keep(Environment env, String key, String text, Instant madeFrom) {
        Optional<Path> dir = env.cacheDir().filter(CacheFolder::usable);
        if (dir.isEmpty()) return;
        FileTime dated = FileTime.from(Instant.ofEpochSecond(madeFrom.getEpochSecond() - 1));
        CacheFolder.writePlain(dir.get().resolve(fileName(key)), text.getBytes(StandardCharsets.UTF_8), dated);
    }
}
