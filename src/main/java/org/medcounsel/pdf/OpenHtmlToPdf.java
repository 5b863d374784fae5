package org.medcounsel.pdf;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.util.XRLog;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.medcounsel.render.Pdf;
import org.w3c.dom.Document;

/**
 * The one class that knows the PDF libraries: an HTML page (a leaflet or a screening report) in, a
 * tagged (PDF/UA) PDF out, laid out by openhtmltopdf from the same page and its print CSS, with the
 * Atkinson Hyperlegible font embedded. It and the libraries live outside the tool's jar (in
 * {@code pdf/} beside it), and {@link org.medcounsel.render.Pdf} loads them only for
 * {@code --format pdf} (leaflet and screen): no other command opens them, so their start-up does
 * not change.
 */
public final class OpenHtmlToPdf implements Pdf.Maker {
    /** The family the print CSS names first; the only one the PDF has, so every glyph is embedded. */
    public static final String FONT = "Atkinson Hyperlegible";

    /** The family the print CSS names second: the system fonts for other scripts. */
    public static final String FALLBACK = "medcounsel CJK";

    /** Kept: a logger that is let go forgets its level. */
    private static final Logger[] QUIET = {Logger.getLogger("org.apache.pdfbox"), Logger.getLogger("org.apache.fontbox")
    };

    static {
        // The libraries report their own doings on stderr; a leaflet run says only what it did.
        XRLog.setLoggingEnabled(false);
        for (Logger logger : QUIET) logger.setLevel(Level.OFF);
    }

    /** Made by name, through {@link org.medcounsel.render.Pdf}. */
    public OpenHtmlToPdf() {}

    /** The PDF of {@code html}, a complete page; {@code baseUri} resolves relative links. */
    @Override
    public byte[] pdf(String html, String baseUri, List<Path> fonts) {
        Document dom = new W3CDom().fromJsoup(Jsoup.parse(html, baseUri));
        ByteArrayOutputStream out = new ByteArrayOutputStream(256 * 1024);
        PdfRendererBuilder builder = new PdfRendererBuilder()
                .usePdfUaAccessibility(true)
                .withProducer("medcounsel")
                .withW3cDocument(dom, baseUri)
                .toStream(out);
        font(builder, "400Regular", 400, FontStyle.NORMAL);
        font(builder, "400Regular_Italic", 400, FontStyle.ITALIC);
        font(builder, "700Bold", 700, FontStyle.NORMAL);
        font(builder, "700Bold_Italic", 700, FontStyle.ITALIC);
        for (Path file : fonts) {
            // The print CSS names this family after Atkinson Hyperlegible: each character that
            // font lacks (a Chinese one, say) is set in the first of these that has it.
            for (int weight : new int[] {400, 700}) {
                for (FontStyle style : new FontStyle[] {FontStyle.NORMAL, FontStyle.ITALIC}) {
                    builder.useFont(file.toFile(), FALLBACK, weight, style, true);
                }
            }
        }
        try {
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Registers one face of the font under its own name and the generic families, so that text
     * in any family (a site's template may ask for serif) is set in an embedded font, as a tagged
     * PDF must be.
     */
    private static void font(PdfRendererBuilder builder, String variant, int weight, FontStyle style) {
        String resource = "/medcounsel/fonts/AtkinsonHyperlegible_" + variant + ".ttf";
        for (String family : new String[] {FONT, "serif", "sans-serif", "monospace", "system-ui"}) {
            builder.useFont(() -> open(resource), family, weight, style, true);
        }
    }

    private static InputStream open(String resource) {
        InputStream in = OpenHtmlToPdf.class.getResourceAsStream(resource);
        if (in == null) throw new IllegalStateException("the jar lacks its font " + resource);
        return in;
    }
}
