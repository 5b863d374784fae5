package org.medcounsel.doc;

import java.time.LocalDate;
import java.util.List;

/**
 * Format-neutral guidance for one drug: what every renderer (text, Markdown, HTML, JSON) turns
 * into output. Built by {@code counsel}, read by {@code render}.
 *
 * @param drug    the drug's id
 * @param title   e.g. "Baricitinib (Olumiant)"
 * @param subtitle e.g. "How to take it" — what part of the guidance this is
 */
public record Document(String drug, String section, String title, String subtitle, List<Section> sections,
        LocalDate reviewed, List<Reference> sources, String disclaimer) {

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
