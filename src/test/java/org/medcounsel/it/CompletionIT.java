package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.medcounsel.TestSheets;

/**
 * The committed completion scripts as a person meets them: an interactive bash and zsh in tmux,
 * a line typed, Tab pressed, and what the line became or what was listed read off the screen.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own folder, tmux server and shell
class CompletionIT {
    @TempDir
    Path tmp;

    Map<String, String> env;

    @BeforeEach
    void folders() throws Exception {
        Path bin = Tools.binDir(tmp);
        env = new HashMap<>(Map.of(
                "PATH",
                bin + ":" + System.getenv("PATH"),
                "HOME",
                tmp.toString(),
                "XDG_CACHE_HOME",
                tmp.resolve("cache").toString(),
                "TERM",
                "xterm-256color"));
        Files.createDirectories(tmp.resolve("sitedata/drugs"));
        Files.createDirectories(tmp.resolve("output"));
        Files.writeString(tmp.resolve("patient.yaml"), "age: 70\n");
        Files.writeString(tmp.resolve("sitedata/drugs/testamab.yaml"), TestSheets.drug("testamab", "Testix", null));
    }

    /** An interactive bash or zsh in tmux, with the committed script loaded and the prompt "sh> ". */
    Tools.Tmux shell(String which) throws Exception {
        Tools.require("tmux");
        Tools.require(which);
        Map<String, String> shellEnv = new HashMap<>(env);
        Tools.Tmux tmux;
        if (which.equals("bash")) {
            Files.writeString(
                    tmp.resolve("bashrc"),
                    "source " + Tools.ROOT.resolve("completions/medcounsel.bash") + "\nPS1='sh> '\n");
            tmux = new Tools.Tmux(
                    tmp,
                    shellEnv,
                    120,
                    40,
                    "bash",
                    "--noprofile",
                    "--rcfile",
                    tmp.resolve("bashrc").toString(),
                    "-i");
        } else if (which.equals("fish")) {
            Path completions = Files.createDirectories(tmp.resolve(".config/fish/completions"));
            Files.copy(
                    Tools.ROOT.resolve("completions/medcounsel.fish"),
                    completions.resolve("medcounsel.fish"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(
                    tmp.resolve(".config/fish/config.fish"),
                    "function fish_prompt; echo -n 'sh> '; end\nset -g fish_greeting\n");
            shellEnv.put("XDG_CONFIG_HOME", tmp.resolve(".config").toString());
            // On its first start fish builds completions from every man page in the background,
            // writing into the test's folder while it is being removed; it skips that when the
            // folder is already there.
            Path data = Files.createDirectories(tmp.resolve(".local/share/fish/generated_completions"));
            shellEnv.put("XDG_DATA_HOME", data.getParent().getParent().toString());
            tmux = new Tools.Tmux(tmp, shellEnv, 120, 40, "fish");
        } else {
            Path fpath = Files.createDirectories(tmp.resolve("zfunc"));
            Files.copy(
                    Tools.ROOT.resolve("completions/_medcounsel"),
                    fpath.resolve("_medcounsel"),
                    StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(
                    tmp.resolve(".zshrc"),
                    "fpath=(" + fpath + " $fpath)\nautoload -U compinit\ncompinit -u\nPS1='sh> '\n");
            shellEnv.put("ZDOTDIR", tmp.toString());
            tmux = new Tools.Tmux(tmp, shellEnv, 120, 40, "zsh", "-i");
        }
        tmux.await("sh> ");
        return tmux;
    }

    /** Types {@code typed} on a clean line, presses Tab once, and returns the line it became. */
    static String tab(Tools.Tmux tmux, String typed) throws Exception {
        tmux.keys("C-u");
        tmux.keys("C-l");
        tmux.type(typed);
        tmux.keys("Tab");
        // Keys are handled in order: the marker shows once completion has finished.
        tmux.type("@@");
        String pane = tmux.await("@@");
        String line =
                pane.lines().filter(l -> l.contains("@@")).reduce((a, b) -> b).orElseThrow();
        return line.substring(line.indexOf("sh> ") + 4, line.indexOf("@@"));
    }

    /** Types {@code typed}, asks for the list (Tab twice in bash, once in zsh), and returns the screen once it shows {@code shown}. */
    static String list(Tools.Tmux tmux, String which, String typed, String... shown) throws Exception {
        tmux.keys("C-u");
        tmux.keys("C-l");
        tmux.type(typed);
        tmux.keys("Tab");
        if (which.equals("bash")) tmux.keys("Tab");
        String pane = "";
        for (String s : shown) pane = tmux.await(s);
        return pane;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void drugNamesMatchInAnyCaseAndComeAsPrintedOnThePack(String which) throws Exception {
        try (Tools.Tmux sh = shell(which)) {
            assertEquals("medcounsel info Olumiant ", tab(sh, "medcounsel info olu"));
            assertEquals("medcounsel risks Koselugo ", tab(sh, "medcounsel risks KOS"));
            assertEquals("medcounsel info baricitinib ", tab(sh, "medcounsel info Bari"));
            assertEquals(
                    "medcounsel leaflet --all --out output Olumiant ",
                    tab(sh, "medcounsel leaflet --all --out output olu"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void multiWordBrandsAreQuotedAsTheLineNeeds(String which) throws Exception {
        try (Tools.Tmux sh = shell(which)) {
            assertEquals("medcounsel info Xeljanz\\ XR ", tab(sh, "medcounsel info xeljanz\\ x"));
            assertEquals("medcounsel info 'Xeljanz XR' ", tab(sh, "medcounsel info 'xeljanz x"));
            assertEquals("medcounsel info \"Rinvoq LQ\" ", tab(sh, "medcounsel info \"rinvoq l"));
            String pane = list(sh, which, "medcounsel info Xeljanz", "Xeljanz XR");
            assertTrue(pane.contains("Xeljanz"), pane);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void optionValuesCompleteAfterASpaceOrAnEqualsSign(String which) throws Exception {
        try (Tools.Tmux sh = shell(which)) {
            assertEquals("medcounsel info --format=markdown ", tab(sh, "medcounsel info --format=ma"));
            assertEquals("medcounsel info --format markdown ", tab(sh, "medcounsel info --format ma"));
            assertEquals("medcounsel check --schema=synonyms ", tab(sh, "medcounsel check --schema=syn"));
            assertEquals("medcounsel help screen ", tab(sh, "medcounsel help scr"));
            assertEquals("medcounsel info olumiant --lang zh-Hans ", tab(sh, "medcounsel info olumiant --lang zh"));
            assertEquals("medcounsel leaflet --lang=zh-Hans ", tab(sh, "medcounsel leaflet --lang=zh"));
            String pane = list(sh, which, "medcounsel stop --color=", "always", "never");
            assertTrue(pane.contains("auto"), pane);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh", "fish"})
    void factKeysThenTheirValuesOrWhatANumberTakes(String which) throws Exception {
        try (Tools.Tmux sh = shell(which)) {
            assertEquals("medcounsel screen olumiant -f pregnant=", tab(sh, "medcounsel screen olumiant -f pregn"));
            assertEquals(
                    "medcounsel screen olumiant -f pregnant=yes ", tab(sh, "medcounsel screen olumiant -f pregnant=y"));
            assertEquals(
                    "medcounsel screen olumiant --fact=liver-impairment=severe ",
                    tab(sh, "medcounsel screen olumiant --fact=liver-impairment=sev"));
            assertEquals(
                    "medcounsel screen olumiant -f medicines=warfarin,digoxin ",
                    tab(sh, "medcounsel screen olumiant -f medicines=warfarin,digo"));
            String choices = list(sh, which, "medcounsel screen olumiant -f liver-impairment=", "moderate", "severe");
            assertTrue(choices.contains("mild") && choices.contains("none"), choices);
            if (which.equals("fish")) return; // fish shows no hint without a word to offer, and asks no uses
            list(sh, which, "medcounsel screen olumiant -f age=", "a number from 0 to 120 (years)");
            String uses =
                    list(sh, which, "medcounsel screen Olumiant -f use=", "rheumatoid-arthritis", "alopecia-areata");
            assertFalse(uses.contains("plexiform"), "only the drug's own uses:\n" + uses);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void filesAndFoldersWhereOptionsTakeThem(String which) throws Exception {
        try (Tools.Tmux sh = shell(which)) {
            assertEquals("medcounsel info --data sitedata/", tab(sh, "medcounsel info --data sit"));
            assertEquals("medcounsel info --data=sitedata/", tab(sh, "medcounsel info --data=sit"));
            assertEquals(
                    "medcounsel screen olumiant --patient patient.yaml ",
                    tab(sh, "medcounsel screen olumiant --patient pat"));
            assertEquals("medcounsel leaflet --all --out output/", tab(sh, "medcounsel leaflet --all --out out"));
        }
    }

    @Test
    void zshDescribesEachBrandByItsGenericName() throws Exception {
        try (Tools.Tmux sh = shell("zsh")) {
            String pane = list(sh, "zsh", "medcounsel info ", "Olumiant", "Koselugo");
            assertTrue(pane.lines().anyMatch(l -> l.matches(".*Olumiant +-- baricitinib.*")), pane);
            assertTrue(pane.lines().anyMatch(l -> l.matches(".*Koselugo +-- selumetinib.*")), pane);
            assertTrue(pane.lines().anyMatch(l -> l.matches(".*tofacitinib +-- Xeljanz, Xeljanz XR.*")), pane);
        }
    }

    /**
     * A stand-in for the tool that notes each run in a file, then runs the real launcher: so a test
     * can tell a Tab press that read the table from one that started a JVM.
     */
    Path recordingTool() throws Exception {
        Path ran = tmp.resolve("ran");
        Path bin = Files.createDirectories(tmp.resolve("recording"));
        Path tool = bin.resolve("medcounsel");
        Files.writeString(tool, "#!/bin/sh\necho \"$*\" >> '" + ran + "'\nexec '" + Tools.LAUNCHER + "' \"$@\"\n");
        tool.toFile().setExecutable(true);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        return ran;
    }

    @ParameterizedTest
    @ValueSource(strings = {"bash", "zsh"})
    void aWarmTableAnswersWithoutTheToolAndAChangedFolderAsksItAgain(String which) throws Exception {
        Path ran = recordingTool();
        // The table is dated a second before the sheets were read, so that a sheet changed in
        // that second is never missed; a folder changed less than two seconds ago reads as stale.
        // The site folder was made just now: dated ten seconds back, as if made before.
        age(tmp.resolve("sitedata"));
        try (Tools.Tmux sh = shell(which)) {
            String pane = list(sh, which, "medcounsel info --data sitedata test", "Testix", "testamab");
            assertTrue(Files.exists(ran), "no table yet: the tool made it\n" + pane);
            Files.delete(ran);
            assertEquals("medcounsel info --data sitedata Testix ", tab(sh, "medcounsel info --data sitedata testi"));
            assertEquals("medcounsel info --data=sitedata Testix ", tab(sh, "medcounsel info --data=sitedata testi"));
            assertEquals(
                    "medcounsel screen x --data sitedata -f pregnant=",
                    tab(sh, "medcounsel screen x --data sitedata -f pregn"));
            assertFalse(Files.exists(ran), "the warm site table was read without the tool");
            // A sheet added to the site folder: the table is stale, the tool is asked and remakes it.
            Files.writeString(tmp.resolve("sitedata/drugs/newamab.yaml"), TestSheets.drug("newamab", "Newix", null));
            assertEquals("medcounsel info --data sitedata Newix ", tab(sh, "medcounsel info --data sitedata newi"));
            assertEquals(1, Files.readAllLines(ran).size(), "the stale table made the tool run once");
            assertTrue(
                    Files.readString(ran).startsWith("__complete table --data " + tmp.resolve("sitedata")),
                    Files.readString(ran));
            Files.delete(ran);
            age(tmp.resolve("sitedata")); // the folder's change now older than the remade table
            tab(sh, "medcounsel info --data sitedata newi"); // (remade if it still read as stale)
            if (Files.exists(ran)) Files.delete(ran);
            assertEquals("medcounsel info --data sitedata Newix ", tab(sh, "medcounsel info --data sitedata newi"));
            assertFalse(Files.exists(ran), "and the remade table is read without it");
        }
    }

    /** Dates a folder and everything in it ten seconds back (instead of waiting for it to age). */
    static void age(Path folder) throws Exception {
        FileTime past = FileTime.from(Instant.now().minusSeconds(10));
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.toList()) Files.setLastModifiedTime(p, past);
        }
    }

    /** What bash offers for the line, completing its last word (COMP_WORDS set by hand, no readline). */
    List<String> bash(String line) throws Exception {
        List<String> words = Arrays.asList(line.split(" ", -1));
        StringBuilder array = new StringBuilder();
        for (String w : words) array.append("'").append(w).append("' ");
        String script = "source " + Tools.ROOT.resolve("completions/medcounsel.bash") + "\n"
                + "COMP_WORDS=(" + array + ")\n"
                + "COMP_CWORD=" + (words.size() - 1) + "\n"
                + "COMP_LINE='" + line + "'; COMP_POINT=${#COMP_LINE}\n"
                + "_medcounsel medcounsel \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\"\n"
                + "printf '%s\\n' \"${COMPREPLY[@]}\"\n";
        String out = Tools.run(tmp, env, "bash", "--norc", "--noprofile", "-c", script);
        return out.lines()
                .filter(l -> !l.isBlank() && !l.contains("compopt"))
                .sorted()
                .toList();
    }

    /**
     * A site sheet whose brand is shell code, and the file it would create if ever run. The tool
     * never offers such a name, and the script never evaluates what it reads.
     */
    Path hostileBrand() throws Exception {
        Path pwned = tmp.resolve("pwned");
        Files.createDirectories(tmp.resolve("hostile/drugs"));
        Files.writeString(
                tmp.resolve("hostile/drugs/evilamab.yaml"), TestSheets.drug("evilamab", "x$(>" + pwned + ")", null));
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
        assertEquals(List.of("Xeljanz", "Xeljanz XR"), bash("medcounsel info --data hostile x"));
        assertFalse(Files.exists(pwned), "Tab ran the brand's $(...)");
    }

    @Test
    void bashNeverEvaluatesWhatTheTableHolds() throws Exception {
        Tools.require("bash");
        // A stand-in tool whose table offers shell code: the script alone must keep it from running.
        Path pwned = tmp.resolve("pwned");
        Path bin = Files.createDirectories(tmp.resolve("stub"));
        Path stub = bin.resolve("medcounsel");
        String us = "\u001f";
        Files.writeString(
                stub,
                "#!/bin/sh\nprintf '%s\\n' '#medcounsel-complete 1' '#data' '#watch'"
                        + " 'd" + us + "xylo\txylo\t\txylo'"
                        + " 'd" + us + "x$(touch$IFS" + pwned + ")\tx$(touch$IFS" + pwned + ")\t\tx'"
                        + " 'd" + us + "x`touch$IFS" + pwned + "`\tx`touch$IFS" + pwned + "`\t\tx'\n");
        stub.toFile().setExecutable(true);
        env.put("PATH", bin + ":" + System.getenv("PATH"));
        env.put("XDG_CACHE_HOME", tmp.resolve("nocache").toString());
        List<String> offered = bash("medcounsel info x");
        assertFalse(Files.exists(pwned), "Tab ran the table's $(...) or `...`");
        assertTrue(offered.contains("xylo"), offered.toString());
        assertTrue(
                offered.contains("x$(touch$IFS" + pwned + ")"), "offered as text, for readline to quote: " + offered);
        bash("medcounsel info ");
        assertFalse(Files.exists(pwned), "Tab ran the table's `...`");
    }

    @Test
    void zshNeverRunsOrOffersABrandFromASiteSheetOnTab() throws Exception {
        Path pwned = hostileBrand();
        try (Tools.Tmux sh = shell("zsh")) {
            String pane = list(sh, "zsh", "medcounsel info --data hostile x", "Xeljanz");
            sh.type("#done");
            pane = sh.await("#done");
            assertFalse(Files.exists(pwned), "Tab ran the brand's $(...)");
            assertFalse(pane.contains("pwned"), "a brand that is shell code is not offered:\n" + pane);
        }
    }
}
