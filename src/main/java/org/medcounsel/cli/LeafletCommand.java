package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.render.AtomicFiles;
import org.medcounsel.render.Format;
import org.medcounsel.render.Renderer;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
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
            "Each is named <generic>.<ext>, with an index. Every file is written whole or not at all.",
            "Without --force, if any target file exists nothing is written."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:all leaflets written",
            "1:a target exists (without --force), a sheet failed to load, or a file could not be written",
            "2:usage error",
            "3:unknown drug"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel leaflet --all --out leaflets",
            "  medcounsel leaflet olumiant rinvoq --out leaflets --format html",
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
            description = "Folder to write into (made if missing).")
    String out;

    @Option(
            names = "--format",
            paramLabel = "FORMAT",
            defaultValue = "html",
            description = "html, markdown or text (default: ${DEFAULT-VALUE}).",
            completionCandidates = LeafletFormats.class)
    Format format = Format.html;

    @Option(
            names = "--site",
            paramLabel = "FILE",
            description = "YAML with the pharmacy's name, address and phone, printed on every leaflet.")
    String site;

    @Option(names = "--force", description = "Replace leaflets that already exist.")
    boolean force;

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

    @Override
    public Integer call() throws IOException {
        if (all == !names.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    all ? "give drug names or --all, not both" : "give drug names, or --all for every drug");
        }
        if (format == Format.json) {
            throw new ParameterException(spec.commandLine(), "leaflets are written as html, markdown or text");
        }
        Format rendered = format;
        Renderer renderer = output.renderer(env.withoutColour(), rendered);
        List<String> banner = site(env);
        Formulary formulary = data.formulary(env);
        Set<String> ids = new LinkedHashSet<>();
        if (all) {
            ids.addAll(formulary.drugIds());
        } else {
            names.forEach(n -> ids.add(formulary.resolve(n)));
        }
        Path dir = folder(env);
        FolderLock lock = FolderLock.take(dir, out);
        try {
            return writeInto(dir, rendered, renderer, banner, formulary, ids);
        } finally {
            lock.close();
        }
    }

    private int writeInto(
            Path dir, Format rendered, Renderer renderer, List<String> banner, Formulary formulary, Set<String> ids)
            throws IOException {
        String ext = rendered.extension;
        String indexName = "index." + ext;
        refuseExisting(dir, ids, ext, indexName);

        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, ids.size(), !quiet && env.terminal() && ids.size() >= PROGRESS_FROM);
        long start = System.nanoTime();
        java.util.Queue<Drug> stale = new java.util.concurrent.ConcurrentLinkedQueue<>();
        List<Renderer.Entry> entries =
                writeAll(new ArrayList<>(ids), formulary, renderer, banner, dir, ext, progress, stale);
        // One note per stale sheet, in id order, once the leaflets are written.
        List<Drug> staleInOrder = new ArrayList<>(stale);
        staleInOrder.sort(java.util.Comparator.comparing(Drug::id));
        CounselCommand.noteStale(staleInOrder, formulary, env, err);
        write(dir.resolve(indexName), shown(indexName), w -> renderer.index("Patient leaflets", banner, entries, w));
        if (!quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    Locale.ROOT,
                    "written %d leaflet%s to %s in %.1f s%n",
                    entries.size(),
                    entries.size() == 1 ? "" : "s",
                    Terminal.safe(out),
                    seconds);
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
                    Files.writeString(
                            file,
                            me,
                            java.nio.file.StandardOpenOption.CREATE_NEW,
                            java.nio.file.StandardOpenOption.WRITE);
                    AtomicFiles.removeAtExit(file);
                    return new FolderLock(file);
                } catch (java.nio.file.FileAlreadyExistsException e) {
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
     * Renders and writes every leaflet, on all cores. Each sheet is read, rendered and written
     * and then let go, so memory stays flat however many there are. The first failure stops the
     * rest; leaflets already written are whole.
     */
    private List<Renderer.Entry> writeAll(
            List<String> ids,
            Formulary formulary,
            Renderer renderer,
            List<String> banner,
            Path dir,
            String ext,
            Progress progress,
            java.util.Queue<Drug> stale) {
        java.time.LocalDate today = java.time.LocalDate.now(env.clock());
        formulary.facts();
        Guidance guidance = Guidance.of(formulary);
        Renderer.Entry[] entries = new Renderer.Entry[ids.size()];
        java.util.concurrent.atomic.AtomicReference<RuntimeException> failure =
                new java.util.concurrent.atomic.AtomicReference<>();
        // The shell cancels a command (Ctrl-C) by interrupting the thread that runs it; the
        // leaflets are written on other threads, so each asks that thread before it starts.
        Thread caller = Thread.currentThread();
        java.util.stream.IntStream.range(0, ids.size()).parallel().forEach(i -> {
            if (failure.get() != null) return;
            if (caller.isInterrupted()) {
                failure.compareAndSet(null, new Prompter.Cancel());
                return;
            }
            try {
                Drug drug = formulary.drugOnce(ids.get(i));
                if (drug.staleYears(today).isPresent()) stale.add(drug);
                Document leaflet = guidance.leaflet(drug).withBanner(banner);
                String file = ids.get(i) + "." + ext;
                write(dir.resolve(file), shown(file), w -> renderer.render(List.of(leaflet), w));
                entries[i] = new Renderer.Entry(file, leaflet.title());
                progress.step();
            } catch (RuntimeException e) {
                failure.compareAndSet(null, e);
            }
        });
        progress.done();
        if (failure.get() != null) {
            throw failure.get();
        }
        return List.of(entries);
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

    /** Without --force, any existing target stops the run before anything is written. */
    private void refuseExisting(Path dir, Set<String> ids, String ext, String indexName) throws IOException {
        if (force) return;
        List<String> existing = new ArrayList<>();
        for (String id : ids) {
            if (Files.exists(dir.resolve(id + "." + ext))) existing.add(id + "." + ext);
        }
        if (Files.exists(dir.resolve(indexName))) existing.add(indexName);
        if (!existing.isEmpty()) {
            int shownCount = Math.min(existing.size(), 5);
            String list = String.join(", ", existing.subList(0, shownCount))
                    + (existing.size() > shownCount ? " and " + (existing.size() - shownCount) + " more" : "");
            throw new Failure("not writing anything: " + list + (existing.size() == 1 ? " exists" : " exist") + " in "
                    + out + " (use --force to replace)");
        }
    }

    private List<String> site(Environment env) throws IOException {
        if (site == null) return List.of();
        byte[] bytes = OptionFile.read(env, site, "site file");
        try {
            return SheetLoader.site(site, bytes);
        } catch (SheetException e) {
            throw new AnswerException(e.getMessage());
        }
    }

    /** Renders into memory, then writes the file whole. */
    private static void write(Path target, String shown, java.util.function.Consumer<PrintWriter> render) {
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

    /** The formats a leaflet can be written in: every format but json. */
    static final class LeafletFormats implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(Format.values())
                    .filter(f -> f != Format.json)
                    .map(Format::name)
                    .iterator();
        }
    }
}
