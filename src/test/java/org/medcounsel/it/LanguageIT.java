package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real launcher on a real terminal (tmux) in a Chinese locale: the language comes from the
 * locale, and every line fits the terminal's width, counted in the columns a Chinese character
 * takes there (two), so the terminal never has to wrap a line itself.
 */
class LanguageIT {
    @Test
    void aChineseLocaleCounselsInChineseAndEveryLineFitsTheTerminal(@TempDir Path tmp) throws Exception {
        Tools.require("tmux");
        Map<String, String> env = Map.of(
                "TERM", "xterm-256color",
                "LC_CTYPE", "C.UTF-8",
                "LC_MESSAGES", "zh_CN.UTF-8",
                "MEDCOUNSEL_PAGER", "",
                "PS1", "$ ");
        int width = 52;
        try (Tools.Tmux tmux = new Tools.Tmux(tmp, env, width, 40, "bash", "--norc", "--noprofile", "-i")) {
            tmux.await("$ ");
            tmux.type(Tools.LAUNCHER + " risks baricitinib; echo END-$?");
            tmux.keys("Enter");
            tmux.await("END-0");
            // Without -J: the rows as the terminal shows them; with -J, rows the terminal
            // wrapped are joined again. The same rows both ways: nothing was wrapped.
            String rows =
                    Tools.run(tmp, env, "tmux", "-S", tmux.socket, "capture-pane", "-p", "-S", "-2000", "-t", "0");
            String joined = tmux.screen().replaceAll("(?s)^.*?\\n(?=Baricitinib)", "");
            List<String> shown = rows.lines()
                    .dropWhile(l -> !l.startsWith("Baricitinib"))
                    .takeWhile(l -> !l.startsWith("END-"))
                    .toList();
            List<String> logical =
                    joined.lines().takeWhile(l -> !l.startsWith("END-")).toList();
            assertTrue(shown.size() > 50, rows);
            assertEquals(logical, shown, "a line the terminal had to wrap");
            String all = String.join("\n", shown);
            assertTrue(all.contains("紧急求助"), all);
            assertTrue(all.contains("此译文尚未经过以中文为母语的药剂师核对。"), all);
            assertFalse(all.contains("Get urgent help"), all);
        }
    }
}
