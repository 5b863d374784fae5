package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Section;
import org.medcounsel.doc.Document.Table;
import org.medcounsel.doc.Document.Term;

/** CommonMark. Every piece of sheet text is escaped, so it reads as text and never as markup. */
public final class MarkdownRenderer implements Renderer {
    /** Line starts that would make a list, a heading, a quote or a rule. */
    private static final Pattern LINE_START = Pattern.compile("^(\\d+)([.)])|^([-+=>:])");

    @Override
    public void render(List<Document> documents, PrintWriter out) {
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.println();
                out.println("* * *");
                out.println();
            }
            render(documents.get(i), out);
        }
        out.flush();
    }

    @Override
    public void index(String title, List<String> banner, IndexWords words, List<Entry> entries, PrintWriter out) {
        if (!banner.isEmpty()) {
            out.println(String.join(
                    "  \n", banner.stream().map(MarkdownRenderer::escape).toList()));
            out.println();
        }
        out.println("# " + escape(title));
        out.println();
        out.println("| " + escape(words.leaflet()) + " | " + escape(words.uses()) + " | " + escape(words.reviewed())
                + " | " + escape(words.made()) + " |");
        out.println("|---|---|---|---|");
        entries.forEach(e -> out.println("| [" + cell(e.title()) + "](<"
                + Terminal.safe(e.file()).replaceAll("[<>\\s]", "") + ">) | " + cell(e.uses()) + " | "
                + cell(e.reviewed()) + " | " + cell(e.made()) + " |"));
        out.flush();
    }

    /** Text for a table cell: escaped, and a '|' cannot end the cell. */
    private static String cell(String text) {
        return escape(text).replace("|", "\\|");
    }

    private void render(Document doc, PrintWriter out) {
        if (!doc.banner().isEmpty()) {
            out.println(String.join(
                    "  \n", doc.banner().stream().map(MarkdownRenderer::escape).toList()));
            out.println();
        }
        out.println("# " + escape(doc.title()));
        out.println();
        out.println("*" + escape(doc.subtitle()) + "*");
        if (!doc.language().warnings().isEmpty()) {
            out.println();
            out.println(String.join(
                    "\n>\n",
                    doc.language().warnings().stream()
                            .map(w -> "> **" + escape(w) + "**")
                            .toList()));
        }
        for (Section section : doc.sections()) {
            out.println();
            out.println("## " + escape(section.heading()));
            for (Block block : section.blocks()) {
                out.println();
                block(block, out, mark(doc.language().punctuation().colon()));
            }
        }
        if (!doc.sources().isEmpty()) {
            // A document without sources (the counter card) points to the full sheet instead.
            out.println();
            out.println("## " + escape(doc.footer().sourcesHeading()));
            out.println();
            for (Document.Reference ref : doc.sources()) {
                out.println("- " + escape(ref.title()) + " <"
                        + Terminal.safe(ref.url()).replaceAll("[<>\\s]", "") + ">");
            }
        }
        out.println();
        out.println(escape(doc.footer().reviewedLabel()) + " " + doc.reviewed()
                + mark(doc.language().punctuation().fullStop()));
        if (!doc.footer().approval().isEmpty()) {
            out.println();
            out.println(escape(doc.footer().approval()));
        }
        for (String credit : doc.language().credits()) {
            out.println();
            out.println(escape(credit));
        }
        out.println();
        out.println("*" + escape(doc.disclaimer()) + "*");
    }

    private static void block(Block block, PrintWriter out, String colon) {
        block.accept(new Document.Visitor<Void>() {
            public Void paragraph(Paragraph p) {
                out.println(escape(p.text()));
                return null;
            }

            public Void bullets(Bullets b) {
                if (!b.lead().isEmpty()) {
                    out.println("**" + escape(b.lead()) + "**");
                    out.println();
                }
                b.items().forEach(item -> out.println("- " + escape(item)));
                return null;
            }

            public Void term(Term t) {
                out.println("**" + escape(t.term()) + colon + "** " + escape(t.text()));
                return null;
            }

            public Void callout(Callout c) {
                out.println("> **" + escape(c.label().toUpperCase(Locale.ROOT)) + colon + "**");
                out.println(">");
                c.lines().forEach(line -> out.println("> - " + escape(line)));
                return null;
            }

            public Void table(Table t) {
                // A pipe table (GitHub Flavored Markdown). escape() escapes '|', so sheet text
                // never splits a cell, and no HTML (not even <br>) is written.
                out.println(tableLine(escape(t.corner()), t.columns().stream().map(MarkdownRenderer::escape)));
                out.println("|---".repeat(t.columns().size() + 1) + "|");
                for (Document.Row row : t.rows()) {
                    out.println(tableLine(
                            "**" + escape(row.label()) + "**",
                            row.cells().stream().map(MarkdownRenderer::cell)));
                }
                return null;
            }
        });
    }

    private static String tableLine(String first, Stream<String> rest) {
        return "| " + first + " | " + String.join(" | ", rest.toList()) + " |";
    }

    /** One cell on one line: a single piece as it is, several each led by a bullet sign. */
    private static String cell(List<String> pieces) {
        return pieces.size() == 1
                ? escape(pieces.get(0))
                : String.join(
                        " ", pieces.stream().map(p -> "\u2022 " + escape(p)).toList());
    }

    /** Characters that can start or end inline markup anywhere in a line. */
    private static final String INLINE_CHARS = "\\`*_[]<>#!|~&{}";

    /** Escapes text for CommonMark: inline markup everywhere, block markup at the line start. */
    /**
     * A punctuation mark from the words file, put straight after other text: escaped as any
     * text is, except that a colon or full stop there cannot start anything in Markdown.
     */
    static String mark(String text) {
        return escape(text).replace("\\:", ":").replace("\\.", ".");
    }

    public static String escape(String text) {
        String clean = String.join(" ", Wrap.words(text));
        StringBuilder b = new StringBuilder(clean.length() + 16);
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (INLINE_CHARS.indexOf(c) >= 0) b.append('\\');
            b.append(c);
        }
        String t = b.toString();
        var m = LINE_START.matcher(t);
        if (m.find()) {
            t = m.group(1) != null ? m.group(1) + "\\" + m.group(2) + t.substring(m.end()) : "\\" + t;
        }
        return t;
    }
}
