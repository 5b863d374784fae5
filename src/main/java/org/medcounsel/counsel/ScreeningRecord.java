package org.medcounsel.counsel;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medcounsel.doc.Document;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.Shelf;
import org.medcounsel.sheet.Word;
import org.medcounsel.sheet.Words;

/**
 * What makes a screening a record a pharmacy can file: who (a patient reference, never a name
 * unless given as one), when, by whom, where, with which tool, and which sheets, each with its
 * review date and a fingerprint of its content, so the exact guidance can be traced later. Empty
 * strings for what was not given.
 */
public record ScreeningRecord(
        String patient, String at, String pharmacist, String site, String tool, List<Sheet> sheets) {
    /** One sheet used: drug or class, its id, review date and SHA-256 of its content. */
    public record Sheet(String kind, String id, String reviewed, String sha256) {}

    /** Each sheet the drugs' guidance comes from: drug and class, with review date and fingerprint. */
    public static List<Sheet> sheets(List<Drug> drugs, Formulary formulary) {
        List<Sheet> sheets = new ArrayList<>();
        for (Drug d : drugs) {
            sheets.add(sheet(formulary, Shelf.Kind.DRUG, d.id(), d.sheet().reviewed()));
            d.drugClass().ifPresent(c -> sheets.add(sheet(formulary, Shelf.Kind.CLASS, c.id(), c.reviewed())));
        }
        return sheets;
    }

    private static Sheet sheet(Formulary formulary, Shelf.Kind kind, String id, LocalDate reviewed) {
        byte[] bytes = formulary.sourceBytes(kind, id);
        return new Sheet(kind == Shelf.Kind.DRUG ? "drug" : "class", id, reviewed.toString(), sha256(bytes));
    }

    /** A version for what the drugs' sheets say, as {@link #version()} gives it. */
    public static String version(List<Drug> drugs, Formulary formulary) {
        return new ScreeningRecord("", "", "", "", "", sheets(drugs, formulary)).version();
    }

    /** A version for what the sheets say: the first 16 hex digits of a hash of their fingerprints. */
    public String version() {
        StringBuilder all = new StringBuilder();
        sheets.forEach(s -> all.append(s.sha256()));
        return sha256(all.toString().getBytes(StandardCharsets.UTF_8)).substring(0, 16);
    }

    /** The record as a report's last section, in the report's words, ending with a line to sign. */
    public Document.Section section(Words words) {
        String none = words.get(Word.RECORD_NOT_GIVEN);
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Term(words.get(Word.RECORD_PATIENT), patient.isEmpty() ? none : patient));
        blocks.add(new Document.Term(words.get(Word.RECORD_AT), at));
        blocks.add(new Document.Term(words.get(Word.RECORD_PHARMACIST), pharmacist.isEmpty() ? none : pharmacist));
        blocks.add(new Document.Term(words.get(Word.RECORD_SITE), site.isEmpty() ? none : site));
        blocks.add(new Document.Term(words.get(Word.RECORD_TOOL), tool));
        for (Sheet s : sheets) {
            blocks.add(new Document.Term(
                    words.get(Word.RECORD_SHEET),
                    s.kind() + " " + s.id() + ", reviewed " + s.reviewed() + ", SHA-256 " + s.sha256()));
        }
        blocks.add(new Document.Paragraph(words.get(Word.RECORD_SIGNATURE)));
        return new Document.Section(words.get(Word.HEADING_RECORD), blocks);
    }

    /** The SHA-256 of bytes, in hex. */
    public static String sha256(byte[] bytes) {
        try {
            StringBuilder hex = new StringBuilder();
            for (byte b : MessageDigest.getInstance("SHA-256").digest(bytes)) hex.append(String.format("%02x", b));
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("no SHA-256 in this Java", e);
        }
    }
}
