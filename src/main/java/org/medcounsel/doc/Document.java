package org.medcounsel.doc;

import java.time.LocalDate;
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
 */
public record Document(String drug, String section, List<String> banner, String title, String subtitle,
        List<Section> sections, LocalDate reviewed, List<Reference> sources, String disclaimer) {

    /** The same document with a banner on top. */
    public Document withBanner(List<String> lines) {
        return new Document(drug, section, List.copyOf(lines), title, subtitle, sections, reviewed, sources,
                disclaimer);
    }

    /** A headed part of the document. */
    public record Section(String heading, List<Block> blocks) {}

    /** A cited source. */
    public record Reference(String title, String url) {}

    /** A piece of a section. */
    public sealed interface Block {}

    /** Running text. */
    public record Paragraph(String text) implements Block {}

    /** A bulleted list with an optional lead-in line ("" for none). */
    public record Bullets(String lead, List<String> items) implements Block {}

    /** A named short note, such as "Pregnancy: ...". */
    public record Term(String term, String text) implements Block {}

    /** Text that must stand out; the severity is always shown in words, never by colour alone. */
    public record Callout(Severity severity, String label, List<String> lines) implements Block {}

    /** How urgent a callout is, most urgent first. */
    public enum Severity { URGENT, CAUTION, NOTE }
}
