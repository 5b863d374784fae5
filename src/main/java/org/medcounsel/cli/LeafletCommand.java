package org.medcounsel.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Leaflets;
import org.medcounsel.render.Format;
import org.medcounsel.render.LeafletFolder;
import org.medcounsel.render.LeafletPrinter;
import org.medcounsel.render.Logo;
import org.medcounsel.render.Progress;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Language;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.Sheets;
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
            completionCandidates = Accepted.class,
            converter = Accepted.class,
            description = "${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    Format format = Format.html;

    /** What a leaflet is written as. */
    static final class Accepted extends Formats {
        Accepted() {
            super(Format.html, Format.pdf, Format.markdown, Format.text, Format.json);
        }
    }

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

    /** The paper sizes, as CSS names them. */
    enum Paper {
        a4("A4"),
        letter("letter");

        final String css;

        Paper(String css) {
            this.css = css;
        }
    }

    @Override
    public Integer call() throws IOException {
        if (all == !names.isEmpty()) {
            throw new ParameterException(
                    spec.commandLine(),
                    all ? "give drug names or --all, not both" : "give drug names, or --all for every drug");
        }
        if (largePrint && format != Format.html && format != Format.pdf) {
            throw new ParameterException(spec.commandLine(), "--large-print is for html and pdf leaflets");
        }
        boolean toStdout = out.equals("-");
        if (toStdout && all) {
            throw new ParameterException(spec.commandLine(), "--out - writes one leaflet: give one drug, not --all");
        }
        if (toStdout && format == Format.pdf && env.terminal()) {
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
        String logo = logo(pharmacy);
        Leaflets leaflets = new Leaflets(formulary, pharmacy, language.tag(env, formulary));
        LeafletPrinter printer = new LeafletPrinter(
                format,
                new LeafletPrinter.Print(
                        paper.css,
                        largePrint,
                        logo,
                        format == Format.html || format == Format.pdf ? output.templates(env) : Optional.empty(),
                        // A file, not a terminal: 80 columns unless --width.
                        format == Format.text
                                ? output.widthOr(env, OutputOptions.DEFAULT_WIDTH)
                                : OutputOptions.DEFAULT_WIDTH,
                        env.variables()));
        if (!allowStale) {
            leaflets.outOfDate(ids).ifPresent(drug -> {
                throw new Failure("the " + Language.named(drug.language().shown()) + " translation of " + drug.id()
                        + " was made before its English sheet last changed, so it may be out of date; update it"
                        + " (check says how), or print it with its warning using --allow-stale-translation");
            });
        }
        if (toStdout) {
            return toStdout(leaflets, printer, ids.iterator().next());
        }
        try (LeafletFolder folder = LeafletFolder.open(env.fileSystem().getPath(out), out)) {
            return writeInto(folder, leaflets, printer, ids);
        }
    }

    /** One leaflet on standard output: bytes as they are for a PDF, text otherwise. */
    private int toStdout(Leaflets leaflets, LeafletPrinter printer, String id) {
        Leaflets.Leaflet leaflet = leaflets.leaflet(leaflets.drug(id, false));
        byte[] bytes = printer.print(leaflets, leaflet);
        Drug drug = leaflet.drug();
        CounselCommand.noteLanguage(List.of(drug), spec.commandLine().getErr());
        CounselCommand.noteStale(
                drug.staleYears(LocalDate.now(env.clock())).isPresent() ? List.of(drug) : List.of(),
                leaflets.formulary(),
                env,
                spec.commandLine().getErr());
        PrintWriter stdout = spec.commandLine().getOut();
        if (format == Format.pdf) {
            if (!(stdout instanceof BinaryOut binary)) {
                throw new Failure("a PDF cannot be written here: use --out FOLDER");
            }
            binary.bytes(bytes);
        } else {
            stdout.print(new String(bytes, StandardCharsets.UTF_8));
            stdout.flush();
        }
        return Exit.OK;
    }

    /** Every leaflet into the folder, the notes once they are written, the index, and a summary line. */
    private int writeInto(LeafletFolder folder, Leaflets leaflets, LeafletPrinter printer, Set<String> ids)
            throws IOException {
        if (!force) refuseExisting(folder.existing(ids, printer.extension()));
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = new Progress(err, ids.size(), !quiet && env.terminal() && ids.size() >= Progress.FROM);
        long start = System.nanoTime();
        LeafletFolder.Written written =
                folder.write(new ArrayList<>(ids), leaflets, printer, LocalDate.now(env.clock()), progress);
        CounselCommand.noteStale(written.noted(), leaflets.formulary(), env, err);
        CounselCommand.noteLanguage(written.noted(), err);
        int listed = folder.writeIndex(leaflets, printer);
        if (!quiet) {
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.printf(
                    Locale.ROOT,
                    "written %d leaflet%s to %s in %.1f s (the index lists %d)%n",
                    written.leaflets(),
                    written.leaflets() == 1 ? "" : "s",
                    Terminal.safe(out),
                    seconds,
                    listed);
            stdout.flush();
        }
        return Exit.OK;
    }

    /** Without --force, a leaflet that exists stops the run before anything is written. */
    private void refuseExisting(List<String> existing) {
        if (existing.isEmpty()) return;
        int shown = Math.min(existing.size(), 5);
        String list = String.join(", ", existing.subList(0, shown))
                + (existing.size() > shown ? " and " + (existing.size() - shown) + " more" : "");
        throw new Failure("not writing anything: " + list + (existing.size() == 1 ? " exists" : " exist") + " in " + out
                + " (use --force to replace)");
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

    /** The site's logo, beside the site file, as a data: URI; "" without one. */
    private String logo(Optional<Sheets.Site> pharmacy) throws IOException {
        if (pharmacy.isEmpty() || pharmacy.get().logo().isEmpty()) return "";
        Sheets.Site s = pharmacy.get();
        Path file = env.fileSystem().getPath(site).toAbsolutePath().resolveSibling(s.logo());
        return Logo.dataUri(file, site + ":" + s.logoLine() + ": logo '" + s.logo() + "' ");
    }
}
