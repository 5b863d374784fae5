package org.medcounsel.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.text.TextContentRenderer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.medcounsel.BundledData;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * Every counselling command in every format: golden files for one drug, structural checks for
 * every bundled drug, the Nu HTML Checker on every HTML page, and hostile sheet text.
 */
@Tag("slow") // left out of the quick loop: mvn test -DexcludedGroups=slow
class FormatsTest {
    static final List<String> COMMANDS = List.of("info", "risks", "stop", "screen");
    static final List<String> DRUGS = List.copyOf(BundledData.drugIds());
    static final Path GOLDEN = Path.of("src/test/resources/golden");

    static Cli site() {
        Cli cli = new Cli();
        cli.write("site/facts.yaml", TestSheets.FACTS);
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", "test-blocker"));
        cli.write("site/classes/test-blocker.yaml", TestSheets.drugClass("test-blocker"));
        return cli;
    }

    /**
     * The test drug, each command and format, against a file a person has read. To accept a
     * deliberate change: {@code mvn test -Dgolden.update=true}, then review the diff.
     */
    @ParameterizedTest
    @CsvSource({
        "info,text,txt",
        "info,markdown,md",
        "info,html,html",
        "info,json,json",
        "risks,text,txt",
        "risks,markdown,md",
        "risks,html,html",
        "risks,json,json",
        "stop,text,txt",
        "stop,markdown,md",
        "stop,html,html",
        "stop,json,json",
        "screen,text,txt",
        "screen,markdown,md",
        "screen,html,html",
        "screen,json,json"
    })
    void goldenFilesForOneDrug(String command, String format, String ext) throws Exception {
        List<String> args = new ArrayList<>(List.of(command, "testamab", "--data", "site", "--format", format));
        if (command.equals("screen")) {
            args.addAll(List.of("-f", "smoker=yes", "-f", "pregnant=no"));
        }
        Result r = site().run(args.toArray(String[]::new));
        String golden = "testamab." + command + "." + ext;
        Path file = GOLDEN.resolve(golden);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, r.out(), StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), r.out(), golden);
    }

    @ParameterizedTest
    @CsvSource({"html,html", "markdown,md", "text,txt"})
    void goldenLeafletForOneDrug(String format, String ext) throws Exception {
        Cli cli = site();
        cli.write("site.yaml", "name: Test Pharmacy\naddress: 1 Test Road\nphone: 0100 000000\n");
        Result r = cli.run(
                "leaflet",
                "testamab",
                "--data",
                "site",
                "--out",
                "out",
                "--format",
                format,
                "--site",
                "site.yaml",
                "-q");
        assertEquals(0, r.code(), r::toString);
        String leaflet = Files.readString(cli.fs.getPath("out/testamab." + ext));
        Path file = GOLDEN.resolve("testamab.leaflet." + ext);
        if (Boolean.getBoolean("golden.update")) {
            Files.writeString(file, leaflet, StandardCharsets.UTF_8);
        }
        assertEquals(Files.readString(file, StandardCharsets.UTF_8), leaflet);
    }

    @Test
    void everyBundledDrugInEveryFormatIsWellFormed() throws Exception {
        ObjectMapper json = new ObjectMapper();
        Parser markdown = Parser.builder().build();
        for (String drug : DRUGS) {
            for (String command : COMMANDS) {
                Cli cli = new Cli();
                String text = cli.run(command, drug).out();
                String md = cli.run(command, drug, "--format", "markdown").out();
                String html = cli.run(command, drug, "--format", "html").out();
                String js = cli.run(command, drug, "--format", "json").out();
                String where = command + " " + drug;
                List<String> headings = headings(text);
                assertFalse(headings.isEmpty(), where);
                // Markdown: the same section headings, as level-2 CommonMark headings, plus Sources.
                List<String> mdHeadings = new ArrayList<>();
                markdown.parse(md).accept(new AbstractVisitor() {
                    @Override
                    public void visit(Heading h) {
                        if (h.getLevel() == 2)
                            mdHeadings.add(TextContentRenderer.builder()
                                    .build()
                                    .render(h)
                                    .strip());
                    }
                });
                List<String> expected = new ArrayList<>(headings);
                expected.add("Sources");
                assertEquals(expected, mdHeadings, where);
                // HTML: h1 then h2s in order, and the same sections.
                Matcher h = Pattern.compile("<h([1-6])>([^<]*)</h\\1>").matcher(html);
                List<String> htmlHeadings = new ArrayList<>();
                int previous = 0;
                while (h.find()) {
                    int level = Integer.parseInt(h.group(1));
                    assertTrue(level <= previous + 1, where + ": heading levels in order");
                    previous = level;
                    if (level == 2) htmlHeadings.add(h.group(2).replace("&#39;", "'"));
                }
                assertEquals(expected, htmlHeadings, where);
                if (!command.equals("screen")) {
                    JsonNode tree = json.readTree(js);
                    assertEquals(drug, tree.get("drug").asText(), where);
                    assertEquals(command, tree.get("section").asText(), where);
                    List<String> jsonHeadings = new ArrayList<>();
                    tree.get("sections")
                            .forEach(s -> jsonHeadings.add(s.get("heading").asText()));
                    assertEquals(headings, jsonHeadings, where);
                    assertTrue(tree.get("sources").size() > 0, where);
                    assertTrue(tree.get("reviewed").asText().matches("\\d{4}-\\d{2}-\\d{2}"), where);
                }
            }
        }
    }

    /** Section headings of text output: unindented lines between the title rule and the footer. */
    static List<String> headings(String text) {
        List<String> lines = text.lines().toList();
        List<String> headings = new ArrayList<>();
        for (int i = 3; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("Checked against the product labels on ")) break;
            if (!line.isEmpty() && !line.startsWith(" ") && lines.get(i - 1).isEmpty()) headings.add(line);
        }
        return headings;
    }

    @Test
    void everyHtmlPageIsValidUnderTheNuHtmlChecker() throws Exception {
        // One page per command holding every bundled drug: the same text, checked in 4 runs
        // of the checker rather than one per drug; a page for one drug is checked as well.
        for (String command : COMMANDS) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(DRUGS);
            args.addAll(List.of("--format", "html"));
            String html = new Cli().run(args.toArray(String[]::new)).out();
            assertTrue(html.contains("</html>"), command);
            assertEquals(List.of(), Html.problems(html), command + " " + DRUGS);
        }
        String one = new Cli().run("risks", "mirdametinib", "--format", "html").out();
        assertEquals(List.of(), Html.problems(one), "one drug");
    }

    @Test
    void htmlIsSelfContainedPrintableAndSaysSeverityInWords() {
        String html = new Cli().run("risks", "baricitinib", "--format", "html").out();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertFalse(html.contains("<script"), "no scripts");
        assertFalse(html.matches("(?s).*(src|href)=\"(?!https://)[^\"]*\".*"), "no local or relative resources");
        assertFalse(html.contains("<link"), "no external stylesheets");
        assertFalse(html.contains("@import"), "no CSS imports");
        assertTrue(html.contains("font: 12pt/1.5") && html.contains("font-size: 11pt"), "body at least 10 pt");
        assertTrue(html.contains("break-after: avoid"), "headings kept with what follows");
        assertTrue(html.contains("<p class=\"label\">Get help at once:</p>"), "severity in words");
    }

    static final String HOSTILE = "<script>alert('x')</script> & \"quoted\" *bold* [link](http://evil) # h1 \u001b[31m";

    static Cli hostile() {
        Cli cli = site();
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testix", "test-blocker")
                        .replace(
                                "summary: testamab is a test medicine. It calms the test.",
                                "summary: \""
                                        + HOSTILE.replace("\\", "\\\\")
                                                .replace("\"", "\\\"")
                                                .replace("\u001b", "\\e") + "\""));
        return cli;
    }

    @Test
    void hostileTextIsEscapedInHtml() throws Exception {
        String html = hostile()
                .run("info", "testamab", "--data", "site", "--format", "html")
                .out();
        assertFalse(html.contains("<script>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;"), html);
        assertFalse(html.contains("\u001b"), "no escape characters");
        assertEquals(List.of(), Html.problems(html));
    }

    @Test
    void hostileTextIsEscapedInMarkdown() {
        String md = hostile()
                .run("info", "testamab", "--data", "site", "--format", "markdown")
                .out();
        Node doc = Parser.builder().build().parse(md);
        List<Node> raw = new ArrayList<>();
        doc.accept(new AbstractVisitor() {
            @Override
            public void visit(HtmlInline n) {
                raw.add(n);
            }

            @Override
            public void visit(HtmlBlock n) {
                raw.add(n);
            }

            @Override
            public void visit(Link n) {
                raw.add(n);
            }

            @Override
            public void visit(StrongEmphasis n) {
                raw.add(n);
            }
        });
        // No HTML at all, and the only links are the sources' own addresses.
        assertTrue(raw.stream().noneMatch(n -> n instanceof HtmlInline || n instanceof HtmlBlock), md);
        assertTrue(
                raw.stream()
                        .filter(n -> n instanceof Link)
                        .allMatch(n -> ((Link) n).getDestination().startsWith("https://example.org/")),
                md);
        String rendered = TextContentRenderer.builder().build().render(doc);
        assertTrue(
                rendered.contains("<script>alert('x')</script> & \"quoted\" *bold* [link](http://evil) # h1"),
                rendered);
    }

    @Test
    void jsonEscapesControlCharacters() throws Exception {
        String out = hostile()
                .run("info", "testamab", "--data", "site", "--format", "json")
                .out();
        assertFalse(out.contains("\u001b"));
        JsonNode tree = new ObjectMapper().readTree(out);
        assertTrue(tree.get("sections")
                .get(0)
                .get("blocks")
                .get(0)
                .get("text")
                .asText()
                .contains("<script>"));
    }

    @Test
    void aSiteCanReplaceTheTemplates() {
        Cli cli = new Cli();
        cli.write("tpl/document.mustache", "<html>{{#documents}}<h1>{{title}}</h1>{{/documents}}</html>\n");
        assertEquals(
                "<html><h1>Baricitinib (Olumiant)</h1></html>\n",
                cli.run("info", "baricitinib", "--format", "html", "--templates", "tpl")
                        .out());
        cli.write("bad/document.mustache", "{{#documents}}\n");
        Result broken = cli.run("info", "baricitinib", "--format", "html", "--templates", "bad");
        assertEquals(1, broken.code());
        assertTrue(broken.err().startsWith("medcounsel: template document.mustache: "), broken.err());
        assertEquals(
                2,
                cli.run("info", "baricitinib", "--format", "html", "--templates", "nowhere")
                        .code());
    }
}
