package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built jar answers from the sheets packed at build time; what a pharmacist sees must be
 * exactly what the YAML says (the same jar, told to read the YAML folder with --data), and a
 * counselling command must not need the YAML parser at all.
 */
class PackedSheetsIT {
    static final String JAR = Tools.ROOT.resolve("target/medcounsel.jar").toString();

    static String jar(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("java", "-jar", JAR));
        command.addAll(List.of(args));
        return Tools.run(Tools.ROOT, Map.of(), command.toArray(String[]::new));
    }

    @Test
    void everyBundledDrugSaysWhatItsYamlSays() throws Exception {
        List<String> ids;
        try (Stream<Path> files = Files.list(Tools.ROOT.resolve("data/drugs"))) {
            ids = files.map(f -> f.getFileName().toString().replace(".yaml", ""))
                    .filter(id -> !id.contains(".")) // a translation, read with its sheet below
                    .sorted()
                    .toList();
        }
        assertEquals(9, ids.size(), ids.toString());
        for (String id : ids) {
            for (List<String> command : List.of(
                    List.of("info", id),
                    List.of("info", id, "--lang", "zh-Hans"),
                    List.of("risks", id, "--format", "json", "--lang", "es"),
                    List.of("stop", id, "--format", "markdown"),
                    List.of("screen", id, "-f", "age=70", "--format", "json"))) {
                String packed = jar(command.toArray(String[]::new));
                List<String> fromYaml = new ArrayList<>(command);
                fromYaml.addAll(List.of("--data", "data"));
                String yaml = jar(fromYaml.toArray(String[]::new));
                // The YAML folder replaces every bundled sheet, and says so on stderr.
                assertTrue(
                        yaml.contains(
                                "medcounsel: note: the site folder data replaces the bundled sheet for " + id + "\n"),
                        yaml);
                String answer = yaml.replaceAll("(?m)^medcounsel: note: the site folder data replaces .*\n", "");
                // A screening's record names the second it was made: two runs may differ there alone.
                String when = "(?m)^    \"at\" : \"[^\"]*\",$";
                assertEquals(answer.replaceAll(when, ""), packed.replaceAll(when, ""), String.join(" ", command));
                assertFalse(packed.startsWith("medcounsel:"), packed);
            }
        }
    }

    @Test
    void counsellingLoadsNoYamlParser() throws Exception {
        String log = Tools.run(Tools.ROOT, Map.of(), "java", "-Xlog:class+load=info", "-jar", JAR, "info", "olumiant");
        assertTrue(log.contains("Olumiant"), log.substring(Math.max(0, log.length() - 400)));
        assertTrue(log.contains("org.medcounsel.sheet.PackedTree "), "read the packed sheets");
        assertFalse(log.contains("org.yaml.snakeyaml"), "SnakeYAML loaded");
        assertFalse(log.contains("com.fasterxml.jackson"), "Jackson loaded");
    }
}
