package org.medcounsel.render;

import com.samskivert.mustache.Mustache;
import com.samskivert.mustache.MustacheException;
import com.samskivert.mustache.Template;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Table;
import org.medcounsel.doc.Document.Term;

/**
 * A complete, self-contained HTML page (inline CSS, no scripts, nothing fetched) from Mustache
 * templates. Mustache escapes every value, so sheet text can never become markup. A site can
 * replace {@code document.mustache}, {@code index.mustache} or {@code style.css.mustache} by
 * putting its own in a templates folder.
 */
public final class HtmlRenderer implements Renderer {
    private final Optional<Path> templates;
    private final Print print;
    private final Mustache.Compiler compiler;
    /** Compiled once per run: a batch renders thousands of pages from the same templates. */
    private final Map<String, Template> compiled = new ConcurrentHashMap<>();

    /** {@code templates}: a folder whose templates replace the built-in ones of the same name. */
    public HtmlRenderer(Optional<Path> templates) {
        this(templates, Print.SCREEN);
    }

    /** As above, printed as {@code print} says. */
    public HtmlRenderer(Optional<Path> templates, Print print) {
        this.templates = templates;
        this.print = print;
        this.compiler = Mustache.compiler().withEscaper(HtmlRenderer::escape).withLoader(this::partial);
    }

    /**
     * Escapes text for HTML as JMustache's own HTML escaper does (the same seven characters, the
     * same entities), in one pass instead of one pass per character: in a batch of leaflets, its
     * escaper was a measurable share of the time.
     */
    static String escape(String raw) {
        // The one place HTML output is made safe: every value a template shows passes here, so a
        // control or invisible character from a sheet, a file name or a site never reaches the page.
        String text = Terminal.safe(raw);
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String entity =
                    switch (c) {
                        case '&' -> "&amp;";
                        case '\'' -> "&#39;";
                        case '"' -> "&quot;";
                        case '<' -> "&lt;";
                        case '>' -> "&gt;";
                        case '`' -> "&#x60;";
                        case '=' -> "&#x3D;";
                        default -> null;
                    };
            if (entity != null && out == null) {
                out = new StringBuilder(text.length() + 16).append(text, 0, i);
            }
            if (out != null) {
                if (entity != null) out.append(entity);
                else out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    @Override
    public void render(List<Document> documents, PrintWriter out) {
        Map<String, Object> context = page(
                documents.size() == 1
                        ? documents.get(0).title() + " - " + documents.get(0).subtitle()
                        : "medcounsel",
                documents.size() == 1 ? documents.get(0).title() : "");
        context.put("documents", documents.stream().map(HtmlRenderer::context).toList());
        context.put(
                "pageLang",
                documents.isEmpty() ? "en" : documents.get(0).language().tag());
        execute("document.mustache", context, out);
    }

    /** An index page linking leaflets. */
    @Override
    public void index(String title, List<String> banner, IndexWords words, List<Entry> entries, PrintWriter out) {
        Map<String, Object> context = page(title, "");
        context.put("banner", banner);
        context.put("hasBanner", !banner.isEmpty());
        context.put("leafletHeading", words.leaflet());
        context.put("usesHeading", words.uses());
        context.put("reviewedHeading", words.reviewed());
        context.put("madeHeading", words.made());
        context.put(
                "leaflets",
                entries.stream()
                        .map(e -> Map.of(
                                "file",
                                e.file(),
                                "title",
                                e.title(),
                                "uses",
                                e.uses(),
                                "reviewed",
                                e.reviewed(),
                                "made",
                                e.made()))
                        .toList());
        execute("index.mustache", context, out);
    }

    /**
     * How a page is to be printed: the paper, large print (body text 16 pt), a logo (a data: URI,
     * or ""), and the words of the page number with {page} and {pages} in it ("" for none).
     */
    public record Print(String paper, boolean largePrint, String logo, String pageOf) {
        /** A4, normal print, no logo, no page numbers: pages that are read on a screen. */
        public static final Print SCREEN = new Print("A4", false, "", "");
    }

    /** The values every page has: its title, and how it is printed (running title, page numbers, paper). */
    private Map<String, Object> page(String pageTitle, String runningTitle) {
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("pageTitle", pageTitle);
        context.put("paper", print.paper());
        context.put("largePrint", print.largePrint());
        context.put("logo", print.logo());
        context.put("hasLogo", !print.logo().isEmpty());
        context.put("cssTitle", css(runningTitle));
        context.put("hasRunningTitle", !runningTitle.isEmpty());
        context.put("cssPageOf", pageOf(print.pageOf()));
        context.put("hasPageNumbers", !print.pageOf().isEmpty());
        return context;
    }

    /**
     * Text as the body of a CSS string: every character but a letter, digit or space as a CSS
     * escape, so nothing in it can end the string, the rule or the style element.
     */
    static String css(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> {
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ') {
                out.appendCodePoint(c);
            } else {
                out.append('\\').append(Integer.toHexString(c)).append(' ');
            }
        });
        return out.toString();
    }

    /** "Page {page} of {pages}" as a CSS content value: "Page " counter(page) " of " counter(pages). */
    static String pageOf(String words) {
        if (words.isEmpty()) return "";
        StringBuilder content = new StringBuilder();
        Matcher m = Pattern.compile("\\{(page|pages)}").matcher(words);
        int at = 0;
        while (m.find()) {
            if (m.start() > at)
                content.append('"').append(css(words.substring(at, m.start()))).append("\" ");
            content.append("counter(").append(m.group(1)).append(") ");
            at = m.end();
        }
        if (at < words.length())
            content.append('"').append(css(words.substring(at))).append('"');
        return content.toString().strip();
    }

    private void execute(String name, Map<String, Object> context, PrintWriter out) {
        // Rendered whole first: a template that fails half-way leaves nothing on the output.
        StringWriter page = new StringWriter();
        try {
            compiled.computeIfAbsent(name, this::compile).execute(context, page);
        } catch (MustacheException | StackOverflowError e) {
            throw new TemplateException(
                    name + ": " + (e instanceof StackOverflowError ? "it includes itself" : e.getMessage()));
        }
        out.write(page.toString());
        out.flush();
    }

    private Template compile(String name) {
        try (Reader reader = partial(name)) {
            return compiler.compile(reader);
        } catch (MustacheException e) {
            throw new TemplateException(name + ": " + e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template or partial: from the site's folder if it has one by that name, else built in. */
    private Reader partial(String name) throws IOException {
        String file = name.endsWith(".mustache") ? name : name + ".mustache";
        if (file.contains("/") || file.contains("\\")) {
            throw new TemplateException("template names are plain file names, not '" + file + "'");
        }
        if (templates.isPresent()) {
            Path own = templates.get().resolve(file);
            if (Files.isRegularFile(own)) {
                // A link must not reach outside the site's templates folder.
                if (!own.toRealPath().startsWith(templates.get().toRealPath())) {
                    throw new TemplateException(file + ": it links outside the templates folder " + templates.get());
                }
                String text = Files.readString(own, StandardCharsets.UTF_8);
                // Every value is escaped: a site template may not ask for raw, unescaped output.
                if (text.contains("{{{") || text.contains("{{&")) {
                    throw new TemplateException(file + ": {{{ }}} and {{& }} write raw HTML; use {{ }}, which escapes");
                }
                return new StringReader(text);
            }
        }
        try (InputStream in = HtmlRenderer.class.getResourceAsStream("/medcounsel/templates/" + file)) {
            if (in == null) {
                throw new TemplateException("no template '" + file + "'");
            }
            return new StringReader(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** A template that cannot be read or run: a data error (exit 1), named by file. */
    public static final class TemplateException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public TemplateException(String message) {
            super("template " + message);
        }
    }

    private static Map<String, Object> context(Document doc) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("drug", doc.drug());
        m.put("section", doc.section());
        m.put("banner", doc.banner());
        m.put("hasBanner", !doc.banner().isEmpty());
        m.put("title", doc.title());
        m.put("subtitle", doc.subtitle());
        List<Object> sections = new ArrayList<>();
        for (Document.Section s : doc.sections()) {
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("heading", s.heading());
            section.put("blocks", s.blocks().stream().map(HtmlRenderer::block).toList());
            sections.add(section);
        }
        m.put("sections", sections);
        m.put(
                "sources",
                doc.sources().stream()
                        .map(r -> Map.of("title", r.title(), "url", r.url()))
                        .toList());
        m.put("reviewed", doc.reviewed().toString());
        m.put("disclaimer", doc.disclaimer());
        m.put("reviewedLabel", doc.footer().reviewedLabel());
        m.put("sourcesHeading", doc.footer().sourcesHeading());
        m.put("hasSources", !doc.sources().isEmpty());
        m.put("approval", doc.footer().approval());
        m.put("hasApproval", !doc.footer().approval().isEmpty());
        Document.Language language = doc.language();
        m.put("lang", language.tag());
        m.put("colon", language.punctuation().colon());
        m.put("fullStop", language.punctuation().fullStop());
        List<Map<String, String>> warnings = new ArrayList<>();
        for (int i = 0; i < language.warnings().size(); i++) {
            // The first is in the document's language, the rest in English.
            warnings.add(Map.of("text", language.warnings().get(i), "lang", i == 0 ? language.tag() : "en"));
        }
        m.put("warnings", warnings);
        m.put("hasWarnings", !warnings.isEmpty());
        m.put("credits", language.credits());
        return m;
    }

    private static Map<String, Object> block(Block block) {
        return block.accept(new Document.Visitor<Map<String, Object>>() {
            public Map<String, Object> paragraph(Paragraph p) {
                return Map.of("paragraph", Map.of("text", p.text()));
            }

            public Map<String, Object> bullets(Bullets b) {
                return Map.of(
                        "bullets", Map.of("lead", b.lead(), "hasLead", !b.lead().isEmpty(), "items", b.items()));
            }

            public Map<String, Object> term(Term t) {
                return Map.of("term", Map.of("term", t.term(), "text", t.text()));
            }

            public Map<String, Object> callout(Callout c) {
                return Map.of(
                        "callout",
                        Map.of(
                                "severity",
                                c.severity().name().toLowerCase(Locale.ROOT),
                                "label",
                                c.label(),
                                "lines",
                                c.lines()));
            }

            public Map<String, Object> table(Table t) {
                return Map.of(
                        "table",
                        Map.of(
                                "corner",
                                t.corner(),
                                "columns",
                                t.columns(),
                                "rows",
                                t.rows().stream()
                                        .map(r -> Map.of(
                                                "label",
                                                r.label(),
                                                "cells",
                                                r.cells().stream()
                                                        .map(c -> Map.of("items", c, "many", c.size() > 1))
                                                        .toList()))
                                        .toList()));
            }
        });
    }
}
