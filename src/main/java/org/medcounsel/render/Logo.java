package org.medcounsel.render;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A pharmacy's logo as a data: URI, so a leaflet stays one self-contained file: a PNG or JPEG,
 * told by its first bytes, not its name.
 */
public final class Logo {
    /** Larger than any logo a leaflet needs; a bigger file is a mistake, not a logo. */
    public static final int MAX_BYTES = 1 << 20;

    private Logo() {}

    /**
     * The image in {@code file} as a data: URI.
     *
     * @param where how messages name the logo ("site.yaml:7: logo 'logo.png' ")
     * @throws IOException saying why it cannot be a logo: missing, unreadable, too large, not an image
     */
    public static String dataUri(Path file, String where) throws IOException {
        boolean tooLarge;
        byte[] bytes = new byte[0];
        try {
            tooLarge = Files.size(file) > MAX_BYTES;
            if (!tooLarge) bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IOException(where + "does not exist (a path relative to the site file)", e);
        } catch (IOException e) {
            throw new IOException(where + "cannot be read: " + e.getMessage(), e);
        }
        if (tooLarge) {
            throw new IOException(where + "is larger than 1 MiB");
        }
        String type;
        if (bytes.length > 8 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G') {
            type = "image/png";
        } else if (bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8) {
            type = "image/jpeg";
        } else {
            throw new IOException(where + "is not a PNG or JPEG image");
        }
        return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
    }
}
