package org.medcounsel.render;

import com.samskivert.mustache.Escapers;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.medcounsel.doc.Document;

/** Invariants of the renderers, for any text at all (jqwik generates it, shrinking failures). */
class RenderingProperties {

    /** Any text, rich in the characters that break things: controls, markup, wide and combining marks. */
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings()
                .withChars("<>&\"'`*_[]#!|~{}\\\t\n\r\u001b\u0000\u007f\u0085\u009b ")
                .withCharRange('a', 'z')
                .withCharRange('\u00e0', '\u00ff')
                .withChars("語é\u0301👩‍⚕️")
                .ofMaxLength(120);
    }

    Document document(String a, String b, String c) {
        List<Document.Block> blocks = List.of(
                new Document.Paragraph(a),
                new Document.Bullets(b, List.of(c, a)),
                new Document.Term(b, c),
                new Document.Callout(Document.Severity.URGENT, a, List.of(b)),
                new Document.Callout(Document.Severity.CAUTION, c, List.of(a, b)));
        return new Document(
                "d",
                "info",
                List.of(c),
                a,
                b,
                List.of(new Document.Section(c, blocks)),
                LocalDate.of(2026, 1, 1),
                List.of(new Document.Reference(a, "https://example.org/" + b)),
                new Document.Footer(a, b, c));
    }

    static String render(Renderer renderer, Document doc) {
        StringWriter out = new StringWriter();
        renderer.render(List.of(doc), new PrintWriter(out));
        return out.toString();
    }

    static boolean control(int c) {
        return (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }

    /**
     * A line fits the width, or holds one word too long for any line (a web address), whole: after
     * its indent and bullet there is no space.
     */
    static boolean fits(String line, int width) {
        return Wrap.len(line) <= width
                || Wrap.tokens(line.strip().replaceFirst("^[-!] ", "")).size() <= 1;
    }

    @Property
    boolean wrappedLinesFitTheWidthOrHoldOneLongWordWhole(
            @ForAll("text") String text,
            @ForAll @IntRange(min = 20, max = 200) int width,
            @ForAll @IntRange(min = 0, max = 8) int indent) {
        String first = " ".repeat(indent);
        List<String> lines = Wrap.lines(text, width, first, first + "  ");
        return lines.stream().allMatch(l -> fits(l, width))
                && Wrap.tokens(text).stream().allMatch(token -> lines.stream().anyMatch(l -> Wrap.tokens(l).stream()
                        .anyMatch(t -> t.text().equals(token.text()))));
    }

    /** OSC 8 links as medcounsel writes them: the target printable ASCII, the text anything safe. */
    static final String LINK = "\u001b]8;;[!-~]*\u001b\\\\";

    @Property
    boolean shortSourcesAreOneSafeLineEachThatFits(
            @ForAll("text") String title,
            @ForAll("text") String path,
            @ForAll @IntRange(min = 20, max = 120) int width) {
        Document doc = new Document(
                "d",
                "info",
                List.of(),
                "t",
                "s",
                List.of(),
                LocalDate.of(2026, 1, 1),
                List.of(
                        new Document.Reference(title, "https://example.org/" + path),
                        new Document.Reference("x", "https://" + path)),
                new Document.Footer("Reviewed", "Sources", "End.", "", "more"));
        String out = render(new TextRenderer(width, new Style(true), true), doc);
        List<String> lines = out.lines().toList();
        int heading = lines.indexOf("\u001b[2mSources (more):\u001b[0m");
        List<String> sources = lines.subList(heading + 1, heading + 3);
        String visible = out.replaceAll(LINK, "").replaceAll("\u001b\\[[0-9;]*m", "");
        return heading > 0
                && sources.stream().allMatch(l -> l.startsWith("  - "))
                && sources.stream()
                        .map(l -> l.replaceAll(LINK, "").replaceAll("\u001b\\[[0-9;]*m", ""))
                        .allMatch(l -> Wrap.len(l) <= width)
                && visible.codePoints().noneMatch(RenderingProperties::control);
    }

    @Property
    boolean wrappingKeepsEveryWordInOrder(
            @ForAll("text") String text, @ForAll @IntRange(min = 20, max = 100) int width) {
        String joined = String.join(
                "",
                Wrap.lines(text, width, "", "").stream()
                        .map(l -> l.replace(" ", ""))
                        .toList());
        return joined.equals(String.join("", Wrap.words(text)));
    }

    @Property
    boolean renderedTextNeverContainsControlCharacters(
            @ForAll("text") String a,
            @ForAll("text") String b,
            @ForAll("text") String c,
            @ForAll @IntRange(min = 20, max = 120) int width) {
        Document doc = document(a, b, c);
        String plain = render(new TextRenderer(width, new Style(false)), doc);
        String coloured = render(new TextRenderer(width, new Style(true)), doc)
                .replaceAll("\u001b\\[[0-9;]*m", ""); // our own colour codes, and nothing else
        return plain.codePoints().noneMatch(RenderingProperties::control)
                && coloured.codePoints().noneMatch(RenderingProperties::control)
                && plain.lines().allMatch(l -> fits(l, width));
    }

    @Property
    boolean markdownNeverContainsControlCharacters(
            @ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c) {
        return render(new MarkdownRenderer(), document(a, b, c)).codePoints().noneMatch(RenderingProperties::control);
    }

    /**
     * HTML escaping is complete: whatever the text, the page has exactly the markup of the same
     * page made from harmless text, and every '&' starts an entity.
     */
    @Property(tries = 300)
    boolean htmlEscapingIsComplete(@ForAll("text") String a, @ForAll("text") String b, @ForAll("text") String c) {
        HtmlRenderer html = new HtmlRenderer(Optional.empty());
        String page = render(html, document(a, b, c));
        String harmless = render(html, document(plain(a), plain(b), plain(c)));
        return count(page, '<') == count(harmless, '<')
                && count(page, '>') == count(harmless, '>')
                && count(page, '"') == count(harmless, '"')
                && page.replaceAll("&(lt|gt|amp|quot|#39|#x60|#x3D|#61|#96);", "")
                                .indexOf('&')
                        < 0
                && page.codePoints().noneMatch(RenderingProperties::control);
    }

    /** Every printable ASCII character (all that HTML escaping is about) and a few others. */
    @Provide
    Arbitrary<String> ascii() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("\t\né語").ofMaxLength(80);
    }

    /**
     * Our one-pass HTML escaper gives exactly what JMustache's own HTML escaper gives, after
     * making the text safe: it is also the one place HTML output loses control characters.
     */
    @Property(tries = 500)
    boolean htmlEscaperMatchesJMustache(@ForAll("ascii") String text) {
        String escaped = HtmlRenderer.escape(text);
        return escaped.equals(Escapers.HTML.escape(Terminal.safe(text)))
                && escaped.chars().noneMatch(c -> c < 0x20 && c != '\n');
    }

    /** Harmless text that is empty where the original is, so the page has the same parts. */
    static String plain(String s) {
        return s.isEmpty() ? "" : "x";
    }

    static long count(String s, char c) {
        return s.chars().filter(x -> x == c).count();
    }
}
