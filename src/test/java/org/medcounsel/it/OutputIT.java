package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Issue 15, item 5: output that cannot be written is an error, not a silent half page. */
class OutputIT {
    static final String JAR = Tools.ROOT.resolve("target/medcounsel.jar").toString();

    @Test
    void aFullDiskOnStandardOutputExits1WithAMessage() throws Exception {
        if (!Files.exists(Path.of("/dev/full"))) {
            Assumptions.abort("SKIPPED: no /dev/full on this system");
        }
        String out = Tools.run(
                Tools.ROOT,
                Map.of(),
                "bash",
                "-c",
                "java -jar " + JAR + " info baricitinib --format html > /dev/full; echo code=$?");
        assertTrue(out.contains("code=1"), out);
        assertTrue(out.contains("medcounsel: cannot write the output: no space left on device"), out);
        assertFalse(out.contains("Exception"), out);
    }

    @Test
    void aReaderThatStopsEarlyIsNotAnError() throws Exception {
        String out = Tools.run(
                Tools.ROOT,
                Map.of(),
                "bash",
                "-c",
                "java -jar " + JAR + " risks baricitinib | head -1; echo code=${PIPESTATUS[0]}");
        assertTrue(out.contains("code=0"), out);
        assertFalse(out.contains("cannot write"), out);
    }
}
