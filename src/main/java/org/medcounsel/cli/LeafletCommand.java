package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.render.AtomicFiles;
import org.medcounsel.render.Format;
import org.medcounsel.render.HtmlRenderer;
import org.medcounsel.render.Pdf;
import org.medcounsel.render.Renderer;
import org.medcounsel.render.Style;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.InLanguage;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.SheetShapes;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel leaflet}: one complete leaflet per drug, written safely into a folder, with an index. */
@Command(
        name = "leaflet",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Write a complete patient leaflet per drug into a folder.",
            "Each is named <generic>.<ext>. Every file is written whole or not at all. Without --force, if any"
                    + " leaflet to be written exists, nothing is written. The index (index.html for html and pdf)"
                    + " is made afresh from every leaflet in the folder, each time.",
            "--out - writes one leaflet to standard output."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all leaflets written",
            "1:a leaflet exists (without --force), a sheet or the site file failed to load, or a file could not be written",
            "2:usage error",
            "3:unknown drug"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel leaflet --all --out leaflets",
            "  medcounsel leaflet olumiant rinvoq --format pdf --site site.yaml --out pdf",
            "  medcounsel leaflet olumiant --format pdf --large-print --out - > olumiant.pdf",
            "  medcounsel leaflet --all --out leaflets --force"
        })
final class LeafletCommand implements Callable<Integer> {
    /** Batches at least this long show a progress bar on a terminal. */
    static final int PROGRESS_FROM = 20;

    private final Environment env;

    @Spec
    CommandSpec spec;

    LeafletCommand(Environment env) {
        this.env = env;
    }

    @Parameters(arity = "0..*", paramLabel = "DRUG", description = "Generic or brand names (or use --all).")
    List<String> names = new ArrayList<>();

    @Option(names = "--all", description = "Every drug the tool knows.")
    boolean all;

    @Option(
            names = "--out",
            paramLabel = "DIR",
            required = true,
            description = "Folder to write into (made if missing), or - for one leaflet on standard output.")
    String out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "html",
            description = "html, pdf, markdown, text or json (default: ${DEFAULT-VALUE}).")
    LeafletFormat format = LeafletFormat.html;

    @Option(
            names = "--paper",
            paramLabel = "SIZE",
            defaultValue = "a4",
            description = "Paper for html and pdf leaflets: a4 or letter (default: ${DEFAULT-VALUE}).")
    Paper paper = Paper.a4;

    @Option(names = "--large-print", description = "Body text at 16 pt, for readers with low vision (html and pdf).")
    boolean largePrint;

    @Option(
            names = "--site",
            paramLabel = "FILE",
            description = "YAML with the pharmacy's name, address, phone, website, opening-hours and logo, printed on"
                    + " every leaflet.")
    String site;

    @Option(names = "--force", description = "Replace leaflets that already exist.")
    boolean force;

    @CommandLine.Mixin
    LanguageOption language;

    @Option(
            names = "--allow-stale-translation",
            description = "Print a translation made before its English sheet last changed (it carries a warning).")
    boolean allowStale;

    @Option(
            names = {"-q", "--quiet"},
            description = "No progress bar and no summary line.")
    boolean quiet;

    @Mixin
    DataOptions data;

    @Mixin
    OutputOptions output;

    @Mixin
    DebugOption debug;

    /** What a leaflet can be written as, and its file extension. */
    enum LeafletFormat {
        html("html"),
        pdf("pdf"),
        markdown("md"),
        text("txt"),
        json("json");

        final String extension;

        LeafletFormat(String extension) {
            this.extension = extension;
        }

        /** The index's format: a PDF folder gets an HTML index that links the PDFs. */
        LeafletFormat index() {
            return this == pdf ? html : this;
        }
    }

    /** The paper sizes, as CSS names them. */
    enum Paper {
        a4("A4"),
        letter("letter");

        final String css;

        Paper(String css) {
            this.css = css;
        }
    }

    /** Where the index keeps what each leaflet is (title, uses, dates), one small JSON file a leaflet. */
    static final String DESCRIPTIONS = ".leaflets";

    @Override
    public Integer call() throws IOException {
        if (all == !names.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    all ? "give drug names or --all, not both" : "give drug names, or --all for every drug");
        }
        if (largePrint && format != LeafletFormat.html && format != LeafletFormat.pdf) {
            throw new ParameterException(spec.commandLine(), "--large-print is for html and pdf leaflets");
        }
        boolean toStdout = out.equals("-");
        if (toStdout && all) {
            throw new ParameterException(spec.commandLine(), "--out - writes one leaflet: give one drug, not --all");
        }
        if (toStdout && format == LeafletFormat.pdf && env.terminal()) {
            throw new ParameterException(
                    spec.commandLine(), "a PDF is not written to a terminal: redirect it to a file (> leaflet.pdf)");
        }
        Optional<Sheets.Site> pharmacy = site(env);
        Formulary formulary = data.formulary(env);
        Set<String> ids = new LinkedHashSet<>();
        if (all) {
            ids.addAll(formulary.drugIds());
        } else {
            names.forEach(n -> ids.add(formulary.resolve(n)));
        }
        if (toStdout && ids.size() != 1) {
            throw new ParameterException(spec.commandLine(), "--out - writes one leaflet: give one drug");
        }
        Leaflets leaflets = new Leaflets(formulary, pharmacy, logo(pharmacy), language.tag(env, formulary));
        leaflets.refuseStale(ids);
        if (toStdout) {
            return toStdout(leaflets, ids.iterator().next());
        }
        Path dir = folder(env);
        FolderLock lock = FolderLock.take(dir, out);
        try {
            return writeInto(dir, leaflets, formulary, ids);
        } finally {
            lock.close();
        }
    }

    /** One leaflet on standard output: bytes as they are for a PDF, text otherwise. */
    private int toStdout(Leaflets leaflets, String id) {
        Made made = leaflets.make(leaflets.drug(id, false));
        CounselCommand.noteLanguage(List.of(made.drug()), spec.commandLine().getErr());
        CounselCommand.noteStale(
                made.drug().staleYears(LocalDate.now(env.clock())).isPresent() ? List.of(made.drug()) : List.of(),
                leaflets.formulary,
                env,
                spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == LeafletFormat.pdf) {
            if (!(stdout instanceof BinaryOut binary)) {
                throw new Failure("a PDF cannot be written here: use --out FOLDER");
            }
            binary.bytes(made.bytes());
        } else {
            stdout.print(new String(made.bytes(), StandardCharsets.UTF_8));
            stdout.flush();
        }
        return Exit.OK;
    }

    /** A language's banner and renderer (its page numbers are words too). */
    private record Shown(List<String> banner, Renderer renderer) {}

    /**
     * What every leaflet of this run shares: the sheets, the pharmacy, and the renderer for the
     * format, paper and print size. Thread-safe: leaflets are made on every core.
     */
    private final class Leaflets {
        final Formulary formulary;
        final Guidance guidance;
        final List<String> banner;
        final Optional<Sheets.Site> pharmacy;
        final Renderer renderer;
        final Renderer indexRenderer;
        final Words words;
        final String lang;
        final String logo;
        /** Per language shown: its words, banner and renderer (page numbers are words too). */
        final Map<String, Shown> inLanguage = new ConcurrentHashMap<>();

        Leaflets(Formulary formulary, Optional<Sheets.Site> pharmacy, String logo, String lang) {
            this.formulary = formulary;
            formulary.facts();
            this.guidance = Guidance.of(formulary);
            this.words = formulary.words();
            this.pharmacy = pharmacy;
            this.lang = lang;
            this.logo = logo;
            this.banner = banner(pharmacy, words);
            this.renderer = renderer(format, logo, words);
            this.indexRenderer = format.index() == format ? renderer : renderer(format.index(), logo, words);
        }

        /** The drug in the run's language; {@code once}: not kept (a batch over every sheet). */
        Drug drug(String id, boolean once) {
            if (Language.isEnglish(lang)) {
                return once ? formulary.drugOnce(id) : formulary.drug(id);
            }
            return formulary.drug(id, lang);
        }

        /**
         * Stops the run before anything is written when a leaflet would be a translation made
         * before its English sheet last changed, unless --allow-stale-translation.
         */
        void refuseStale(Collection<String> ids) {
            if (allowStale || Language.isEnglish(lang)) return;
            for (String id : ids) {
                Language l = formulary.drug(id, lang).language();
                if (l.stale()) {
                    throw new Failure("the " + Language.named(l.shown()) + " translation of " + id
                            + " was made before its English sheet last changed, so it may be out of date; update it"
                            + " (check says how), or print it with its warning using --allow-stale-translation");
                }
            }
        }

        /** The words, banner and renderer for a leaflet shown in {@code tag}. */
        private Shown in(String tag) {
            if (tag.equals(Language.ENGLISH)) return new Shown(banner, renderer);
            return inLanguage.computeIfAbsent(tag, t -> {
                Words w = formulary.words(t).map(InLanguage::value).orElse(words);
                return new Shown(banner(pharmacy, w), renderer(format, logo, w));
            });
        }

        private Renderer renderer(LeafletFormat chosen, String logo, Words words) {
            switch (chosen) {
                case html:
                case pdf:
                    return new HtmlRenderer(
                            output.templates(env),
                            new HtmlRenderer.Print(paper.css, largePrint, logo, words.get(Word.PAGE_OF)));
                case text:
                    // A file, not a terminal: 80 columns (or --width), never colour.
                    return Format.text.renderer(
                            output.widthOr(env, OutputOptions.DEFAULT_WIDTH), new Style(false), Optional.empty());
                case markdown:
                    return Format.markdown.renderer(0, new Style(false), Optional.empty());
                default:
                    return Format.json.renderer(0, new Style(false), Optional.empty());
            }
        }

        /** One drug's leaflet, rendered whole, and what the index says of it. */
        Made make(Drug drug) {
            Shown shown = in(drug.language().shown());
            Guidance guidance = this.guidance.in(drug);
            Document leaflet = guidance.leaflet(drug).withBanner(shown.banner());
            if (pharmacy.isPresent() && !pharmacy.get().phone().isEmpty()) {
                leaflet = leaflet.withSection(guidance.askUs(pharmacy.get().phone()));
            }
            StringWriter text = new StringWriter();
            shown.renderer().render(List.of(leaflet), new PrintWriter(text));
            byte[] bytes;
            try {
                bytes = format == LeafletFormat.pdf
                        ? Pdf.maker().pdf(text.toString(), "file:///", Pdf.fontsFor(text.toString(), env.variables()))
                        : text.toString().getBytes(StandardCharsets.UTF_8);
            } catch (Pdf.MissingException | Pdf.FontException e) {
                throw new Failure(e.getMessage());
            }
            String uses = drug.sheet().get(SheetShapes.DRUG_USES).stream()
                    .map(u -> u.condition().replaceFirst("\\s*\\(.*$", ""))
                    .distinct()
                    .collect(Collectors.joining(", "));
            String made = LocalDate.now(env.clock()).toString();
            return new Made(
                    drug,
                    bytes,
                    new Renderer.Entry(
                            drug.id() + "." + format.extension,
                            leaflet.title(),
                            uses,
                            drug.sheet().get(SheetShapes.DRUG_REVIEWED).toString(),
                            made));
        }
    }

    /** A leaflet made: its drug, its bytes, and its index entry. */
    private record Made(Drug drug, byte[] bytes, Renderer.Entry entry) {}

    private int writeInto(Path dir, Leaflets leaflets, Formulary formulary, Set<String> ids) throws IOException {
        String ext = format.extension;
        refuseExisting(dir, ids, ext);

        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, ids.size(), !quiet && env.terminal() && ids.size() >= PROGRESS_FROM);
        long start = System.nanoTime();
        Queue<Drug> stale = new ConcurrentLinkedQueue<>();
        int written = writeAll(new ArrayList<>(ids), leaflets, dir, progress, stale);
        // One note per stale sheet, in id order, once the leaflets are written.
        List<Drug> staleInOrder = new ArrayList<>(stale);
        staleInOrder.sort(Comparator.comparing(Drug::id));
        CounselCommand.noteStale(staleInOrder, formulary, env, err);
        CounselCommand.noteLanguage(staleInOrder, err);
        String indexName = "index." + format.index().extension;
        List<Renderer.Entry> everyLeaflet = LeafletIndex.entries(dir, ext, indexName, DESCRIPTIONS);
        Words words = leaflets.words;
        write(
                dir.resolve(indexName),
                shown(indexName),
                w -> leaflets.indexRenderer.index(
                        words.get(Word.INDEX_TITLE),
                        leaflets.banner,
                        new Renderer.IndexWords(
                                words.get(Word.INDEX_LEAFLET),
                                words.get(Word.INDEX_FOR),
                                words.get(Word.INDEX_REVIEWED),
                                words.get(Word.INDEX_MADE)),
                        everyLeaflet,
                        w));
        if (!quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    Locale.ROOT,
                    "written %d leaflet%s to %s in %.1f s (the index lists %d)%n",
                    written,
                    written == 1 ? "" : "s",
                    Terminal.safe(out),
                    seconds,
                    everyLeaflet.size());
            stdout.flush();
        }
        return Exit.OK;
    }

    /**
     * One leaflet run at a time per folder: two runs at once would mix two sites' leaflets. The
     * lock is a file holding the process id; one left by a process that has gone is taken over.
     */
    static final class FolderLock {
        static final String NAME = ".medcounsel-leaflet.lock";
        private final Path file;

        private FolderLock(Path file) {
            this.file = file;
        }

        static FolderLock take(Path dir, String shown) throws IOException {
            Path file = dir.resolve(NAME);
            String me = String.valueOf(ProcessHandle.current().pid());
            for (int attempt = 0; attempt < 2; attempt++) {
                try {
                    Files.writeString(file, me, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    AtomicFiles.removeAtExit(file);
                    return new FolderLock(file);
                } catch (FileAlreadyExistsException e) {
                    String holder = read(file);
                    boolean alive = holder.matches("\\d{1,19}")
                            && ProcessHandle.of(Long.parseLong(holder))
                                    .map(ProcessHandle::isAlive)
                                    .orElse(false);
                    if (alive) {
                        throw new Failure("another leaflet run (process " + holder + ") is writing " + shown
                                + "; wait for it to finish, or write to another folder");
                    }
                    Files.deleteIfExists(file); // left by a run that has gone
                }
            }
            throw new Failure("cannot lock " + shown + " for writing");
        }

        private static String read(Path file) {
            try {
                return Files.readString(file).strip();
            } catch (IOException e) {
                return "";
            }
        }

        void close() throws IOException {
            Files.deleteIfExists(file);
            AtomicFiles.forget(file);
        }
    }

    /**
     * Renders and writes every leaflet, on all cores, each with its description for the index.
     * Each sheet is read, rendered and written and then let go, so memory stays flat however many
     * there are. The first failure stops the rest; leaflets already written are whole.
     */
    private int writeAll(List<String> ids, Leaflets leaflets, Path dir, Progress progress, Queue<Drug> stale) {
        LocalDate today = LocalDate.now(env.clock());
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        AtomicInteger written = new AtomicInteger();
        // The shell cancels a command (Ctrl-C) by interrupting the thread that runs it; the
        // leaflets are written on other threads, so each asks that thread before it starts.
        Thread caller = Thread.currentThread();
        IntStream.range(0, ids.size()).parallel().forEach(i -> {
            if (failure.get() != null) return;
            if (caller.isInterrupted()) {
                failure.compareAndSet(null, new Prompter.Cancel());
                return;
            }
            try {
                Drug drug = leaflets.drug(ids.get(i), true);
                // Said after the run, in id order: an old sheet, or a language not shown (or stale).
                if (drug.staleYears(today).isPresent()
                        || !drug.language().notShown().isEmpty()
                        || drug.language().stale()) {
                    stale.add(drug);
                }
                Made made = leaflets.make(drug);
                String file = made.entry().file();
                writeBytes(dir.resolve(file), shown(file), made.bytes());
                LeafletIndex.describe(dir.resolve(DESCRIPTIONS), made.entry());
                written.incrementAndGet();
                progress.step();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        progress.done();
        if (failure.get() != null) {
            throw failure.get();
        }
        return written.get();
    }

    private String shown(String file) {
        return out.replaceAll("/+$", "") + "/" + file;
    }

    /** The output folder, made if missing; a plain file in its place is an error. */
    private Path folder(Environment env) throws IOException {
        Path dir = env.fileSystem().getPath(out);
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new Failure("cannot write to '" + out + "': it is a file, not a folder");
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new Failure("cannot make the folder '" + out + "': " + e.getMessage());
        }
        return dir;
    }

    /**
     * Without --force, a leaflet that exists stops the run before anything is written. The index
     * is not one of them: it is made afresh from the folder every time.
     */
    private void refuseExisting(Path dir, Set<String> ids, String ext) throws IOException {
        if (force) return;
        List<String> existing = new ArrayList<>();
        for (String id : ids) {
            if (Files.exists(dir.resolve(id + "." + ext))) existing.add(id + "." + ext);
        }
        if (!existing.isEmpty()) {
            int shownCount = Math.min(existing.size(), 5);
            String list = String.join(", ", existing.subList(0, shownCount))
                    + (existing.size() > shownCount ? " and " + (existing.size() - shownCount) + " more" : "");
            throw new Failure("not writing anything: " + list + (existing.size() == 1 ? " exists" : " exist") + " in "
                    + out + " (use --force to replace)");
        }
    }

    private Optional<Sheets.Site> site(Environment env) throws IOException {
        if (site == null) return Optional.empty();
        byte[] bytes = OptionFile.read(env, site, "site file");
        try {
            return Optional.of(SheetLoader.site(site, bytes));
        } catch (SheetException e) {
            throw new AnswerException(e.getMessage());
        }
    }

    /** The banner's lines: the pharmacy's name first, then address, phone, website and opening hours. */
    private static List<String> banner(Optional<Sheets.Site> pharmacy, Words words) {
        if (pharmacy.isEmpty()) return List.of();
        Sheets.Site s = pharmacy.get();
        List<String> lines = new ArrayList<>();
        lines.add(s.name());
        if (!s.address().isEmpty()) lines.add(s.address());
        if (!s.phone().isEmpty()) lines.add(words.get(Word.BANNER_PHONE, "phone", s.phone()));
        if (!s.website().isEmpty()) lines.add(s.website());
        if (!s.openingHours().isEmpty()) lines.add(words.get(Word.BANNER_OPENING_HOURS, "hours", s.openingHours()));
        return List.copyOf(lines);
    }

    /** Larger than any logo a leaflet needs; a bigger file is a mistake, not a logo. */
    static final int MAX_LOGO_BYTES = 1 << 20;

    /**
     * The site's logo as a data: URI, so the leaflet stays one self-contained file: a PNG or JPEG
     * (told by its first bytes, not its name) beside the site file. "" without one.
     */
    private String logo(Optional<Sheets.Site> pharmacy) {
        if (pharmacy.isEmpty() || pharmacy.get().logo().isEmpty()) return "";
        Sheets.Site s = pharmacy.get();
        String where = site + ":" + s.logoLine() + ": logo '" + s.logo() + "' ";
        Path siteFile = env.fileSystem().getPath(site).toAbsolutePath();
        Path file = siteFile.resolveSibling(s.logo());
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_LOGO_BYTES) {
                throw new Failure(where + "is larger than 1 MiB");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new Failure(where + "does not exist (a path relative to the site file)");
        } catch (IOException e) {
            throw new Failure(where + "cannot be read: " + e.getMessage());
        }
        String type;
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            type = "image/png";
        } else if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            type = "image/jpeg";
        } else {
            throw new Failure(where + "is not a PNG or JPEG image");
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }

    /** Writes the bytes whole, or not at all. */
    private static void writeBytes(Path target, String shown, byte[] bytes) {
        try {
            AtomicFiles.write(target, bytes, shown);
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** Renders into memory, then writes the file whole. */
    private static void write(Path target, String shown, Consumer<PrintWriter> render) {
        StringWriter text = new StringWriter();
        render.accept(new PrintWriter(text));
        try {
            AtomicFiles.write(target, text.toString().getBytes(StandardCharsets.UTF_8), shown);
        } catch (IOException e) {
            throw new Failure(e.getMessage());
        }
    }

    /** A one-line progress bar on stderr, redrawn in place. */
    static final class Progress {
        private final PrintWriter err;
        private final int total;
        private final boolean shown;
        private int done;
        private int drawn = -1;

        Progress(PrintWriter err, int total, boolean shown) {
            this.err = err;
            this.total = total;
            this.shown = shown;
        }

        synchronized void step() {
            done++;
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            if (shown && filled != drawn) {
                drawn = filled;
                err.print("\rwriting leaflets [" + "#".repeat(filled) + " ".repeat(width - filled) + "] " + done + "/"
                        + total);
                err.flush();
            }
        }

        synchronized void done() {
            if (shown) {
                err.print("\r" + " ".repeat(60) + "\r");
                err.flush();
            }
        }
    }
}
