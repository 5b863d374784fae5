package org.medcounsel.render;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import org.medcounsel.counsel.Listing.Lang;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * {@code list}: one drug a line. Piped, separated by tabs and without a header (scripts and
 * completion read it): id, brands, class, and where the sheet came from ("bundled" or the site
 * folder). On a terminal, aligned columns under a header. As JSON, an array of objects.
 */
public final class DrugList {
    private final Format format;
    private final boolean piped;
    private final Words words;
    private final Style style;
    private final PrintWriter out;
    /** The rows kept for the table and JSON (they need every row's width, or a closing bracket). */
    private final List<Row> kept = new ArrayList<>();

    /**
     * A list written in {@code format} (text or JSON) as rows are added: piped text goes out a row
     * at a time, so a long list keeps none; a table (on a {@code terminal}) and JSON at the end.
     */
    public DrugList(Format format, boolean terminal, Words words, Style style, PrintWriter out) {
        if (format != Format.text && format != Format.json) {
            throw new IllegalArgumentException("a drug list is not written as " + format);
        }
        this.format = format;
        this.piped = format == Format.text && !terminal;
        this.words = words;
        this.style = style;
        this.out = out;
    }

    /** One more row. */
    public void add(Row row) {
        if (piped) {
            row(row, out);
        } else {
            kept.add(row);
        }
    }

    /** Writes what was kept: the table or the JSON array. */
    public void end() {
        if (format == Format.json) {
            json(kept, out);
        } else if (!piped && !kept.isEmpty()) {
            table(kept, words, style, out);
        }
        out.flush();
    }

    /**
     * One drug: its id, brand names (may be empty), class name (empty for none), and the site
     * folder its sheet comes from (empty: bundled) and whether that sheet replaces a bundled one.
     */
    public record Row(
            String id, List<String> brands, String drugClass, String folder, boolean replaces, List<Lang> languages) {
        public Row(String id, List<String> brands, String drugClass, String folder, boolean replaces) {
            this(id, brands, drugClass, folder, replaces, List.of());
        }
    }

    /** Writes one row separated by tabs; a missing brand list or class shows as "-". */
    public static void row(Row row, PrintWriter out) {
        out.println(String.join("\t", cells(row, "bundled", row.folder())));
    }

    private static List<String> cells(Row row, String bundled, String from) {
        String brands = row.brands().isEmpty() ? "-" : String.join(", ", row.brands());
        String drugClass = row.drugClass().isEmpty() ? "-" : row.drugClass();
        return List.of(
                Terminal.safe(row.id()).replace('\n', ' '),
                Terminal.safe(brands).replace('\n', ' '),
                Terminal.safe(drugClass).replace('\n', ' '),
                Terminal.safe(row.folder().isEmpty() ? bundled : from).replace('\n', ' '),
                Terminal.safe(String.join(
                                ", ",
                                row.languages().stream()
                                        .map(l -> l.status().equals("english")
                                                        || l.status().equals("unchecked")
                                                        || l.status().equals("checked")
                                                ? l.tag()
                                                : l.tag() + " (" + l.status() + ")")
                                        .toList()))
                        .replace('\n', ' '));
    }

    /** Writes the rows in aligned columns under a bold header, in the interface words. */
    public static void table(List<Row> rows, Words words, Style style, PrintWriter out) {
        List<List<String>> lines = new ArrayList<>();
        lines.add(List.of(
                words.get(Word.LIST_ID),
                words.get(Word.LIST_BRANDS),
                words.get(Word.LIST_CLASS),
                words.get(Word.LIST_SOURCE),
                words.get(Word.LIST_LANGUAGES)));
        for (Row row : rows) {
            String from = row.replaces() ? words.get(Word.LIST_REPLACES, "folder", row.folder()) : row.folder();
            lines.add(cells(row, words.get(Word.LIST_BUNDLED), from));
        }
        int columns = lines.get(0).size();
        int[] widths = new int[columns];
        for (List<String> line : lines) {
            for (int i = 0; i < columns; i++) widths[i] = Math.max(widths[i], Wrap.len(line.get(i)));
        }
        for (int n = 0; n < lines.size(); n++) {
            StringBuilder b = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                String cell = lines.get(n).get(i);
                String padded = i == columns - 1 ? cell : cell + " ".repeat(widths[i] - Wrap.len(cell) + 2);
                b.append(n == 0 ? style.bold(padded) : padded);
            }
            out.println(b.toString().stripTrailing());
        }
    }

    /** Writes the rows as a JSON array of {@code {id, brands, class, source, replaces}}. */
    public static void json(List<Row> rows, PrintWriter out) {
        List<Object> all = new ArrayList<>();
        for (Row row : rows) {
            all.add(JsonOut.object(
                    "id",
                    row.id(),
                    "brands",
                    row.brands(),
                    "class",
                    row.drugClass().isEmpty() ? null : row.drugClass(),
                    "source",
                    row.folder().isEmpty() ? "bundled" : row.folder(),
                    "replaces",
                    row.replaces(),
                    "languages",
                    row.languages().stream()
                            .map(l -> JsonOut.object("lang", l.tag(), "status", l.status()))
                            .toList()));
        }
        JsonOut.write(all, out);
    }
}
