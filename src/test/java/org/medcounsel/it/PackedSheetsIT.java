package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The built jar answers from the sheets packed at build time; what a pharmacist sees must be
 * exactly what the YAML says (the same jar, told to read the YAML folder with --data), and a
 * counselling command must not need the YAML parser at all.
 */
class PackedSheetsIT {
    static final String JAR = Tools.ROOT.resolve("target/medcounsel.jar").toString();

    /**
     * Between two commands of a script, a line the shell refuses: its error names the script's
     * line ("medcounsel: stdin:4: unknown command ..."), so each command's output is cut out
     * exactly, and a command whose output ran on could not be mistaken for the next.
     */
    static final String CUT = "next-command";

    static final Pattern CUT_LINE =
            Pattern.compile("(?m)^medcounsel: stdin:(\\d+): unknown command '" + CUT + "' \\(type help\\)\n");

    /**
     * Runs {@code commands} in one {@code java -jar medcounsel.jar shell} reading them from stdin
     * (each with {@code extra} appended); returns what each printed (stdout and stderr, in order).
     */
    static List<String> jarShell(List<List<String>> commands, List<String> extra) throws Exception {
        StringBuilder script = new StringBuilder();
        for (List<String> command : commands) {
            List<String> words = new ArrayList<>(command);
            words.addAll(extra);
            script.append(String.join(" ", words)).append('\n').append(CUT).append('\n');
        }
        String out = Tools.run(Tools.ROOT, Map.of(), script.toString(), 600, "java", "-jar", JAR, "shell");
        List<String> each = new ArrayList<>();
        Matcher cut = CUT_LINE.matcher(out);
        int from = 0;
        while (cut.find()) {
            // The cut after the n-th command is the script's line 2n.
            assertEquals(String.valueOf(2 * (each.size() + 1)), cut.group(1), "the script's cuts, in order:\n" + out);
            each.add(out.substring(from, cut.start()));
            from = cut.end();
        }
        assertEquals(commands.size(), each.size(), "one answer per command:\n" + out);
        assertEquals("", out.substring(from), "nothing after the last command");
        return each;
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
        assertFalse(ids.isEmpty(), "no drug sheets in data/drugs");
        List<List<String>> commands = new ArrayList<>();
        for (String id : ids) {
            commands.addAll(List.of(
                    List.of("info", id),
                    List.of("info", id, "--lang", "zh-Hans"),
                    List.of("risks", id, "--format", "json", "--lang", "es"),
                    List.of("stop", id, "--format", "markdown"),
                    List.of("screen", id, "-f", "age=70", "--format", "json")));
        }
        // The packed sheets and the YAML folder, each in one JVM, both at once.
        CompletableFuture<List<String>> fromYaml = CompletableFuture.supplyAsync(() -> {
            try {
                return jarShell(commands, List.of("--data", "data"));
            } catch (Exception e) {
                throw new CompletionException(e);
            }
        });
        List<String> packed = jarShell(commands, List.of());
        List<String> yaml;
        try {
            yaml = fromYaml.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }

        // The YAML folder replaces every bundled sheet, and says so on stderr (once: the shell
        // keeps the formulary it loaded for the first command).
        String replaced = "(?m)^medcounsel: stdin:1: note: the site folder data replaces the bundled sheet for (.*)\n";
        TreeSet<String> named = new TreeSet<>();
        Matcher note = Pattern.compile(replaced).matcher(yaml.get(0));
        while (note.find()) named.add(note.group(1));
        assertEquals(new TreeSet<>(ids), named, yaml.get(0));

        for (int i = 0; i < commands.size(); i++) {
            String command = String.join(" ", commands.get(i));
            String answer =
                    yaml.get(i).replaceAll("(?m)^medcounsel: stdin:1: note: the site folder data replaces .*\n", "");
            // A screening's record names the second it was made: two runs may differ there alone.
            String when = "(?m)^    \"at\" : \"[^\"]*\",$";
            assertFalse(answer.isBlank(), command + ": nothing printed from the YAML");
            assertEquals(answer.replaceAll(when, ""), packed.get(i).replaceAll(when, ""), command);
            assertFalse(packed.get(i).contains("medcounsel: stdin:"), command + ":\n" + packed.get(i));
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
