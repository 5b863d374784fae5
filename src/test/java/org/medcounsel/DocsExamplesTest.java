package org.medcounsel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.medcounsel.Cli.Result;
import org.medcounsel.cli.MedcounselCommand;
import org.medcounsel.sheet.Shape;
import org.medcounsel.sheet.SheetShapes;

/**
 * Every example in README.md, docs/*.md and the man pages runs here, in-process through {@link Cli}, and
 * must match what the page shows. The convention, also written in docs/development.md:
 *
 * <ul>
 *   <li>In a Markdown file, every line that starts with {@code $ } inside a fenced block is an example
 *       command, and the lines after it, up to the next {@code $ } line or the end of the block, are
 *       what it prints (stdout, then stderr). Each block runs in a fresh in-memory file tree (working
 *       folder {@code /work}, {@code HOME=/home/pat}, the clock at {@link Cli#NOW}, no terminal) that
 *       holds a copy of {@code data/examples/}.
 *   <li>{@code $ medcounsel ARGS} runs the tool. Before it may come {@code NAME=VALUE} settings of the
 *       environment and {@code printf 'TEXT' |} for standard input; after it {@code > FILE} (stdout
 *       goes to that file) and {@code ; echo $?} (the last line shown is the exit code, which is
 *       otherwise 0).
 *   <li>{@code $ cat FILE} followed by lines writes those lines to FILE: it is how an example shows
 *       the file it reads.
 *   <li>An output line that is just {@code ...} stands for any number of lines; a line ending in
 *       {@code ...} stands for one line that starts with what comes before it. Nothing shown means
 *       nothing printed.
 *   <li>A command line whose comment holds {@code # not run} is not run (it needs a build, a real
 *       terminal or another program); such lines are counted and listed.
 *   <li>In a man page, each line under {@code Examples:} is run in a prepared tree (see {@link
 *       #manPageWorld()}); its output is not shown, so only the exit code is checked (0 unless
 *       {@link #MAN_EXIT} says otherwise). A {@code | PROGRAM} after the tool is left out.
 * </ul>
 */
class DocsExamplesTest {
    static final Path ROOT = Path.of("");
    static final String NOT_RUN = "# not run";

    /** Man page examples that do not exit 0: the screening verdicts they show. */
    static final Map<String, Integer> MAN_EXIT = Map.of(
            "medcounsel screen olumiant", 10,
            "medcounsel screen olumiant -f age=67 -f smoker=yes", 10,
            "medcounsel screen rinvoq --patient patient.yaml; echo $?", 11,
            "medcounsel screen olumiant --patient p.yaml --record --pharmacist 'A. Khan'", 10,
            "medcounsel screen olumiant --patient response.json --format fhir", 10,
            "medcounsel screen selumetinib", 10,
            // Finds nothing in today's sheets, so search exits 1: the example in SearchCommand's help
            // should change.
            "medcounsel search \"blood clot\" smoking", 1);

    /** Man page examples that need a real terminal or a PDF toolkit outside the main jar. */
    static final Map<String, String> MAN_NOT_RUN = Map.of(
            "medcounsel screen xeljanz --ask",
            "asks on a real terminal",
            "medcounsel shell",
            "an interactive shell on a real terminal",
            "medcounsel leaflet olumiant --format pdf --large-print --out - > olumiant.pdf",
            "writes PDF bytes to a real standard output, which the in-process runner does not have");

    /** One example command, where it is, and what it should print. */
    record Example(String file, int line, String command, List<String> shown, boolean manPage) {
        String where() {
            return file + ":" + line;
        }
    }

    /** One fenced block (or one man page): its examples share a file tree. */
    record Block(String file, int line, List<Example> examples) {}

    static final List<String> notRun = new ArrayList<>();
    static int ran;
    static int files;

    static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        }
        files.add(ROOT.resolve("data/README.md"));
        return files;
    }

    static List<Block> markdownBlocks(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<Block> blocks = new ArrayList<>();
        Block block = null;
        Example example = null;
        boolean console = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (block != null && !console && looksLikeACommand(line)) {
                throw new AssertionError(file + ":" + (i + 1) + ": write a medcounsel command as a ```console example,"
                        + " `$ medcounsel ...`, so that it runs here (or mark it `" + NOT_RUN + "`)");
            }
            if (line.startsWith("```")) {
                console = line.equals("```console");
                if (block == null) {
                    block = new Block(file.toString(), i + 1, new ArrayList<>());
                } else {
                    if (!block.examples().isEmpty()) blocks.add(block);
                    block = null;
                }
                example = null;
            } else if (block != null && line.startsWith("$ ")) {
                example = new Example(file.toString(), i + 1, line.substring(2), new ArrayList<>(), false);
                block.examples().add(example);
            } else if (example != null) {
                example.shown().add(line);
            }
        }
        return blocks;
    }

    /** A line that runs one of the tool's commands, as a shell would be given it. */
    static boolean looksLikeACommand(String line) {
        Matcher m = Pattern.compile("^(?:bin/)?medcounsel +(?:--?\\S+ +)*([a-z]+)\\b")
                .matcher(line.strip());
        return m.find()
                && (MedcounselCommand.SUBCOMMANDS.containsKey(m.group(1))
                        || m.group(1).equals("shell"));
    }

    static List<Block> manPageBlocks() throws IOException {
        List<Block> blocks = new ArrayList<>();
        List<Path> pages;
        try (Stream<Path> adoc = Files.list(ROOT.resolve("src/main/man/adoc"))) {
            pages = adoc.filter(p -> p.toString().endsWith(".adoc")).sorted().toList();
        }
        for (Path page : pages) {
            List<String> lines = Files.readAllLines(page, StandardCharsets.UTF_8);
            Block block = new Block(page.toString(), 1, new ArrayList<>());
            boolean in = false;
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                if (line.endsWith("Examples:")) {
                    in = true;
                } else if (in && line.startsWith("  ")) {
                    block.examples().add(new Example(page.toString(), i + 1, line.strip(), List.of(), true));
                } else if (in && !block.examples().isEmpty()) {
                    in = false; // the first line after the examples ends them
                }
            }
            assertTrue(!block.examples().isEmpty(), page + " shows examples");
            blocks.add(block);
        }
        return blocks;
    }

    @TestFactory
    Stream<DynamicTest> everyExampleInTheReadmeTheDocsAndTheManPagesRunsAsShown() throws IOException {
        List<Block> blocks = new ArrayList<>();
        for (Path file : markdownFiles()) blocks.addAll(markdownBlocks(file));
        blocks.addAll(manPageBlocks());
        notRun.clear();
        ran = 0;
        files = 0;
        List<DynamicTest> tests = new ArrayList<>();
        for (Block block : blocks) {
            Cli[] world = new Cli[1];
            for (Example example : block.examples()) {
                tests.add(dynamicTest(example.where() + " " + example.command(), () -> {
                    if (world[0] == null) world[0] = example.manPage() ? manPageWorld() : markdownWorld();
                    run(world[0], example);
                }));
            }
        }
        tests.add(dynamicTest(
                "summary",
                () -> System.out.println("DocsExamplesTest: " + ran
                        + " examples run (and " + files + " files they read written from the page), " + notRun.size()
                        + " not run:\n  " + String.join("\n  ", notRun))));
        return tests.stream();
    }

    /** The tree each Markdown block starts from. */
    static Cli markdownWorld() {
        Cli cli = new Cli().env("HOME", "/home/pat");
        cli.write("data/examples/patient.yaml", read("data/examples/patient.yaml"));
        return cli;
    }

    /** The tree the man pages' examples run in: the files and folders they name. */
    static Cli manPageWorld() {
        Cli cli = markdownWorld();
        cli.write("/srv/pharmacy/sheets/drugs/methotrexate.yaml", TestSheets.drug("methotrexate", "Maxtrex", null));
        cli.write("drafts/drugs/sitedrug.yaml", TestSheets.drug("sitedrug", "Sitex", null));
        cli.write("patient.yaml", read("data/examples/patient.yaml"));
        cli.write("p.yaml", "id: P-0042\nage: 70\nsmoker: yes\npregnant: no\nmedicines: [probenecid]\n");
        cli.write("site.yaml", "name: Riverside Community Pharmacy\nphone: 01234 567890\n");
        Result bundle = cli.run("screen", "olumiant", "--patient", "p.yaml", "--format", "fhir");
        cli.write("response.json", responseOf(bundle.out()));
        return cli;
    }

    /** The QuestionnaireResponse of a screening's FHIR bundle. */
    static String responseOf(String bundle) {
        try {
            ObjectMapper mapper = new ObjectMapper();
            for (JsonNode entry : mapper.readTree(bundle).path("entry")) {
                if (entry.path("resource").path("resourceType").asText().equals("QuestionnaireResponse")) {
                    return mapper.writeValueAsString(entry.path("resource"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new AssertionError("no QuestionnaireResponse in\n" + bundle);
    }

    static String read(String path) {
        try {
            return Files.readString(ROOT.resolve(path), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void run(Cli cli, Example example) {
        String command = example.command();
        if (example.manPage() && MAN_NOT_RUN.containsKey(command)) {
            notRun.add(example.where() + " " + command + " (" + MAN_NOT_RUN.get(command) + ")");
            return;
        }
        List<Token> tokens = Token.split(command);
        String comment = tokens.isEmpty() || !tokens.get(tokens.size() - 1).comment()
                ? ""
                : tokens.remove(tokens.size() - 1).text();
        if (comment.contains(NOT_RUN)) {
            notRun.add(example.where() + " " + command);
            return;
        }
        String where = example.where() + ": `" + command + "`";
        if (!tokens.isEmpty() && tokens.get(0).is("cat") && tokens.size() == 2) {
            cli.write(tokens.get(1).text(), String.join("\n", example.shown()) + "\n");
            files++;
            return;
        }
        int i = 0;
        if (tokens.size() > 2 && tokens.get(0).is("printf") && tokens.get(2).isOperator("|")) {
            cli.input(tokens.get(1).text().replace("\\n", "\n"));
            i = 3;
        } else {
            cli.input("");
        }
        for (;
                i < tokens.size()
                        && tokens.get(i).text().matches("[A-Z_]+=.*")
                        && !tokens.get(i).operator();
                i++) {
            String[] kv = tokens.get(i).text().split("=", 2);
            cli.env(kv[0], kv[1]);
        }
        if (i >= tokens.size() || !tokens.get(i).is("medcounsel")) {
            fail(where + ": an example runs `medcounsel`, shows a file with `cat FILE`, or ends in `" + NOT_RUN + "`");
        }
        List<String> args = new ArrayList<>();
        String redirect = null;
        boolean echoCode = false;
        for (i++; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            if (t.isOperator(">")) {
                redirect = tokens.get(++i).text().replaceFirst("^~/", "/home/pat/");
            } else if (t.isOperator(";")
                    && i + 2 < tokens.size()
                    && tokens.get(i + 2).is("$?")) {
                echoCode = true;
                i += 2;
            } else if (t.isOperator("|") && example.manPage()) {
                break; // the program the output is piped into is not ours
            } else if (t.operator()) {
                fail(where + ": `" + t.text() + "` is not something the docs test runs; mark the line `" + NOT_RUN
                        + "`");
            } else {
                args.add(t.text());
            }
        }
        Result r = cli.run(args.toArray(String[]::new));
        ran++;
        if (redirect != null) {
            cli.write(redirect, r.out());
        }
        if (example.manPage()) {
            int expected = MAN_EXIT.getOrDefault(command, 0);
            assertEquals(expected, r.code(), where + " exits " + expected + "\n" + r);
            return;
        }
        List<String> shown = new ArrayList<>(example.shown());
        int expected = 0;
        if (echoCode) {
            assertTrue(!shown.isEmpty(), where + ": `echo $?` shows the exit code on the last line");
            expected = Integer.parseInt(shown.remove(shown.size() - 1).strip());
        }
        assertEquals(expected, r.code(), where + " exits " + expected + "\n" + r);
        List<String> actual = new ArrayList<>();
        if (redirect == null) r.out().lines().forEach(actual::add);
        r.err().lines().forEach(actual::add);
        if (!matches(shown, 0, actual, 0)) {
            assertEquals(
                    String.join("\n", shown),
                    String.join("\n", actual),
                    where + " prints what the page shows ('...' elides)");
        }
    }

    /** Whether the lines shown match the output, {@code ...} standing for any lines. */
    static boolean matches(List<String> shown, int s, List<String> actual, int a) {
        if (s == shown.size()) return a == actual.size();
        String line = shown.get(s);
        if (line.equals("...")) {
            for (int k = a; k <= actual.size(); k++) {
                if (matches(shown, s + 1, actual, k)) return true;
            }
            return false;
        }
        if (a == actual.size()) return false;
        String got = actual.get(a);
        boolean same = line.endsWith("...")
                ? got.startsWith(line.substring(0, line.length() - 3))
                : got.stripTrailing().equals(line.stripTrailing());
        return same && matches(shown, s + 1, actual, a + 1);
    }

    /** A word of a command line as a POSIX shell splits it, or an operator, or the trailing comment. */
    record Token(String text, boolean operator, boolean comment) {
        boolean is(String word) {
            return !operator && !comment && text.equals(word);
        }

        boolean isOperator(String op) {
            return operator && text.equals(op);
        }

        static List<Token> split(String line) {
            List<Token> tokens = new ArrayList<>();
            StringBuilder word = null;
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (c == '\'') {
                    int end = line.indexOf('\'', i + 1);
                    if (word == null) word = new StringBuilder();
                    word.append(line, i + 1, end);
                    i = end;
                } else if (c == '"') {
                    if (word == null) word = new StringBuilder();
                    for (i++; line.charAt(i) != '"'; i++) {
                        if (line.charAt(i) == '\\' && "\"\\$`".indexOf(line.charAt(i + 1)) >= 0) i++;
                        word.append(line.charAt(i));
                    }
                } else if (c == '\\' && i + 1 < line.length()) {
                    if (word == null) word = new StringBuilder();
                    word.append(line.charAt(++i));
                } else if (Character.isWhitespace(c) || ";|<>".indexOf(c) >= 0) {
                    if (word != null) tokens.add(new Token(word.toString(), false, false));
                    word = null;
                    if (!Character.isWhitespace(c)) tokens.add(new Token(String.valueOf(c), true, false));
                } else if (c == '#' && word == null) {
                    tokens.add(new Token(line.substring(i).strip(), false, true));
                    return tokens;
                } else {
                    if (word == null) word = new StringBuilder();
                    word.append(c);
                }
            }
            if (word != null) tokens.add(new Token(word.toString(), false, false));
            return tokens;
        }
    }

    /**
     * data/README.md keeps a hand-written table of the drug sheet's fields (with who shows each) and a
     * paragraph per part of a sheet. They must name exactly the fields {@link SheetShapes} declares, in
     * its order, with the same required ones; a field added to the model without a line here fails.
     */
    @Test
    void theSheetFieldsInDataReadmeAreTheOnesSheetShapesDeclares() {
        String readme = read("data/README.md");
        String table = readme.substring(readme.indexOf("## Drug sheet"), readme.indexOf("## Class sheet"));
        List<String> rows = new ArrayList<>();
        List<String> required = new ArrayList<>();
        Matcher row = Pattern.compile("(?m)^\\| `([a-z-]+)` \\| [^|]* \\| ([^|]*) \\|")
                .matcher(table);
        while (row.find()) {
            rows.add(row.group(1));
            if (row.group(2).strip().startsWith("yes")) required.add(row.group(1));
        }
        List<Shape.Field<?>> fields = SheetShapes.DRUG.fields();
        assertEquals(fields.stream().map(Shape.Field::name).toList(), rows, "data/README.md: the drug sheet table");
        assertEquals(
                fields.stream()
                        .filter(Shape.Field::required)
                        .map(Shape.Field::name)
                        .toList(),
                required,
                "data/README.md: the drug sheet table's required fields");
        Map<String, Shape> parts = new LinkedHashMap<>();
        parts.put("**key points**:", SheetShapes.KEY_POINTS);
        parts.put("**source**:", SheetShapes.SOURCE);
        parts.put("**use**:", SheetShapes.USE);
        parts.put("**topic**:", SheetShapes.TOPIC);
        parts.put("**side-effect group**:", SheetShapes.SIDE_EFFECTS);
        parts.put("**stopping**:", SheetShapes.STOPPING);
        parts.put("**rule** (screening):", SheetShapes.RULE);
        parts.put("## Class sheet", SheetShapes.CLASS);
        parts.put("## Patient facts", SheetShapes.FACT);
        parts.put("## Approvals", SheetShapes.APPROVAL);
        parts.put("## Medicines", SheetShapes.MEDICINE);
        for (Map.Entry<String, Shape> part : parts.entrySet()) {
            int at = readme.indexOf(part.getKey());
            assertTrue(at >= 0, "data/README.md describes " + part.getKey());
            int end = readme.indexOf("\n\n", readme.indexOf("\n\n", at) + 2);
            String text = part.getKey().startsWith("##")
                    ? readme.substring(at, end)
                    : readme.substring(at, readme.indexOf("\n\n", at));
            for (Shape.Field<?> field : part.getValue().fields()) {
                assertTrue(
                        text.contains("`" + field.name() + "`"),
                        "data/README.md: " + part.getKey() + " names the field `" + field.name() + "`");
            }
        }
    }

    /** Every link from one page of the docs to another, and to a heading in it, leads somewhere. */
    @Test
    void everyLinkBetweenTheDocsLeadsToAFileAndHeadingThatExist() throws IOException {
        Pattern link = Pattern.compile("\\]\\(([^)#\\s]*)(#[^)\\s]+)?\\)");
        for (Path file : markdownFiles()) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                Matcher m = link.matcher(lines.get(i));
                while (m.find()) {
                    if (m.group(1).contains(":")) continue; // a web address
                    Path target = m.group(1).isEmpty()
                            ? file
                            : file.resolveSibling(m.group(1)).normalize();
                    String where = file + ":" + (i + 1) + ": " + m.group();
                    assertTrue(Files.exists(target), where + ": no file " + target);
                    if (m.group(2) != null) {
                        List<String> anchors = Files.readAllLines(target, StandardCharsets.UTF_8).stream()
                                .filter(l -> l.startsWith("#"))
                                .map(DocsExamplesTest::anchor)
                                .toList();
                        assertTrue(anchors.contains(m.group(2).substring(1)), where + ": no such heading in " + target);
                    }
                }
            }
        }
    }

    /** The anchor GitHub gives a Markdown heading. */
    static String anchor(String heading) {
        return heading.replaceFirst("^#+ ", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^\\p{L}\\p{N} _-]", "")
                .replace(' ', '-');
    }

    @Test
    void theShellWordsOfAnExampleAreSplitAsAShellSplitsThem() {
        List<Token> t = Token.split("medcounsel search \"blood clot\" 'A. Khan' a\\ b > out.txt; echo $? # note");
        assertEquals(
                List.of("medcounsel", "search", "blood clot", "A. Khan", "a b", ">", "out.txt", ";", "echo", "$?"),
                t.subList(0, 10).stream().map(Token::text).toList());
        assertTrue(t.get(10).comment());
        assertTrue(matches(List.of("a", "...", "d"), 0, List.of("a", "b", "c", "d"), 0));
        assertTrue(matches(List.of("a..."), 0, List.of("abc"), 0));
        assertTrue(!matches(List.of("a"), 0, List.of("a", "b"), 0));
    }
}
