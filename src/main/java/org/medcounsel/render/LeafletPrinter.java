package org.medcounsel.render;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.medcounsel.counsel.Leaflets;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * Leaflets as files in one format: HTML and PDF on the paper and print size asked for with the
 * pharmacy's logo, text at a fixed width without colour (a file, not a terminal), Markdown or
 * JSON; and the folder's index (HTML for PDFs, which it links). Thread-safe.
 */
public final class LeafletPrinter {
    private final Format format;
    private final Print print;
    /** A renderer per language shown: page numbers are words too. */
    private final Map<String, Renderer> renderers = new ConcurrentHashMap<>();

    /**
     * How leaflets are printed: the paper's CSS name, large print, the logo as a data: URI ("" for
     * none), HTML templates, the width of text leaflets, and the variables that may name a font.
     */
    public record Print(
            String paper,
            boolean largePrint,
            String logo,
            Optional<Path> templates,
            int textWidth,
            Map<String, String> variables) {}

    public LeafletPrinter(Format format, Print print) {
        this.format = format;
        this.print = print;
    }

    /** The leaflet files' extension. */
    public String extension() {
        return format.extension;
    }

    /** The index's file name: index.html for HTML and PDF leaflets, else in their own format. */
    public String indexName() {
        return "index." + indexFormat().extension;
    }

    private Format indexFormat() {
        return format == Format.pdf ? Format.html : format;
    }

    /** What the index says of a leaflet made {@code today}: its file, title, uses and dates. */
    public Renderer.Entry entry(Leaflets.Leaflet leaflet, LocalDate today) {
        return new Renderer.Entry(
                leaflet.drug().id() + "." + extension(),
                leaflet.document().title(),
                leaflet.uses(),
                leaflet.reviewed(),
                today.toString());
    }

    /** A leaflet as the file's bytes, in the words of the language it is shown in. */
    public byte[] print(Leaflets leaflets, Leaflets.Leaflet leaflet) {
        String tag = leaflet.drug().language().shown();
        StringWriter text = new StringWriter();
        renderers
                .computeIfAbsent(tag, t -> renderer(format, leaflets.words(t)))
                .render(List.of(leaflet.document()), new PrintWriter(text));
        return format == Format.pdf
                ? Pdf.of(text.toString(), print.variables())
                : text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The index of every leaflet in the folder, under the banner, in the run's {@code words}. */
    public byte[] index(List<String> banner, Words words, List<Renderer.Entry> entries) {
        StringWriter text = new StringWriter();
        renderer(indexFormat(), words)
                .index(
                        words.get(Word.INDEX_TITLE),
                        banner,
                        new Renderer.IndexWords(
                                words.get(Word.INDEX_LEAFLET),
                                words.get(Word.INDEX_FOR),
                                words.get(Word.INDEX_REVIEWED),
                                words.get(Word.INDEX_MADE)),
                        entries,
                        new PrintWriter(text));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private Renderer renderer(Format chosen, Words words) {
        switch (chosen) {
            case html:
            case pdf:
                return new HtmlRenderer(
                        print.templates(),
                        new HtmlRenderer.Print(
                                print.paper(), print.largePrint(), print.logo(), words.get(Word.PAGE_OF)));
            case text:
                // A file, not a terminal: never colour.
                return Format.text.renderer(print.textWidth(), new Style(false), Optional.empty());
            default:
                return chosen.renderer(0, new Style(false), Optional.empty());
        }
    }
}
