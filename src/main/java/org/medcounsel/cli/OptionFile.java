package org.medcounsel.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medcounsel.counsel.AnswerException;
import org.medcounsel.sheet.YamlReader;

/** Reads a small file named by an option (--patient, --site): a missing one is a usage error. */
final class OptionFile {
    private OptionFile() {}

    /** At most one byte past the YAML size limit, so the reader can refuse a huge file itself. */
    static byte[] read(Environment env, String name, String what) throws IOException {
        Path path = env.fileSystem().getPath(name);
        if (!Files.isRegularFile(path)) {
            throw new AnswerException(
                    what + " '" + name + "' " + (Files.exists(path) ? "is not a file" : "does not exist"));
        }
        try (InputStream in = Files.newInputStream(path)) {
            return in.readNBytes(YamlReader.MAX_BYTES + 1);
        }
    }
}
