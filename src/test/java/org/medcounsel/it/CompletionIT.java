package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The committed completion scripts in a real bash (COMP_WORDS/COMPREPLY) and a real zsh (in tmux). */
class CompletionIT {
    @TempDir
    Path tmp;

    Map<String, String> env;

    @BeforeEach
    void folders() throws Exception {
        Path bin = Tools.binDir(tmp);
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "HOME", tmp.toString(), "TERM", "xterm-256color");
        Files.createDirectories(tmp.resolve("sitedata/drugs"));
        Files.createDirectories(tmp.resolve("output"));
        Files.writeString(tmp.resolve("patient.yaml"), "age: 70\n");
        Files.writeString(
                tmp.resolve("sitedata/drugs/testamab.yaml"),
                org.medcounsel.TestSheets.drug("testamab", "Testix", null));
    }

    /** What bash offers for the line, completing its last word. */
    List<String> bash(String line) throws Exception {
        List<String> words = Arrays.asList(line.split(" ", -1));
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append("'").append(w).append("' ");
        String script = "source " + Tools.ROOT.resolve("completions/medcounsel.bash") + "\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.size() - 1) + "\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_medcounsel\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String out = Tools.run(tmp, env, "bash", "--norc", "--noprofile", "-c", script);
        return out.lines().filter(l -> !l.isBlank()).sorted().toList();
    }

    @Test
    void bashCompletesCommandsOptionsValuesAndDrugNames() throws Exception {
        Tools.require("bash");
        assertTrue(
                bash("medcounsel ")
                        .containsAll(List.of(
                                "info", "risks", "stop", "screen", "list", "leaflet", "check", "completion", "shell")),
                bash("medcounsel ").toString());
        assertEquals(List.of("baricitinib"), bash("medcounsel info bari"));
        assertEquals(List.of("koselugo"), bash("medcounsel risks kos"));
        assertEquals(List.of("olumiant"), bash("medcounsel leaflet --all --out output olu"));
        assertEquals(List.of("--format"), bash("medcounsel stop --for"));
        assertEquals(List.of("html", "json", "markdown", "text"), bash("medcounsel info --format "));
        assertEquals(List.of("always", "auto"), bash("medcounsel screen --color a"));
        assertEquals(List.of("pregnant="), bash("medcounsel screen olumiant -f pregn"));
        assertEquals(List.of("sitedata"), bash("medcounsel info --data sit"));
        assertEquals(List.of("patient.yaml"), bash("medcounsel screen olumiant --patient pat"));
        assertEquals(List.of("output"), bash("medcounsel leaflet --all --out out"));
        assertEquals(List.of("testamab", "testix"), bash("medcounsel info --data sitedata test"));
    }

    @Test
    void zshCompletesThroughItsOwnCompletionSystem() throws Exception {
        Tools.require("zsh");
        Tools.require("tmux");
        Path fpath = Files.createDirectories(tmp.resolve("zfunc"));
        Files.copy(Tools.ROOT.resolve("completions/_medcounsel"), fpath.resolve("_medcounsel"));
        Files.writeString(
                tmp.resolve(".zshrc"),
                "fpath=(" + fpath + " $fpath)\nautoload -U compinit\ncompinit -u\n" + "PS1='zsh> '\n");
        Map<String, String> zenv = new java.util.HashMap<>(env);
        zenv.put("ZDOTDIR", tmp.toString());
        try (Tools.Tmux tmux = new Tools.Tmux(tmp, zenv, 120, 40, "zsh", "-i")) {
            tmux.await("zsh> ");
            tmux.type("medcounsel info bari");
            tmux.keys("Tab");
            tmux.await("zsh> medcounsel info baricitinib");
            tmux.keys("C-u");
            tmux.type("medcounsel risks --format ");
            tmux.keys("Tab");
            String pane = tmux.await("markdown");
            assertTrue(pane.contains("html") && pane.contains("json") && pane.contains("text"), pane);
            tmux.keys("C-c");
            tmux.type("medcounsel screen olumiant -f pregn");
            tmux.keys("Tab");
            tmux.await("medcounsel screen olumiant -f pregnant=");
            tmux.keys("C-u");
            tmux.type("medcounsel lea");
            tmux.keys("Tab");
            tmux.await("zsh> medcounsel leaflet");
        }
    }
}
