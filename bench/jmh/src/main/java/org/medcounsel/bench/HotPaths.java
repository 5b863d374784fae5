package org.medcounsel.bench;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.doc.Document;
import org.medcounsel.render.HtmlRenderer;
import org.medcounsel.render.JsonRenderer;
import org.medcounsel.render.MarkdownRenderer;
import org.medcounsel.render.Renderer;
import org.medcounsel.render.Style;
import org.medcounsel.render.TextRenderer;
import org.medcounsel.sheet.FolderShelf;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.PackedTree;
import org.medcounsel.sheet.References;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.YamlReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The in-process hot paths: load one sheet (from YAML and packed), resolve a name among 10,000 sheets, render a leaflet
 * in each format. The 10,000-sheet formulary is made by bench/GenerateFormulary.java into the
 * folder given by -Dformulary (default /tmp/medcounsel-10k).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HotPaths {
    byte[] sheet;
    byte[] packed;
    References refs;
    Formulary big;

    /** A leaflet and a renderer for one format. */
    @State(Scope.Benchmark)
    public static class Rendering {
        @Param({"text", "markdown", "html", "json"})
        String format;

        Renderer renderer;
        Document leaflet;

        @Setup(Level.Trial)
        public void setUp() {
            leaflet = Guidance.leaflet(Formulary.withSites(List.of()).drug("baricitinib"));
            switch (format) {
                case "markdown": renderer = new MarkdownRenderer(); break;
                case "html": renderer = new HtmlRenderer(Optional.empty()); break;
                case "json": renderer = new JsonRenderer(); break;
                default: renderer = new TextRenderer(80, new Style(false));
            }
        }
    }

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        sheet = Files.readAllBytes(Path.of(System.getProperty("sheet", "../../data/drugs/baricitinib.yaml")));
        packed = PackedTree.pack(YamlReader.read("baricitinib.yaml", sheet));
        Formulary bundled = Formulary.withSites(List.of());
        refs = References.of(bundled.facts(), bundled.classIds());
        Path folder = Path.of(System.getProperty("formulary", "/tmp/medcounsel-10k"));
        big = Formulary.withSites(List.of(new FolderShelf(folder, folder.toString())),
                Optional.of(Files.createTempDirectory("medcounsel-bench-cache")));
        big.resolve("brand05000"); // builds and caches the name index once
    }

    /** A site sheet: YAML text parsed and bound. */
    @Benchmark
    public Object loadSheet() {
        return SheetLoader.drug("baricitinib.yaml", YamlReader.read("baricitinib.yaml", sheet), "baricitinib", refs);
    }

    /** A bundled sheet (or a site sheet kept in the cache folder): its packed tree unpacked and bound. */
    @Benchmark
    public Object loadPackedSheet() {
        return SheetLoader.drug("baricitinib.yaml", PackedTree.unpack("baricitinib.yaml", packed), "baricitinib", refs);
    }

    @Benchmark
    public String resolveIdAmong10000() {
        return big.resolve("drug05000");
    }

    @Benchmark
    public String resolveBrandAmong10000() {
        return big.resolve("Brand07777");
    }

    @Benchmark
    public int renderLeaflet(Rendering r) {
        StringWriter out = new StringWriter();
        r.renderer.render(List.of(r.leaflet), new PrintWriter(out));
        return out.getBuffer().length();
    }
}
