package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.medcounsel.doc.Document;
import org.medcounsel.doc.Document.Block;
import org.medcounsel.doc.Document.Bullets;
import org.medcounsel.doc.Document.Callout;
import org.medcounsel.doc.Document.Paragraph;
import org.medcounsel.doc.Document.Section;
import org.medcounsel.doc.Document.Table;
import org.medcounsel.doc.Document.Term;

/**
 * Plain text for a terminal or a text file, wrapped to a width, optionally coloured. Sources are
 * given in full (title and address), or on a terminal one short line each, the title a link.
 */
public final class TextRenderer implements Renderer {
    /** A short source's title gets at least this many columns, or the host is left out for it. */
    static final int SHORT_TITLE_MIN = 12;

    private final int width;
    private final Style style;
    private final boolean shortSources;

    /** Sources in full: for files, pipes and printing. */
    public TextRenderer(int width, Style style) {
        this(width, style, false);
    }

    /** With {@code shortSources}, one line a source: its title cut to fit, a link, and its host. */
    public TextRenderer(int width, Style style, boolean shortSources) {
        this.width = width;
        this.style = style;
        this.shortSources = shortSources;
    }

    /** Writes the documents one after another, a rule line between them. */
    @Override
    public void render(List<Document> documents, PrintWriter out) {
        for (int i = 0; i < documents.size(); i++) {
            if (i > 0) {
                out.println();
                out.println("=".repeat(Math.min(width, 80)));
                out.println();
            }
            render(documents.get(i), out);
        }
        out.flush();
    }

    @Override
    public void index(String title, List<String> banner, IndexWords words, List<Entry> entries, PrintWriter out) {
        banner.forEach(line -> print(out, line, "", "", false));
        if (!banner.isEmpty()) out.println();
        out.println(style.bold(Wrap.joined(title)));
        out.println("=".repeat(Math.min(width, Wrap.len(title))));
        for (Entry e : entries) {
            out.println();
            print(out, e.title() + " (" + e.file() + ")", "", "", true);
            if (!e.uses().isEmpty()) print(out, words.uses() + ": " + e.uses(), "  ", "    ", false);
            if (!e.reviewed().isEmpty()) print(out, words.reviewed() + ": " + e.reviewed(), "  ", "    ", false);
            if (!e.made().isEmpty()) print(out, words.made() + ": " + e.made(), "  ", "    ", false);
        }
        out.flush();
    }

    void render(Document doc, PrintWriter out) {
        for (String line : doc.banner()) {
            print(out, line, "", "", false);
        }
        if (!doc.banner().isEmpty()) {
            out.println();
        }
        String title = doc.title() + " - " + doc.subtitle();
        for (String line : Wrap.lines(title, width, "", "")) {
            out.println(style.bold(line));
        }
        out.println("=".repeat(Math.min(width, Wrap.len(title))));
        for (String warning : doc.language().warnings()) {
            out.println();
            print(out, "! " + warning, "", "  ", true);
        }
        for (Section section : doc.sections()) {
            out.println();
            print(out, section.heading(), "", "", true);
            for (Block block : section.blocks()) {
                block(block, out, doc.language().punctuation());
            }
        }
        out.println();
        List<String> footer = new ArrayList<>();
        Document.Punctuation marks = doc.language().punctuation();
        footer.add(doc.footer().reviewedLabel() + " " + doc.reviewed() + marks.fullStop());
        if (!doc.footer().approval().isEmpty()) footer.add(doc.footer().approval());
        footer.addAll(doc.language().credits());
        boolean cut = shortSources && !doc.sources().isEmpty();
        String inFull = doc.footer().sourcesInFull();
        if (!doc.sources().isEmpty()) {
            footer.add(doc.footer().sourcesHeading()
                    + (cut && !inFull.isEmpty() ? " (" + inFull + ")" + marks.colon() : marks.colon()));
        }
        for (String line : footer) {
            Wrap.lines(line, width, "", "").forEach(l -> out.println(style.dim(l)));
        }
        for (Document.Reference ref : doc.sources()) {
            if (cut) {
                out.println(shortSource(ref));
            } else {
                print(out, ref.title() + " <" + ref.url() + ">", "  - ", "    ", false);
            }
        }
        print(out, doc.disclaimer(), "", "", false);
    }

    /**
     * "  - Title cut to fit… (ema.europa.eu)" in at most the width: the title a link to the
     * source where escapes are allowed, the host in plain text for terminals that show no links.
     */
    private String shortSource(Document.Reference ref) {
        String bullet = "  - ";
        String host = Terminal.host(ref.url());
        String tail = host.isEmpty() ? "" : " (" + host + ")";
        int room = width - Wrap.len(bullet) - Wrap.len(tail);
        if (room < SHORT_TITLE_MIN) {
            tail = "";
            room = width - Wrap.len(bullet);
        }
        String title = Wrap.cut(ref.title(), room);
        return bullet + style.link(ref.url(), title) + (tail.isEmpty() ? "" : style.dim(tail));
    }

    private void block(Block block, PrintWriter out, Document.Punctuation marks) {
        block.accept(new Document.Visitor<Void>() {
            public Void paragraph(Paragraph p) {
                print(out, p.text(), "  ", "  ", false);
                return null;
            }

            public Void bullets(Bullets b) {
                if (!b.lead().isEmpty()) {
                    print(out, b.lead(), "  ", "  ", true);
                }
                for (String item : b.items()) {
                    print(out, item, "  - ", "    ", false);
                }
                return null;
            }

            public Void term(Term t) {
                labelled(out, t.term() + marks.colon(), t.text(), style::bold);
                return null;
            }

            public Void callout(Callout c) {
                String label = c.label().toUpperCase(Locale.ROOT) + marks.colon();
                UnaryOperator<String> colour = l -> style.severity(c.severity(), l);
                if (c.lines().size() == 1) {
                    labelled(out, label, c.lines().get(0), colour);
                } else {
                    labelled(out, label, "", colour);
                    for (String line : c.lines()) {
                        print(out, line, "  ! ", "    ", false);
                    }
                }
                return null;
            }

            public Void table(Table t) {
                TextRenderer.this.table(t, out);
                return null;
            }
        });
    }

    /** Narrower than this, side-by-side columns read badly: the table is stacked instead. */
    static final int MIN_COLUMN = 22;

    private static final String GAP = " | ";

    /**
     * A table at the output width: one column per thing compared, each topic a heading across
     * them, cells wrapped within their column. When the columns would be narrower than
     * {@link #MIN_COLUMN}, each topic lists the columns one under another instead. Nothing is cut.
     */
    private void table(Table t, PrintWriter out) {
        int n = t.columns().size();
        int column = (width - 2 - GAP.length() * (n - 1)) / Math.max(1, n);
        if (column < MIN_COLUMN) {
            stacked(t, out);
            return;
        }
        List<List<String>> header =
                t.columns().stream().map(c -> Wrap.lines(c, column, "", "")).toList();
        row(out, header, column, true);
        out.println(rule('=', column, n));
        for (int r = 0; r < t.rows().size(); r++) {
            Document.Row row = t.rows().get(r);
            if (r > 0) out.println(rule('-', column, n));
            print(out, row.label(), "  ", "  ", true);
            row(out, row.cells().stream().map(c -> cell(c, column)).toList(), column, false);
        }
    }

    /** The lines of one cell: one piece as it is, several as a list. */
    private static List<String> cell(List<String> pieces, int column) {
        if (pieces.size() == 1) {
            return Wrap.lines(pieces.get(0), column, "", "");
        }
        List<String> lines = new ArrayList<>();
        pieces.forEach(p -> lines.addAll(Wrap.lines(p, column, "- ", "  ")));
        return lines;
    }

    /** Cells side by side, each padded to the column's width; no space at a line's end. */
    private void row(PrintWriter out, List<List<String>> cells, int column, boolean bold) {
        int height = cells.stream().mapToInt(List::size).max().orElse(0);
        for (int i = 0; i < height; i++) {
            StringBuilder line = new StringBuilder("  ");
            for (int c = 0; c < cells.size(); c++) {
                String text = i < cells.get(c).size() ? cells.get(c).get(i) : "";
                if (c > 0) line.append(GAP);
                line.append(bold && !text.isEmpty() ? style.bold(text) : text);
                if (c < cells.size() - 1) line.append(" ".repeat(Math.max(0, column - Wrap.len(text))));
            }
            out.println(line.toString().stripTrailing());
        }
    }

    private static String rule(char c, int column, int n) {
        String part = String.valueOf(c).repeat(column);
        return "  " + String.join(c + "+" + c, Collections.nCopies(n, part));
    }

    /** The narrow form: each topic, then each column's name and its pieces under it. */
    private void stacked(Table t, PrintWriter out) {
        for (int r = 0; r < t.rows().size(); r++) {
            Document.Row row = t.rows().get(r);
            if (r > 0) out.println();
            print(out, row.label(), "  ", "  ", true);
            for (int c = 0; c < t.columns().size(); c++) {
                print(out, t.columns().get(c) + ":", "    ", "    ", true);
                List<String> pieces = row.cells().get(c);
                for (String piece : pieces) {
                    print(out, piece, pieces.size() == 1 ? "      " : "      - ", "        ", false);
                }
            }
        }
    }

    /** "LABEL: text", wrapped with a hanging indent, the label styled where it stands whole. */
    private void labelled(PrintWriter out, String label, String text, UnaryOperator<String> styled) {
        List<String> lines = Wrap.lines(text.isEmpty() ? label : label + " " + text, width, "  ", "    ");
        String first = lines.get(0);
        String plain = "  " + label;
        out.println(first.startsWith(plain) ? "  " + styled.apply(label) + first.substring(plain.length()) : first);
        lines.subList(1, lines.size()).forEach(out::println);
    }

    private void print(PrintWriter out, String text, String first, String rest, boolean bold) {
        for (String line : Wrap.lines(text, width, first, rest)) {
            out.println(bold ? style.bold(line) : line);
        }
    }
}
