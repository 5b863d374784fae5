package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** bin/medcounsel shell, driven through tmux as a pharmacist would type at it. */
@Execution(ExecutionMode.CONCURRENT) // each test has its own folder and tmux server
class ShellIT {
    @Test
    void tabCompletesBrandsInAnyCaseAndFactValues(@TempDir Path tmp) throws Exception {
        Tools.require("tmux");
        Map<String, String> env = Map.of("MEDCOUNSEL_HISTORY", "off", "TERM", "xterm-256color");
        try (Tools.Tmux tmux = new Tools.Tmux(tmp, env, 100, 50, Tools.LAUNCHER.toString(), "shell")) {
            tmux.await("medcounsel> ");
            tmux.type("brief olu");
            tmux.keys("Tab");
            tmux.await("medcounsel> brief Olumiant");
            tmux.keys("C-u");
            tmux.type("brief rinvoq\\ l");
            tmux.keys("Tab");
            tmux.await("medcounsel> brief Rinvoq\\ LQ");
            tmux.keys("Enter");
            tmux.await("Upadacitinib (Rinvoq, Rinvoq LQ) - At the counter");
            tmux.type("screen olumiant -f pregnant=");
            tmux.keys("Tab");
            String pane = tmux.await("pregnant=yes");
            assertTrue(pane.contains("pregnant=no") && pane.contains("yes or no"), pane);
        }
    }

    @Test
    void typeInfoBariTabEnterThenExit(@TempDir Path tmp) throws Exception {
        Tools.require("tmux");
        Map<String, String> env = Map.of("XDG_STATE_HOME", tmp.resolve("state").toString(), "TERM", "xterm-256color");
        try (Tools.Tmux tmux = new Tools.Tmux(tmp, env, 100, 50, Tools.LAUNCHER.toString(), "shell")) {
            tmux.await("medcounsel> ");
            tmux.type("info bari");
            tmux.keys("Tab");
            tmux.await("medcounsel> info baricitinib");
            tmux.keys("Enter");
            String pane = tmux.await("does not replace, the advice of the prescriber.\nmedcounsel> ");
            assertTrue(pane.contains("Baricitinib (Olumiant) - About this medicine"), pane);
            assertTrue(pane.contains("If you miss a dose"), pane);
            // Ctrl-C cancels a half-typed line; a failing command does not end the shell.
            tmux.type("risks olu");
            tmux.await("medcounsel> risks olu");
            int prompts = tmux.screen().split("medcounsel> ", -1).length;
            tmux.keys("C-c");
            long wait = System.nanoTime() + 20_000_000_000L;
            while (tmux.screen().split("medcounsel> ", -1).length == prompts && System.nanoTime() < wait) {
                Thread.sleep(100);
            }
            tmux.type("stop nothing");
            tmux.keys("Enter");
            tmux.await("medcounsel: no drug sheet for 'nothing'");
            // help COMMAND, a line pasted with its leading medcounsel, and a word that is no command.
            tmux.type("help brief");
            tmux.keys("Enter");
            tmux.await("Usage: medcounsel brief");
            tmux.type("medcounsel brief koselugo");
            tmux.keys("Enter");
            tmux.await("Selumetinib (Koselugo) - At the counter");
            tmux.type("frobnicate");
            tmux.keys("Enter");
            tmux.await("medcounsel: unknown command 'frobnicate' (type help)");
            tmux.type("exit");
            tmux.keys("Enter");
            long end = System.nanoTime() + 20_000_000_000L;
            while (tmux.alive() && System.nanoTime() < end) Thread.sleep(100);
            assertFalse(tmux.alive(), "the shell ended on exit");
        }
        String history = Files.readString(tmp.resolve("state/medcounsel/history"));
        assertTrue(history.contains("info baricitinib"), history);
        assertFalse(history.contains("risks olu"), "a cancelled line is not kept: " + history);
    }

    @Test
    void ctrlCCancelsARunningCommandAndTheShellGoesOn(@TempDir Path tmp) throws Exception {
        Tools.require("tmux");
        Path sheets = Tools.syntheticSheets();
        Path out = tmp.resolve("out");
        Map<String, String> env = Map.of("MEDCOUNSEL_HISTORY", "off", "TERM", "xterm-256color");
        try (Tools.Tmux tmux = new Tools.Tmux(tmp, env, 100, 40, Tools.LAUNCHER.toString(), "shell")) {
            tmux.await("medcounsel> ");
            tmux.type("leaflet --all --data " + sheets + " --out " + out + " -q");
            tmux.keys("Enter");
            long started = System.nanoTime();
            long end = started + 60_000_000_000L;
            while (InterruptIT.count(out) < 200 && System.nanoTime() < end) Thread.sleep(10);
            assertTrue(InterruptIT.count(out) >= 200, "the batch started:\n" + tmux.screen());
            // How long this machine, as loaded as it is now, took to write 50 leaflets.
            long fifty = (System.nanoTime() - started) / InterruptIT.count(out) * 50;
            tmux.keys("C-c");
            String pane = tmux.await("medcounsel: cancelled\nmedcounsel> ");
            // Stopped, not just hidden: nothing more is written in the time 50 more would take.
            long stopped = InterruptIT.count(out);
            TimeUnit.NANOSECONDS.sleep(Math.max(fifty, TimeUnit.MILLISECONDS.toNanos(200)));
            assertTrue(InterruptIT.count(out) == stopped && stopped < 4001, "the batch stopped at " + stopped);
            try (Stream<Path> files = Files.list(out)) {
                for (Path f : files.toList()) {
                    String name = f.getFileName().toString();
                    if (name.equals(".leaflets")) continue;
                    assertFalse(name.startsWith("."), "no temporary file or lock left: " + name);
                    assertTrue(Files.readString(f).endsWith("</html>\n"), "whole file: " + name);
                }
            }
            InterruptIT.wholeDescriptions(out);
            assertFalse(Files.exists(out.resolve("index.html")), "no index for a cancelled batch");
            assertTrue(pane.contains("medcounsel> leaflet --all"), pane);
            // The shell goes on.
            tmux.type("brief koselugo");
            tmux.keys("Enter");
            tmux.await("Selumetinib (Koselugo) - At the counter");
            assertEquals(stopped, InterruptIT.count(out), "nothing written while the next command ran");
        }
    }

    @Test
    void scriptsPipeCommandsIntoTheShell(@TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("cmds"), "info olumiant\n# comment\nrisks koselugo\n");
        String out = Tools.run(tmp, Map.of(), "bash", "-c", Tools.LAUNCHER + " shell < " + script + "; echo exit=$?");
        assertTrue(out.contains("Baricitinib (Olumiant) - About this medicine"), out);
        assertTrue(out.contains("Selumetinib (Koselugo) - Side effects and risks"), out);
        assertTrue(out.strip().endsWith("exit=0"), out);
    }
}
