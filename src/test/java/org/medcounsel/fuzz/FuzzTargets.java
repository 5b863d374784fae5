package org.medcounsel.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.counsel.Guidance;
import org.medcounsel.counsel.Patient;
import org.medcounsel.doc.Document;
import org.medcounsel.render.HtmlRenderer;
import org.medcounsel.render.JsonRenderer;
import org.medcounsel.render.MarkdownRenderer;
import org.medcounsel.render.Renderer;
import org.medcounsel.render.Style;
import org.medcounsel.render.TextRenderer;
import org.medcounsel.sheet.Drug;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.References;
import org.medcounsel.sheet.SheetException;
import org.medcounsel.sheet.SheetLoader;
import org.medcounsel.sheet.Sheets;
import org.medcounsel.sheet.YamlReader;

/**
 * Fuzz targets. In every build their committed inputs (src/test/resources/.../FuzzTargetsInputs)
 * run as regression tests; `JAZZER_FUZZ=1 mvn test -Djazzer.hooks=true -Dtest=FuzzTargets` fuzzes for real (see
 * README). The contract each checks: bad input is refused with the tool's own error, and
 * nothing it accepts can crash a renderer or put a control character into text output.
 */
@Tag("slow") // left out of the quick loop: mvn test -DexcludedGroups=slow
class FuzzTargets {
    static final Formulary BUNDLED = Formulary.withSites(List.of());
    static final References REFS = References.of(BUNDLED.facts(), Set.of("jak-inhibitor"));

    /** The sheet loader: any bytes give a sheet or a SheetException, never anything else. */
    @FuzzTest(maxDuration = "30s")
    void loadSheet(byte[] bytes) {
        Sheets.DrugSheet sheet;
        try {
            sheet = SheetLoader.drug("fuzz.yaml", YamlReader.read("fuzz.yaml", bytes), "fuzz", REFS);
        } catch (SheetException e) {
            assertFalse(e.getMessage().isBlank());
            return;
        }
        Drug drug = new Drug(sheet, sheet.drugClass().map(BUNDLED::drugClass));
        Guidance guidance = new Guidance(BUNDLED.words());
        for (Document doc :
                List.of(guidance.info(drug), guidance.risks(drug), guidance.stop(drug), guidance.leaflet(drug))) {
            renderAll(doc);
        }
    }

    /** The patient-file parser: any bytes give answers or an AnswerException. */
    @FuzzTest(maxDuration = "30s")
    void readPatientFile(byte[] bytes) {
        try {
            Patient patient = new Patient(BUNDLED.facts()).readFile("patient.yaml", bytes);
            patient.answers()
                    .keySet()
                    .forEach(k -> assertTrue(BUNDLED.facts().get(k).isPresent(), k));
        } catch (AnswerException e) {
            assertFalse(e.getMessage().isBlank());
        }
    }

    /** Every renderer on documents made of arbitrary text. */
    @FuzzTest(maxDuration = "30s")
    void renderAnyText(FuzzedDataProvider data) {
        List<Document.Block> blocks = new ArrayList<>();
        blocks.add(new Document.Paragraph(data.consumeString(200)));
        blocks.add(new Document.Bullets(
                data.consumeString(50), List.of(data.consumeString(100), data.consumeString(100))));
        blocks.add(new Document.Term(data.consumeString(40), data.consumeString(100)));
        blocks.add(new Document.Callout(
                Document.Severity.values()[data.consumeInt(0, 2)],
                data.consumeString(30),
                List.of(data.consumeString(100))));
        Document doc = new Document(
                "fuzz",
                "info",
                List.of(data.consumeString(40)),
                data.consumeString(60),
                data.consumeString(40),
                List.of(new Document.Section(data.consumeString(60), blocks)),
                LocalDate.of(2026, 1, 1),
                List.of(new Document.Reference(
                        data.consumeString(60), "https://example.org/" + data.consumeString(30))),
                new Document.Footer(data.consumeString(20), data.consumeString(20), data.consumeRemainingAsString()));
        renderAll(doc);
    }

    static void renderAll(Document doc) {
        for (int width : new int[] {20, 80}) {
            String text = render(new TextRenderer(width, new Style(false)), doc);
            text.codePoints().forEach(c -> assertFalse(isControl(c), "control character " + c + " in text"));
            text.lines()
                    .forEach(l -> assertTrue(
                            l.codePointCount(0, l.length()) <= width
                                    || !l.strip().replaceFirst("^[-!] ", "").contains(" "),
                            l)); // or one word too long for any line, whole
        }
        String md = render(new MarkdownRenderer(), doc);
        md.codePoints().forEach(c -> assertFalse(isControl(c), "control character " + c + " in Markdown"));
        String html = render(new HtmlRenderer(Optional.empty()), doc);
        html.codePoints().forEach(c -> assertFalse(isControl(c), "control character " + c + " in HTML"));
        assertFalse(html.contains("<script"), "markup from the text");
        String json = render(new JsonRenderer(), doc);
        json.codePoints().forEach(c -> assertFalse(isControl(c), "control character " + c + " in JSON"));
        try {
            assertEquals(
                    doc.title(), new ObjectMapper().readTree(json).get("title").asText());
        } catch (IOException e) {
            throw new AssertionError("JSON does not parse", e);
        }
    }

    static boolean isControl(int c) {
        return (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f);
    }

    static String render(Renderer renderer, Document doc) {
        StringWriter out = new StringWriter();
        renderer.render(List.of(doc), new PrintWriter(out));
        return out.toString();
    }
}
