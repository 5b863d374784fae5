package org.medcounsel.render;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.medcounsel.sheet.HiddenChars;

/** Keeps sheet text from driving the terminal. */
public final class Terminal {
    private Terminal() {}

    /**
     * Replaces C0 and C1 control characters (ESC among them) and DEL with U+FFFD; tabs become
     * spaces. Newlines are kept. Applied to every piece of sheet text before it is styled or
     * linked, never after: so medcounsel's own colours and {@link #link links} survive and a
     * sheet's escapes do not.
     */
    public static String safe(String text) {
        // (Also zero-width and direction-changing characters: they can hide or reorder what a
        // pharmacist reads.)
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean control = (c < 0x20 && c != '\n') || (c >= 0x7f && c <= 0x9f) || invisible(c);
            if (control && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(!control ? c : c == '\t' ? ' ' : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Zero-width characters and bidi controls: they change what is seen without being seen. */
    public static boolean invisible(char c) {
        return HiddenChars.is(c);
    }

    /**
     * {@code text} as an OSC 8 hyperlink to {@code url}, which a terminal shows as {@code text} and
     * opens on a click; a terminal that does not know OSC 8 shows just {@code text}. Both come from
     * sheets, so both are made safe here, after which the only escapes are the link's own: text
     * through {@link #safe}, the address percent-encoded outside printable ASCII. An address that
     * is not http or https is no link at all, only the text.
     */
    public static String link(String url, String text) {
        String shown = safe(text);
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.startsWith("https://") && !lower.startsWith("http://")) {
            return shown;
        }
        StringBuilder target = new StringBuilder(url.length());
        for (byte b : url.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f) {
                target.append((char) c);
            } else {
                target.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return OSC_8 + target + ST + shown + OSC_8 + ST;
    }

    /** Opens (with an address) or closes (without) an OSC 8 hyperlink; {@link #ST} ends it. */
    static final String OSC_8 = "\u001b]8;;";

    /** String terminator: ESC backslash. */
    static final String ST = "\u001b\\";

    /**
     * The host of a web address without "www.", as a reader would say it ("ema.europa.eu"); ""
     * when the address has none.
     */
    public static String host(String url) {
        int scheme = url.indexOf("://");
        if (scheme < 0) {
            return "";
        }
        int start = scheme + 3;
        int end = start;
        while (end < url.length() && "/?#".indexOf(url.charAt(end)) < 0 && !Character.isWhitespace(url.charAt(end))) {
            end++;
        }
        String host = url.substring(start, end);
        host = host.substring(host.lastIndexOf('@') + 1);
        int port = host.lastIndexOf(':');
        if (port >= 0 && !host.endsWith("]")) {
            host = host.substring(0, port);
        }
        host = host.toLowerCase(Locale.ROOT);
        return safe(host.startsWith("www.") ? host.substring(4) : host);
    }
}
