package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
        try (Tools.Tmux tmux = zsh()) {
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

    /**
     * A site sheet whose brand is shell code, the file it would create if ever run. Names are
     * matched in lower case and split at spaces, so the code needs neither: a bare redirection.
     */
    Path hostileBrand() throws Exception {
        Path pwned = tmp.resolve("pwned");
        Files.createDirectories(tmp.resolve("hostile/drugs"));
        Files.writeString(
                tmp.resolve("hostile/drugs/evilamab.yaml"),
                org.medcounsel.TestSheets.drug("evilamab", "x$(>" + pwned + ")", null));
        return pwned;
    }

    @Test
    void bashNeverRunsABrandFromASiteSheetOnTab() throws Exception {
        Tools.require("bash");
        Path pwned = hostileBrand();
        List<String> offered = bash("medcounsel info --data hostile ");
        assertFalse(Files.exists(pwned), "Tab ran the brand's $(...)");
        assertTrue(offered.contains("evilamab") && offered.contains("baricitinib"), offered.toString());
        assertFalse(offered.stream().anyMatch(w -> w.contains("pwned")), "a brand that is shell code is not offered");
        assertEquals(List.of("xeljanz"), bash("medcounsel info --data hostile x"));
        assertFalse(Files.exists(pwned), "Tab ran the brand's $(...)");
    }

    @Test
    void bashQuotesWhatTheToolOffersEvenIfItWereShellCode() throws Exception {
        Tools.require("bash");
        // A stand-in tool that offers shell code: the script alone must keep it from running.
        Path pwned = tmp.resolve("pwned");
        Path bin = Files.createDirectories(tmp.resolve("stub"));
        Path stub = bin.resolve("medcounsel");
        Files.writeString(
                stub, "#!/bin/sh\nprintf '%s\\n' 'xylo' 'x$(touch$IFS" + pwned + ")' '`touch$IFS" + pwned + "`'\n");
        stub.toFile().setExecutable(true);
        Map<String, String> saved = env;
        env = Map.of("PATH", bin + ":" + System.getenv("PATH"), "HOME", tmp.toString());
        try {
            List<String> offered = bash("medcounsel info x");
            assertFalse(Files.exists(pwned), "Tab ran the tool's $(...)");
            assertTrue(offered.contains("xylo"), offered.toString());
            assertTrue(offered.contains("x\\$\\(touch\\$IFS" + pwned + "\\)"), "inserted quoted: " + offered);
            bash("medcounsel info ");
            assertFalse(Files.exists(pwned), "Tab ran the tool's `...`");
        } finally {
            env = saved;
        }
    }

    @Test
    void zshNeverRunsOrOffersABrandFromASiteSheetOnTab() throws Exception {
        Tools.require("zsh");
        Tools.require("tmux");
        Path pwned = hostileBrand();
        try (Tools.Tmux tmux = zsh()) {
            tmux.type("medcounsel info --data hostile x");
            tmux.keys("Tab");
            // Keys are handled in order: the marker shows once completion has finished.
            tmux.type("#done");
            String pane = tmux.await("#done");
            assertFalse(Files.exists(pwned), "Tab ran the brand's $(...)");
            assertFalse(pane.contains("pwned"), "a brand that is shell code is not offered:\n" + pane);
            assertTrue(pane.contains("xeljanz"), "the real names still are:\n" + pane);
        }
    }

    /** An interactive zsh in tmux with the committed completion script on its fpath. */
    Tools.Tmux zsh() throws Exception {
        Path fpath = Files.createDirectories(tmp.resolve("zfunc"));
        Files.copy(
                Tools.ROOT.resolve("completions/_medcounsel"),
                fpath.resolve("_medcounsel"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(
                tmp.resolve(".zshrc"),
                "fpath=(" + fpath + " $fpath)\nautoload -U compinit\ncompinit -u\n" + "PS1='zsh> '\n");
        Map<String, String> zenv = new java.util.HashMap<>(env);
        zenv.put("ZDOTDIR", tmp.toString());
        Tools.Tmux tmux = new Tools.Tmux(tmp, zenv, 120, 40, "zsh", "-i");
        tmux.await("zsh> ");
        return tmux;
    }
}
