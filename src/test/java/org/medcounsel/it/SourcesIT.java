package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher at a real 200-column terminal (tmux): prose wraps at 100, each source is one short
 * line with its host and no address; the same command into a file gets 80 columns and every
 * address whole.
 */
class SourcesIT {
    @Test
    void aWideTerminalGetsShortSourcesAndAFileGetsThemWhole(@TempDir Path tmp) throws Exception {
        Tools.require("tmux");
        String command = Tools.LAUNCHER + " risks baricitinib; echo END-OF-RISKS; " + Tools.LAUNCHER
                + " risks baricitinib > piped.txt; echo $? > code.txt; sleep 60";
        // A pager (if one is ever set up for long output) must not hold the page.
        Map<String, String> env = Map.of("TERM", "xterm-256color", "MEDCOUNSEL_PAGER", "cat", "PAGER", "cat");
        String screen;
        try (Tools.Tmux tmux = new Tools.Tmux(tmp, env, 200, 60, "bash", "-c", command)) {
            screen = tmux.await("END-OF-RISKS");
            long end = System.nanoTime() + 60_000_000_000L;
            while (!Files.exists(tmp.resolve("code.txt")) && System.nanoTime() < end) Thread.sleep(100);
        }
        List<String> lines = screen.lines()
                .map(String::stripTrailing)
                .takeWhile(l -> !l.equals("END-OF-RISKS"))
                .toList();
        assertTrue(lines.stream().allMatch(l -> l.length() <= 100), "at most 100 columns:\n" + screen);
        assertTrue(lines.stream().anyMatch(l -> l.length() > 90), "but as wide as 100:\n" + screen);
        assertTrue(screen.contains("Sources (add --sources for full titles and links):"), screen);
        assertFalse(screen.contains("https://"), "no addresses on the terminal:\n" + screen);
        assertTrue(
                lines.stream()
                                .filter(l -> l.matches("  - .+ \\(ema\\.europa\\.eu\\)"))
                                .count()
                        >= 2,
                "one short line a source, with its host:\n" + screen);

        assertEquals("0", Files.readString(tmp.resolve("code.txt")).strip());
        List<String> file = Files.readAllLines(tmp.resolve("piped.txt"));
        assertTrue(
                file.contains("    <https://dailymed.nlm.nih.gov/dailymed/search.cfm?labeltype=all&query=OLUMIANT>"),
                "the address whole on its own line: " + file);
        assertTrue(
                file.stream().filter(l -> !l.contains("https://")).allMatch(l -> l.length() <= 80),
                "a file is 80 columns wide, whatever the terminal: " + file);
        assertFalse(String.join("\n", file).contains("\u001b"), "and has no escapes");
    }
}
