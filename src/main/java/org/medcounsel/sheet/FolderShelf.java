package org.medcounsel.sheet;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Sheets in a folder on disk (or Jimfs): {@code drugs/*.yaml}, {@code classes/*.yaml}, {@code facts.yaml}. */
public final class FolderShelf implements Shelf {
    /** What a sheet's id (and so its file name) may be: lower-case words joined by dashes. */
    public static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");
    /** The files a site folder may hold beside {@code drugs/} and {@code classes/}. */
    public static final List<String> VOCABULARIES =
            List.of("facts.yaml", "words.yaml", "medicines.yaml", "approvals.yaml", "synonyms.yaml");
    /** The vocabulary files a translation ({@code facts.es.yaml}) may be made of. */
    public static final List<String> TRANSLATED = List.of("facts.yaml", "words.yaml");

    private final Path root;
    private final String shownAs;
    private final String origin;

    /** {@code shownAs} is how messages name the folder (the path as the user typed it). */
    public FolderShelf(Path root, String shownAs) {
        this(root, shownAs, "");
    }

    /**
     * {@code origin} says where the folder was named when the user did not type it: {@code
     * "MEDCOUNSEL_DATA"}, or empty for a {@code --data} folder.
     */
    public FolderShelf(Path root, String shownAs, String origin) {
        this.root = root;
        this.shownAs = shownAs;
        this.origin = origin;
    }

    /** Where the folder was named, when not on the command line: "MEDCOUNSEL_DATA", else empty. */
    public String origin() {
        return origin;
    }

    public Path root() {
        return root;
    }

    /** The folder as the user named it, for messages. */
    public String shownAs() {
        return shownAs;
    }

    @Override
    public SortedSet<String> ids(Kind kind) {
        SortedSet<String> ids = new TreeSet<>();
        for (String name : names(kind)) {
            if (!name.endsWith(".yaml")) continue;
            String id = name.substring(0, name.length() - ".yaml".length());
            if (ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        return ids;
    }

    /** Whether the folder of {@code kind} holds at least one sheet, without listing them all. */
    private boolean holdsSheets(Kind kind) {
        for (String name : names(kind)) {
            if (name.endsWith(".yaml")
                    && ID.matcher(name.substring(0, name.length() - ".yaml".length()))
                            .matches()) {
                return true;
            }
        }
        return false;
    }

    /** The names in a drugs/ or classes/ folder as last listed, and the folder's stamp then. */
    private record Listing(String stamp, List<String> names) {}

    private final Map<Kind, Listing> listings = new ConcurrentHashMap<>();

    /**
     * Every file name in the folder of {@code kind}: listed once while the folder is unchanged, so
     * finding the ids and the files that are not read costs one listing of a large folder.
     */
    private List<String> names(Kind kind) {
        Path dir = root.resolve(kind.folder);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        String stamp = listingStamp(kind);
        Listing kept = listings.get(kind);
        if (kept != null && kept.stamp().equals(stamp)) {
            return kept.names();
        }
        List<String> names = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                names.add(f.getFileName().toString());
            }
        } catch (IOException e) {
            throw new SheetException(shown(kind.folder), 0, "cannot list the folder: " + e.getMessage());
        }
        listings.put(kind, new Listing(stamp, List.copyOf(names)));
        return names;
    }

    @Override
    public Optional<SheetFile> sheet(Kind kind, String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        return file(kind.folder + "/" + id + ".yaml");
    }

    @Override
    public Optional<SheetFile> vocabulary(String name) {
        return file(name);
    }

    @Override
    public Optional<SheetFile> translation(Kind kind, String id, String lang) {
        if (!ID.matcher(id).matches() || !Translation.TAG.matcher(lang).matches()) {
            return Optional.empty();
        }
        return file(kind.folder + "/" + id + "." + lang + ".yaml");
    }

    @Override
    public SortedSet<String> languages(Kind kind, String id) {
        SortedSet<String> langs = new TreeSet<>();
        for (String name : names(kind)) {
            String lang = overlayLang(name, id);
            if (lang != null) langs.add(lang);
        }
        return langs;
    }

    /** Every translation file in the folder of {@code kind}: the id it translates, and its languages. */
    public SortedMap<String, SortedSet<String>> translations(Kind kind) {
        SortedMap<String, SortedSet<String>> all = new TreeMap<>();
        for (String name : names(kind)) {
            String lang = overlayLang(name, null);
            if (lang != null)
                all.computeIfAbsent(name.substring(0, name.indexOf('.')), k -> new TreeSet<>())
                        .add(lang);
        }
        return all;
    }

    /**
     * The language of an overlay's file name ({@code <id>.<lang>.yaml}) when it is one, for the
     * sheet {@code id} (any sheet when null); else null.
     */
    public static String overlayLang(String name, String id) {
        if (!name.endsWith(".yaml")) return null;
        String stem = name.substring(0, name.length() - ".yaml".length());
        int dot = stem.indexOf('.');
        if (dot < 0) return null;
        String of = stem.substring(0, dot);
        String lang = stem.substring(dot + 1);
        boolean fits = (id == null ? ID.matcher(of).matches() : of.equals(id))
                && Translation.TAG.matcher(lang).matches();
        return fits ? lang : null;
    }

    @Override
    public String identity() {
        return root.toAbsolutePath().normalize().toString();
    }

    @Override
    public String listingStamp(Kind kind) {
        try {
            return Files.getLastModifiedTime(root.resolve(kind.folder)).toString();
        } catch (IOException e) {
            return "none";
        }
    }

    private Optional<SheetFile> file(String relative) {
        return file(root.resolve(relative), shown(relative));
    }

    /** The file at {@code path}, named {@code shown} in messages, if it is a regular file. */
    static Optional<SheetFile> file(Path path, String shown) {
        BasicFileAttributes attributes;
        try {
            attributes = Files.readAttributes(path, BasicFileAttributes.class);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (!attributes.isRegularFile()) {
            return Optional.empty();
        }
        return Optional.of(new SheetFile(
                shown,
                path.toAbsolutePath().normalize().toString(),
                () -> readLimited(path),
                attributes.lastModifiedTime() + "/" + attributes.size()));
    }

    /** Reads at most one byte past the limit, so a huge file is refused without reading it all. */
    private static byte[] readLimited(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }

    /** A file a site folder holds that is never read, and what to do about it. */
    public record Unread(String file, String why) {
        /** "FILE is not read: WHY", as a note says it. */
        public String note() {
            return file + " is not read: " + why;
        }
    }

    /**
     * The files in this folder that look meant to be read but are not, each with a hint: sheets
     * lying in the folder itself, a folder that is itself a {@code drugs/} or {@code classes/}
     * folder, {@code .yml} files, file names that are not ids; and the folder itself when it
     * holds nothing medcounsel reads. Only file names and the first lines of stray files are
     * looked at.
     */
    public List<Unread> unread() {
        List<Unread> unread = new ArrayList<>();
        boolean drugs = Files.isDirectory(root.resolve(Kind.DRUG.folder));
        boolean classes = Files.isDirectory(root.resolve(Kind.CLASS.folder));
        String self = root.toAbsolutePath().normalize().getFileName() == null
                ? ""
                : root.toAbsolutePath().normalize().getFileName().toString();
        List<Path> loose = yamlFiles(root);
        if (!drugs && !classes && (self.equals(Kind.DRUG.folder) || self.equals(Kind.CLASS.folder))) {
            String parent = parentShown();
            unread.add(new Unread(
                    shownAs,
                    "it is a " + self + "/ folder itself; give the folder that holds it (--data " + parent + ")"));
            return unread;
        }
        for (Path file : loose) {
            String name = file.getFileName().toString();
            String stem = name.substring(0, name.lastIndexOf('.'));
            if (VOCABULARIES.contains(name)) continue;
            if (translatedVocabulary(name)) continue;
            if (VOCABULARIES.contains(stem + ".yaml")) {
                unread.add(new Unread(shown(name), "rename it to " + shown(stem + ".yaml")));
                continue;
            }
            Optional<Kind> kind = kindOf(file);
            if (kind.isEmpty() && (drugs || classes)) {
                continue; // another YAML file beside the sheets (a patient file, say)
            }
            String id = idFor(stem);
            if (kind.isPresent()) {
                String folder = kind.get().folder;
                unread.add(new Unread(
                        shown(name),
                        (kind.get() == Kind.DRUG ? "drug" : "class") + " sheets go in " + shown(folder)
                                + "/ (move it to " + shown(folder + "/" + id + ".yaml") + ")"));
            } else {
                unread.add(new Unread(
                        shown(name),
                        "sheets go in " + shown(Kind.DRUG.folder) + "/ (drug sheets) or " + shown(Kind.CLASS.folder)
                                + "/ (class sheets), one sheet a file named after its id"));
            }
        }
        for (Kind kind : Kind.values()) {
            for (Path file : strays(kind)) {
                String name = file.getFileName().toString();
                String stem = name.substring(0, name.lastIndexOf('.'));
                String better = kind.folder + "/" + idFor(stem) + ".yaml";
                unread.add(new Unread(
                        shown(kind.folder + "/" + name),
                        name.endsWith(".yml")
                                ? "sheets end in .yaml (rename it to " + shown(better) + ")"
                                : "a sheet's file name is its id, in lower-case letters, digits and dashes (rename it"
                                        + " to " + shown(better) + ")"));
            }
        }
        if (unread.isEmpty()
                && !holdsSheets(Kind.DRUG)
                && !holdsSheets(Kind.CLASS)
                && VOCABULARIES.stream().noneMatch(v -> Files.isRegularFile(root.resolve(v)))
                // A folder of translations only (words.es.yaml) is read too.
                && loose.stream()
                        .noneMatch(f -> translatedVocabulary(f.getFileName().toString()))) {
            unread.add(new Unread(
                    shownAs,
                    "it holds no sheets (a site folder holds drugs/*.yaml, classes/*.yaml, facts.yaml, words.yaml,"
                            + " medicines.yaml, approvals.yaml or synonyms.yaml)"));
        }
        return unread;
    }

    /** Whether a file name is a translation of a vocabulary file ({@code words.es.yaml}). */
    private static boolean translatedVocabulary(String name) {
        return overlayLang(name, null) != null && TRANSLATED.contains(name.substring(0, name.indexOf('.')) + ".yaml");
    }

    /**
     * The YAML files in a drugs/ or classes/ folder that {@link #ids} passes over: {@code .yml}
     * files and names that are not ids. Judged by name first, so a folder of thousands of good
     * sheets costs one listing and no more.
     */
    private List<Path> strays(Kind kind) {
        List<Path> files = new ArrayList<>();
        Path dir = root.resolve(kind.folder);
        for (String name : names(kind)) {
            boolean yaml = name.endsWith(".yaml");
            if (!yaml && !name.endsWith(".yml")) continue;
            String stem = name.substring(0, name.lastIndexOf('.'));
            if (yaml && (ID.matcher(stem).matches() || overlayLang(name, null) != null)) continue;
            Path f = dir.resolve(name);
            if (!stem.isEmpty() && Files.isRegularFile(f)) files.add(f);
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /** The folder's YAML files ({@code .yaml} and {@code .yml}), sorted; none when it cannot be listed. */
    private static List<Path> yamlFiles(Path dir) {
        List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(dir)) return files;
        try (DirectoryStream<Path> listing = Files.newDirectoryStream(dir, "*.{yaml,yml}")) {
            for (Path f : listing) {
                if (Files.isRegularFile(f)) files.add(f);
            }
        } catch (IOException e) {
            return files;
        }
        files.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return files;
    }

    /** The id a file name most likely meant: lower case, other characters as dashes. */
    public static String idFor(String stem) {
        String id = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        return id.isEmpty() ? "NAME" : id;
    }

    private static final Pattern DRUG_FIELD =
            Pattern.compile("(?m)^(brands|uses|how-to-take|missed-dose|side-effects|stopping)\\s*:");
    private static final Pattern SUMMARY = Pattern.compile("(?m)^summary\\s*:");
    private static final Pattern REVIEWED = Pattern.compile("(?m)^reviewed\\s*:");

    /**
     * Whether a loose file is a drug or a class sheet, from its first few kilobytes: the schema
     * its first line names, else the fields only a drug sheet has. Empty when it looks like
     * neither.
     */
    public static Optional<Kind> kindOf(Path file) {
        String head;
        try (InputStream in = Files.newInputStream(file)) {
            head = new String(in.readNBytes(16 * 1024), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (head.contains("drug-sheet.schema.json")) return Optional.of(Kind.DRUG);
        if (head.contains("class-sheet.schema.json")) return Optional.of(Kind.CLASS);
        if (DRUG_FIELD.matcher(head).find()) return Optional.of(Kind.DRUG);
        if (SUMMARY.matcher(head).find() && REVIEWED.matcher(head).find()) return Optional.of(Kind.CLASS);
        return Optional.empty();
    }

    /** The folder above this one, as the user would type it. */
    private String parentShown() {
        String trimmed = shownAs.replaceAll("/+$", "");
        int slash = trimmed.lastIndexOf('/');
        if (slash > 0) return trimmed.substring(0, slash);
        if (slash == 0) return "/";
        return trimmed.equals(".") ? ".." : ".";
    }

    private String shown(String relative) {
        return shownAs.isEmpty() ? relative : shownAs.replaceAll("/+$", "") + "/" + relative;
    }
}
