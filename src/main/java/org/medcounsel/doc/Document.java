package org.medcounsel.doc;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Format-neutral guidance for one drug: what every renderer (text, Markdown, HTML, JSON) turns
 * into output. Built by {@code counsel}, read by {@code render}.
 *
 * @param drug     the drug's id
 * @param section  which part of the guidance: info, risks, stop, screen or leaflet
 * @param banner   lines printed above the title (a pharmacy's name, address and phone); may be empty
 * @param title    e.g. "Baricitinib (Olumiant)"
 * @param subtitle e.g. "About this medicine"
 * @param footer   the words of the footer: review-date label, sources heading, disclaimer
 * @param language the language the document is in, and what a reader must know about it
 */
public record Document(
        String drug,
        String section,
        List<String> banner,
        String title,
        String subtitle,
        List<Section> sections,
        LocalDate reviewed,
        List<Reference> sources,
        Footer footer,
        Language language) {

    /**
     * The marks the renderers put around the words: after a label ("Take:" in English, "用法："
     * in Chinese) and after a sentence of their own (the review date's).
     */
    public record Punctuation(String colon, String fullStop) {
        public static final Punctuation ENGLISH = new Punctuation(":", ".");
    }

    /** A document in English, as asked. */
    public Document(
            String drug,
            String section,
            List<String> banner,
            String title,
            String subtitle,
            List<Section> sections,
            LocalDate reviewed,
            List<Reference> sources,
            Footer footer) {
        this(drug, section, banner, title, subtitle, sections, reviewed, sources, footer, Language.ENGLISH);
    }

    /**
     * The language of a document: its tag ({@code en}, {@code es}, {@code zh-Hans}); warnings
     * said first, above the title (a stale translation, in both languages); the translation's
     * credit lines for the footer; and the facts for JSON: what was asked, who translated it,
     * whether it is stale and whether a site pharmacist checked it.
     */
    public record Language(
            String tag,
            List<String> warnings,
            List<String> credits,
            String asked,
            String by,
            boolean stale,
            boolean checked,
            String notShown,
            Punctuation punctuation) {
        public static final Language ENGLISH =
                new Language("en", List.of(), List.of(), "en", "", false, false, "", Punctuation.ENGLISH);

        /** Whether the document is a translation. */
        public boolean translated() {
            return !tag.equals("en");
        }
    }

    /** The same document with a banner on top. */
    public Document withBanner(List<String> lines) {
        return new Document(
                drug, section, List.copyOf(lines), title, subtitle, sections, reviewed, sources, footer, language);
    }

    /** The same document with one more section at the end. */
    public Document withSection(Section last) {
        List<Section> all = new ArrayList<>(sections);
        all.add(last);
        return new Document(
                drug, section, banner, title, subtitle, List.copyOf(all), reviewed, sources, footer, language);
    }

    /** The sentence that closes every document. */
    public String disclaimer() {
        return footer.disclaimer();
    }

    /**
     * The words the footer prints around the review date and the sources; {@code approval} is a
     * site pharmacist's approval line ("" when the site has not approved this sheet);
     * {@code sourcesInFull} tells a reader of the short sources how to see them in full ("" for
     * nothing).
     */
    public record Footer(
            String reviewedLabel, String sourcesHeading, String disclaimer, String approval, String sourcesInFull) {
        public Footer(String reviewedLabel, String sourcesHeading, String disclaimer) {
            this(reviewedLabel, sourcesHeading, disclaimer, "");
        }

        public Footer(String reviewedLabel, String sourcesHeading, String disclaimer, String approval) {
            this(reviewedLabel, sourcesHeading, disclaimer, approval, "");
        }
    }

    /** A headed part of the document. */
    public record Section(String heading, List<Block> blocks) {}

    /** A cited source. */
    public record Reference(String title, String url) {}

    /**
     * A piece of a section. Renderers go through {@link Visitor}, so a new kind of block does not
     * compile until every renderer shows it.
     */
    public sealed interface Block {
        <R> R accept(Visitor<R> visitor);
    }

    /** One method per kind of block: what a renderer must be able to show. */
    public interface Visitor<R> {
        R paragraph(Paragraph paragraph);

        R bullets(Bullets bullets);

        R term(Term term);

        R callout(Callout callout);

        R table(Table table);
    }

    /** Running text. */
    public record Paragraph(String text) implements Block {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.paragraph(this);
        }
    }

    /** A bulleted list with an optional lead-in line ("" for none). */
    public record Bullets(String lead, List<String> items) implements Block {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.bullets(this);
        }
    }

    /** A named short note, such as "Pregnancy: ...". */
    public record Term(String term, String text) implements Block {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.term(this);
        }
    }

    /** Text that must stand out; the severity is always shown in words, never by colour alone. */
    public record Callout(Severity severity, String label, List<String> lines) implements Block {
        public <R> R accept(Visitor<R> visitor) {
            return visitor.callout(this);
        }
    }

    /**
     * A grid that sets things side by side: one column per thing compared (headed by
     * {@code columns}), one row per topic. Every row has one cell per column, and a cell holds one
     * or more pieces of text (never none: a builder says in words when a sheet is silent).
     *
     * @param corner  the words above the row labels (the heading of the first column)
     */
    public record Table(String corner, List<String> columns, List<Row> rows) implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = List.copyOf(rows);
            for (Row row : rows) {
                if (row.cells().size() != columns.size()) {
                    throw new IllegalArgumentException("row '" + row.label() + "' has "
                            + row.cells().size() + " cells for " + columns.size() + " columns");
                }
            }
        }

        public <R> R accept(Visitor<R> visitor) {
            return visitor.table(this);
        }
    }

    /** One topic of a {@link Table}: its label and, per column, the pieces of text. */
    public record Row(String label, List<List<String>> cells) {
        public Row {
            cells = cells.stream().map(List::copyOf).toList();
        }
    }

    /** How urgent a callout is, most urgent first. */
    public enum Severity {
        URGENT,
        CAUTION,
        NOTE
    }
}
