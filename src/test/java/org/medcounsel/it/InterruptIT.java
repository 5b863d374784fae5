package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A batch interrupted by Ctrl-C (SIGINT) or SIGTERM leaves whole leaflets and no temporary file. */
class InterruptIT {
    @ParameterizedTest
    @ValueSource(strings = {"INT", "TERM"})
    void anInterruptedBatchLeavesOnlyWholeFiles(String signal, @TempDir Path tmp) throws Exception {
        Path sheets = Tools.syntheticSheets();
        Path out = tmp.resolve("out");
        ProcessBuilder pb = new ProcessBuilder(
                        Tools.LAUNCHER.toString(),
                        "leaflet",
                        "--all",
                        "--data",
                        sheets.toString(),
                        "--out",
                        out.toString(),
                        "-q")
                .redirectErrorStream(true)
                .redirectOutput(tmp.resolve("log").toFile());
        pb.environment().putAll(Tools.isolated(Map.of()));
        Process batch = pb.start();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        // Signalled early in the batch of 4,000: on a busy machine a late signal could find it done.
        while (count(out) < 50 && batch.isAlive() && System.nanoTime() < end) Thread.sleep(5);
        assertTrue(batch.isAlive(), "still writing when interrupted: " + Files.readString(tmp.resolve("log")));
        Tools.run(tmp, Map.of(), "kill", "-" + signal, String.valueOf(batch.pid()));
        if (!batch.waitFor(60, TimeUnit.SECONDS)) {
            batch.destroyForcibly();
            throw new AssertionError("the batch did not stop on SIG" + signal);
        }
        assertNotEquals(0, batch.exitValue(), "an interrupted run does not report success");
        List<Path> left;
        try (Stream<Path> s = Files.list(out)) {
            left = s.toList();
        }
        assertTrue(left.size() < 4006, "interrupted before the end: " + left.size());
        for (Path f : left) {
            String name = f.getFileName().toString();
            if (name.equals(".leaflets")) continue; // what the index says of each leaflet: checked below
            assertFalse(name.startsWith(".") || name.endsWith(".tmp"), "temporary file left: " + name);
            assertTrue(Files.readString(f).endsWith("</html>\n"), "whole file: " + name);
        }
        wholeDescriptions(out);
        assertFalse(Files.exists(out.resolve("index.html")), "no index for an interrupted run");
    }

    /** Every file under .leaflets/ (what the index says of each leaflet) is a whole JSON object. */
    static void wholeDescriptions(Path out) throws Exception {
        Path descriptions = out.resolve(".leaflets");
        if (!Files.isDirectory(descriptions)) return;
        try (Stream<Path> s = Files.list(descriptions)) {
            for (Path f : s.toList()) {
                String name = f.getFileName().toString();
                assertTrue(name.endsWith(".html.json") && !name.startsWith("."), "temporary file left: " + name);
                // A cut file does not parse; a whole one is an object that names its leaflet's title.
                JsonNode description;
                try {
                    description = new ObjectMapper().readTree(Files.readString(f));
                } catch (JsonProcessingException cut) {
                    throw new AssertionError("whole description: " + name + ": " + cut.getMessage(), cut);
                }
                assertTrue(description.isObject() && description.hasNonNull("title"), "whole description: " + name);
            }
        }
    }

    /** The leaflets in a folder (not the folder of their descriptions). */
    static long count(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().equals(".leaflets"))
                    .count();
        }
    }
}
