package org.medcounsel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.TestSheets;

/**
 * Sources and links as a user sees them: one short line a source, its title a link, on a
 * terminal; full titles and whole web addresses everywhere else; prose as wide as the terminal up
 * to 100 columns; and never a web address broken across lines.
 */
class SourcesAndLinksTest {
    static final String ESC = "\u001b";

    /** An OSC 8 link as medcounsel writes it: target, text, close. */
    static final Pattern LINK = Pattern.compile("\u001b]8;;([!-~]+)\u001b\\\\(.*?)\u001b]8;;\u001b\\\\");

    /** Colour codes (SGR). */
    static final Pattern SGR = Pattern.compile("\u001b\\[[0-9;]*m");

    static final Pattern URL = Pattern.compile("https?://[^\\s\"<>\\\\]+");

    /** The sources of a drug's document, as the JSON format gives them. */
    static List<JsonNode> sources(String command, String drug) throws Exception {
        Result json = new Cli().run(command, drug, "--format", "json");
        assertEquals(0, json.code(), json::toString);
        JsonNode doc = new ObjectMapper().readTree(json.out()); // one drug: one object
        List<JsonNode> sources = new ArrayList<>();
        doc.get("sources").forEach(sources::add);
        assertFalse(sources.isEmpty(), json::toString);
        return sources;
    }

    /** The lines between the sources heading and the disclaimer. */
    static List<String> sourceLines(String out) {
        List<String> lines = out.lines().toList();
        int heading = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (SGR.matcher(lines.get(i)).replaceAll("").startsWith("Sources")) heading = i;
        }
        assertTrue(heading >= 0, out);
        int first = heading + 1;
        while (first < lines.size() && !lines.get(first).startsWith("  ")) first++; // the heading, wrapped
        int end = first;
        while (end < lines.size() && lines.get(end).startsWith("  ")) end++;
        return lines.subList(first, end);
    }

    static String visible(String line) {
        return SGR.matcher(LINK.matcher(line).replaceAll("$2")).replaceAll("");
    }

    static int width(String line) {
        String v = visible(line);
        return v.codePointCount(0, v.length());
    }

    @Test
    void onATerminalEachSourceIsOneShortLineWhoseTitleIsALink() throws Exception {
        List<JsonNode> sources = sources("risks", "baricitinib");
        Result r = new Cli().terminal(true).env("COLUMNS", "80").run("risks", "baricitinib");
        assertEquals(0, r.code(), r::toString);
        assertTrue(
                r.out().contains("Sources (add --sources for full titles and links):"),
                "the heading says how to see them in full: " + r.out());
        List<String> lines = sourceLines(r.out());
        assertEquals(sources.size(), lines.size(), "one line a source: " + lines);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String url = sources.get(i).get("url").asText();
            String title = sources.get(i).get("title").asText();
            Matcher link = LINK.matcher(line);
            assertTrue(link.find(), "a link: " + line);
            assertEquals(url, link.group(1), "the link leads to the source");
            String shown = link.group(2);
            assertTrue(
                    shown.equals(title)
                            || (shown.endsWith("\u2026") && title.startsWith(shown.substring(0, shown.length() - 1))),
                    "the title, cut with an ellipsis if need be: " + shown);
            assertTrue(width(line) <= 80, "fits 80 columns: " + visible(line));
            String host = url.replaceFirst("https://(www\\.)?", "").replaceFirst("[/?].*", "");
            assertTrue(visible(line).endsWith(" (" + host + ")"), "the host in plain text: " + visible(line));
            assertFalse(visible(line).contains("https://"), "no address in the short line: " + line);
        }
        assertTrue(
                lines.stream().anyMatch(l -> LINK.matcher(l).results().anyMatch(m -> m.group(2)
                        .endsWith("\u2026"))),
                "at 80 columns some long titles are cut");
    }

    @Test
    void pipedOutputGivesFullTitlesAndWholeAddresses() throws Exception {
        for (String command : List.of("info", "risks", "stop")) {
            Result r = new Cli().run(command, "baricitinib");
            assertFalse(r.out().contains(ESC), "no escapes in a pipe");
            assertFalse(r.out().contains("add --sources"), r.out());
            String prose = String.join(" ", r.out().split("\\s+"));
            for (JsonNode source : sources(command, "baricitinib")) {
                String url = source.get("url").asText();
                assertTrue(r.out().lines().anyMatch(l -> l.contains("<" + url + ">")), "whole on one line: " + url);
                assertTrue(prose.contains(source.get("title").asText()), "the full title: " + source);
            }
        }
    }

    @Test
    void sourcesOptionOnATerminalGivesThemInFull() throws Exception {
        Result r = new Cli().terminal(true).run("info", "baricitinib", "--sources");
        assertEquals(0, r.code(), r::toString);
        assertFalse(LINK.matcher(r.out()).find(), "full addresses, no links: " + r.out());
        assertTrue(r.out().contains(ESC + "[1m"), "still coloured on the terminal");
        for (JsonNode source : sources("info", "baricitinib")) {
            String url = source.get("url").asText();
            assertTrue(r.out().lines().anyMatch(l -> l.contains("<" + url + ">")), url);
        }
        assertEquals(
                new Cli().run("info", "baricitinib").out(),
                SGR.matcher(r.out()).replaceAll(""),
                "the same as piped, but for the colour");
    }

    @Test
    void otherFormatsOnATerminalGiveSourcesInFull() throws Exception {
        for (String format : List.of("markdown", "html", "json")) {
            Result r = new Cli().terminal(true).run("risks", "baricitinib", "--format", format);
            assertEquals(0, r.code(), r::toString);
            assertFalse(r.out().contains(ESC), format);
            for (JsonNode source : sources("risks", "baricitinib")) {
                String unescaped = r.out().replace("&#x3D;", "=").replace("&amp;", "&");
                assertTrue(unescaped.contains(source.get("url").asText()), format + ": " + source);
            }
        }
    }

    @Test
    void withoutColourATerminalGetsShortLinesAndNoEscapesAtAll() throws Exception {
        int count = sources("risks", "baricitinib").size();
        List<Cli> quiet = List.of(
                new Cli().terminal(true).env("NO_COLOR", "1"),
                new Cli().terminal(true).env("TERM", "dumb"),
                new Cli().terminal(true));
        for (int i = 0; i < quiet.size(); i++) {
            Result r = i == 2
                    ? quiet.get(i).run("risks", "baricitinib", "--color", "never")
                    : quiet.get(i).run("risks", "baricitinib");
            assertFalse(r.out().contains(ESC), "links follow the colour rule: " + r.out());
            List<String> lines = sourceLines(r.out());
            assertEquals(count, lines.size(), "still one line a source: " + lines);
            lines.forEach(l -> assertTrue(l.matches("  - .+ \\([a-z0-9.-]+\\)"), "title and host: " + l));
        }
    }

    @Test
    void aNarrowTerminalStillGivesOneLineASource() throws Exception {
        int count = sources("risks", "baricitinib").size();
        for (int width = 20; width <= 40; width += 5) {
            Result r = new Cli().terminal(true).run("risks", "baricitinib", "--width", String.valueOf(width));
            List<String> lines = sourceLines(r.out());
            assertEquals(count, lines.size(), "at " + width + ": " + lines);
            for (String line : lines) {
                assertTrue(width(line) <= width, "at " + width + ": " + visible(line));
                assertTrue(LINK.matcher(line).find(), "still a link at " + width + ": " + line);
            }
        }
    }

    /**
     * Every web address in every bundled document, text or source, stands whole on one line at
     * every width from 20 to 120, piped or on a terminal with --sources; and a line wider than the
     * width holds nothing but one such long word.
     */
    @Test
    void noWidthEverBreaksAWebAddress() throws Exception {
        List<String> drugs =
                new Cli().run("list").out().lines().map(l -> l.split("\t")[0]).toList();
        assertTrue(drugs.size() >= 9, drugs::toString);
        List<String> all = new ArrayList<>(List.of("--color", "never"));
        List<String> commands = List.of("info", "risks", "stop", "screen");
        for (String command : commands) {
            List<String> args = new ArrayList<>(List.of(command));
            args.addAll(drugs);
            List<String> json = new ArrayList<>(args);
            json.addAll(List.of("--format", "json"));
            Set<String> urls = new LinkedHashSet<>();
            Matcher m = URL.matcher(new Cli().run(json.toArray(String[]::new)).out());
            while (m.find()) urls.add(m.group());
            assertTrue(urls.size() > drugs.size(), command + ": " + urls);
            args.addAll(all);
            // Every width from 20 to 120 is tried, each by one command in turn (every command
            // meets about 25 widths, on a terminal and piped), rather than all four at each.
            for (int width = 20 + commands.indexOf(command); width <= 120; width += commands.size()) {
                List<String> run = new ArrayList<>(args);
                run.addAll(List.of("--width", String.valueOf(width)));
                boolean terminal = (width / commands.size()) % 2 == 1;
                Cli cli = terminal ? new Cli().terminal(true) : new Cli();
                if (terminal) run.add("--sources");
                Result r = cli.run(run.toArray(String[]::new));
                assertTrue(r.code() == 0 || command.equals("screen"), r::toString);
                List<String> lines = r.out().lines().toList();
                for (String url : urls) {
                    assertTrue(
                            lines.stream().anyMatch(l -> l.contains(url)),
                            command + " at " + width + ": " + url + " is broken");
                }
                for (String line : lines) {
                    assertTrue(
                            line.codePointCount(0, line.length()) <= width
                                    || !line.strip().replaceFirst("^[-!] ", "").contains(" "),
                            command + " at " + width + ": " + line);
                }
            }
        }
    }

    @Test
    void aTerminalWiderThan100WrapsProseAt100() {
        Result wide = new Cli().terminal(true).env("COLUMNS", "200").run("info", "baricitinib", "--sources");
        int longest = wide.out()
                .lines()
                .filter(l -> !l.contains("https://"))
                .mapToInt(SourcesAndLinksTest::width)
                .max()
                .orElse(0);
        assertTrue(longest <= 100 && longest > 90, "COLUMNS=200 wraps at 100, longest " + longest);
        int narrower = new Cli()
                .env("COLUMNS", "90")
                .run("info", "baricitinib")
                .out()
                .lines()
                .filter(l -> !l.contains("https://"))
                .mapToInt(String::length)
                .max()
                .orElse(0);
        assertTrue(narrower <= 90 && narrower > 80, "COLUMNS=90 wraps at 90, longest " + narrower);
        int chosen = new Cli()
                .env("COLUMNS", "200")
                .run("info", "baricitinib", "--width", "150")
                .out()
                .lines()
                .filter(l -> !l.contains("https://"))
                .mapToInt(String::length)
                .max()
                .orElse(0);
        assertTrue(chosen <= 150 && chosen > 100, "--width 150 still goes past 100, longest " + chosen);
    }

    @Test
    void aHostileSiteSheetCannotMakeLinksOrEscapesOfItsOwn() {
        Cli cli = new Cli().terminal(true);
        cli.write("site/facts.yaml", TestSheets.FACTS);
        cli.write(
                "site/drugs/testamab.yaml",
                TestSheets.drug("testamab", "Testa", null)
                        .replace(
                                "title: Testa label",
                                "title: \"Click \\e]8;;https://evil.example/\\e\\\\here\\e]8;;\\e\\\\ now \\e[2J\"")
                        .replace(
                                "url: https://example.org/testamab",
                                "url: \"https://example.org/a\\e]8;;https://evil.example/\\e\\\\b\""));
        Result r = cli.run("info", "testamab", "--data", "site");
        assertEquals(0, r.code(), r::toString);
        List<String> lines = sourceLines(r.out());
        assertEquals(1, lines.size(), lines::toString);
        Matcher link = LINK.matcher(lines.get(0));
        assertTrue(link.find(), lines.get(0));
        assertEquals("https://example.org/a%1B]8;;https://evil.example/%1B\\b", link.group(1), "the address, defused");
        assertTrue(link.group(2).startsWith("Click \uFFFD]8;;https://evil.example/"), link.group(2));
        assertFalse(link.group(2).contains(ESC), "the sheet's escapes are made harmless");
        String rest = SGR.matcher(LINK.matcher(r.out()).replaceAll("")).replaceAll("");
        assertFalse(rest.contains(ESC), "no escape but medcounsel's own links and colours: " + rest);
        assertEquals(1, LINK.matcher(r.out()).results().count(), "one link, the source's");
    }
}
