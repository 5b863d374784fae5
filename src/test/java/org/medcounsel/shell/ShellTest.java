package org.medcounsel.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.junit.jupiter.api.Test;
import org.medcounsel.Cli;
import org.medcounsel.Cli.Result;
import org.medcounsel.Main;
import org.medcounsel.TestSheets;
import org.medcounsel.cli.DataOptions;
import org.medcounsel.cli.Environment;
import org.medcounsel.cli.Prompter;
import org.medcounsel.sheet.Formulary;

/** The shell: stdin scripts through the command line, and the interactive loop on a virtual terminal. */
class ShellTest {

    @Test
    void withoutATerminalItRunsEachLineAndExits0WhenAllSucceed() {
        Result r = new Cli()
                .input("# a script\n\ninfo olumiant --width 60\n  list  \nstop koselugo\n")
                .run("shell");
        assertEquals(0, r.code(), r::toString);
        assertTrue(r.out().startsWith("Baricitinib (Olumiant) - About this medicine"), r.out());
        assertTrue(r.out().contains("\nselumetinib\tKoselugo\tMEK inhibitors\tbundled\ten, es, zh-Hans\n"), r.out());
        assertTrue(r.out().contains("Selumetinib (Koselugo) - Stopping and pausing"), r.out());
    }

    @Test
    void aScriptsErrorsNameTheirLine() {
        Result r = new Cli()
                .input("# checks\ninfo olumiant\n\nrisks nothing\nlist\n")
                .run("shell");
        assertEquals(3, r.code(), r::toString);
        assertEquals("medcounsel: stdin:4: no drug sheet for 'nothing'\n", r.err());
        assertTrue(r.out().contains("baricitinib\tOlumiant"), "the rest still ran: " + r.out());
    }

    @Test
    void aLeadingMedcounselIsIgnoredAsWhenPastedFromTheReadme() {
        Result pasted = new Cli().input("medcounsel stop koselugo --width 60\n").run("shell");
        Result typed = new Cli().input("stop koselugo --width 60\n").run("shell");
        assertEquals(0, pasted.code(), pasted::toString);
        assertEquals(typed, pasted);
        assertEquals(0, new Cli().input("medcounsel\n").run("shell").code(), "a lone medcounsel does nothing");
    }

    @Test
    void helpCommandShowsThatCommandsHelpAndHelpAloneNamesTheShellsOwnWords() {
        Result one = new Cli().input("help screen\n").run("shell");
        assertEquals(0, one.code(), one::toString);
        assertTrue(one.out().startsWith("Usage: medcounsel screen"), one.out());
        assertTrue(one.out().contains("Examples:"), one.out());
        Result all = new Cli().input("help\n").run("shell");
        assertEquals(0, all.code(), all::toString);
        assertTrue(all.out().contains("\n  brief "), "the commands: " + all.out());
        assertTrue(all.out().contains("\n  clear "), "clear: " + all.out());
        assertTrue(all.out().contains("\n  exit "), "exit: " + all.out());
    }

    @Test
    void anUnknownWordSaysTypeHelp() {
        Result r = new Cli()
                .input("frobnicate olumiant\nrsiks olumiant\nolumiant\n")
                .run("shell");
        assertEquals(2, r.code(), r::toString);
        // The same words as the one-off command (one did-you-mean): a near command, a drug, or the list.
        assertEquals(
                "medcounsel: stdin:1: unknown command 'frobnicate' (type help)\n"
                        + "medcounsel: stdin:2: unknown command 'rsiks' (did you mean 'risks'?)\n"
                        + "medcounsel: stdin:3: 'olumiant' is a drug, not a command (try 'medcounsel info olumiant'"
                        + " or 'medcounsel brief olumiant')\n",
                r.err());
        assertEquals("", r.out());
    }

    @Test
    void aFailingCommandPrintsItsErrorAndTheRestStillRun() {
        Result r = new Cli()
                .input("info nothing\nscreen olumiant -f age=80 --format json\nlist\n")
                .run("shell");
        assertEquals(3, r.code(), "the most serious outcome: the failure outranks an incomplete screening: " + r);
        assertTrue(r.err().contains("medcounsel: stdin:1: no drug sheet for 'nothing'"), r.err());
        assertTrue(r.out().contains("\"verdict\" : \"incomplete\""), r.out());
        assertTrue(r.out().contains("baricitinib\tOlumiant"), "list still ran: " + r.out());
        assertEquals(3, new Cli().input("info nothing\nlist\n").run("shell").code());
    }

    @Test
    void quotedWordsExitAndNestedShellsAreHandled() {
        Result r = new Cli()
                .input("info \"OLUMIANT\"\nshell\nexit\ninfo koselugo\n")
                .run("shell");
        assertEquals(2, r.code(), r::toString);
        assertTrue(r.out().contains("Baricitinib (Olumiant)"), r.out());
        assertTrue(r.err().contains("medcounsel: stdin:2: already in the shell"), r.err());
        assertFalse(r.out().contains("Koselugo"), "nothing after exit runs");
    }

    @Test
    void sheetsAreLoadedOnceAndReloadedWhenTheirFileChanges() throws Exception {
        Cli cli = new Cli();
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
        Formulary f = new KeptFormularies()
                .open(
                        DataOptions.shelvesForCompletion(
                                Environment.of(cli.fs, Map.of(), false, Clock.systemUTC(), Prompter.NONE),
                                List.of("site")),
                        Optional.empty());
        var first = f.loadDrug("testamab");
        assertTrue(first == f.loadDrug("testamab"), "kept, not loaded again");
        // The file changes, and its time says so (however coarse the clock, however fast the test).
        Path sheet = cli.fs.getPath("site/drugs/testamab.yaml");
        FileTime was = Files.getLastModifiedTime(sheet);
        cli.write("site/drugs/testamab.yaml", TestSheets.drug("testamab", "Renamed", null));
        Files.setLastModifiedTime(sheet, FileTime.fromMillis(was.toMillis() + 1000));
        assertEquals("Renamed", f.loadDrug("testamab").brands().get(0), "reloaded after the file changed");
        assertEquals("testamab", f.resolve("renamed"));
    }

    /** A shell on a virtual terminal, typed at by the test, in the background. */
    static final class Session implements AutoCloseable {
        final PipedOutputStream keys = new PipedOutputStream();
        final ByteArrayOutputStream screen = new ByteArrayOutputStream();
        final Terminal terminal;
        final CompletableFuture<Integer> exit;
        final Cli cli = new Cli();

        Session() throws Exception {
            this(Map.of("XDG_STATE_HOME", "/state"));
        }

        Session(Map<String, String> variables) throws Exception {
            PipedInputStream in = new PipedInputStream(keys);
            terminal = TerminalBuilder.builder()
                    .system(false)
                    .streams(in, screen)
                    .type("xterm")
                    .size(new Size(100, 40))
                    .encoding(StandardCharsets.UTF_8)
                    .build();
            Environment env = Environment.of(cli.fs, variables, true, Clock.systemUTC(), Prompter.NONE);
            exit = CompletableFuture.supplyAsync(() -> new Shell(terminal, env, Main.COMMANDS).run());
        }

        void type(String text) throws Exception {
            keys.write(text.getBytes(StandardCharsets.UTF_8));
            keys.flush();
        }

        String screen() {
            return screen.toString(StandardCharsets.UTF_8);
        }

        /** Waits until the screen shows {@code text}. */
        String await(String text) throws Exception {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!screen().contains(text)) {
                if (System.nanoTime() > end) throw new AssertionError("never shown: " + text + "\n" + screen());
                Thread.sleep(20);
            }
            return screen();
        }

        @Override
        public void close() throws IOException {
            keys.close();
            terminal.close();
        }
    }

    @Test
    void tabCompletesADrugNameAndTheCommandRuns() throws Exception {
        try (Session s = new Session()) {
            s.await("medcounsel> ");
            s.type("info bari\t");
            s.await("info baricitinib");
            s.type("\r");
            s.await("Baricitinib (Olumiant) - About this medicine");
            s.type("risks nothing\r");
            s.await("medcounsel: no drug sheet for 'nothing'");
            s.type("exit\r");
            assertEquals(0, s.exit.get(60, TimeUnit.SECONDS));
            String history = Files.readString(s.cli.fs.getPath("/state/medcounsel/history"));
            assertTrue(history.contains("info baricitinib") && history.contains("risks nothing"), history);
        }
    }

    @Test
    void ctrlCCancelsTheLineAndCtrlDLeaves() throws Exception {
        try (Session s = new Session()) {
            s.await("medcounsel> ");
            s.type("info olumiant");
            s.await("medcounsel> info olumiant");
            int prompts = s.screen().split("medcounsel> ", -1).length;
            // On a real terminal the tty turns Ctrl-C into SIGINT; the virtual one is sent the signal.
            s.terminal.raise(Terminal.Signal.INT);
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (s.screen().split("medcounsel> ", -1).length == prompts && System.nanoTime() < end) {
                Thread.sleep(20);
            }
            s.type("list\r");
            s.await("Rinvoq, Rinvoq LQ"); // list's last row (on a terminal, aligned columns)
            assertFalse(s.screen().contains("About this medicine"), "the cancelled line did not run");
            // Ctrl-D at the next prompt, once the list is written.
            long back = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!s.screen().stripTrailing().endsWith("medcounsel>") && System.nanoTime() < back) {
                Thread.sleep(20);
            }
            s.type("\u0004");
            assertEquals(0, s.exit.get(60, TimeUnit.SECONDS));
        }
    }

    @Test
    void screenAskWorksInsideTheShell() throws Exception {
        try (Session s = new Session()) {
            s.await("medcounsel> ");
            s.type("screen olumiant --ask --format json\r");
            s.await("How old are you?");
            s.type("80\r");
            s.await("Do you smoke");
            s.type("\u0004");
            s.await("\"verdict\" : \"incomplete\"");
            s.type("exit\r");
            assertEquals(0, s.exit.get(60, TimeUnit.SECONDS));
        }
    }

    /** Issue 15, item 10: patients' answers pass through the history, so only its owner may read it. */
    @Test
    void theHistoryFileIsOwnerOnlyAndCanBeTurnedOff() throws Exception {
        Session s = new Session();
        try (s) {
            s.await("medcounsel> ");
            s.type("screen olumiant -f age=71\r");
            s.await("age 71 years");
            s.type("exit\r");
            assertEquals(0, s.exit.get(60, TimeUnit.SECONDS));
        }
        Path history = s.cli.fs.getPath("/state/medcounsel/history");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(history)));
        Session off = new Session(Map.of("XDG_STATE_HOME", "/state", "MEDCOUNSEL_HISTORY", "off"));
        try (off) {
            off.await("medcounsel> ");
            off.type("info olumiant\r");
            off.await("advice of the prescriber.");
            off.type("exit\r");
            assertEquals(0, off.exit.get(60, TimeUnit.SECONDS));
        }
        assertFalse(Files.exists(off.cli.fs.getPath("/state/medcounsel/history")), "no history kept");
    }

    /** Issue 15, item 15: a long session with many --data folder sets keeps a bounded number of formularies. */
    @Test
    void aSessionKeepsABoundedNumberOfFormularies() {
        Cli cli = new Cli();
        KeptFormularies kept = new KeptFormularies();
        Environment env = Environment.of(cli.fs, Map.of(), false, Clock.systemUTC(), Prompter.NONE);
        for (int i = 0; i < 3 * KeptFormularies.MAX_KEPT; i++) {
            cli.write("site" + i + "/drugs/testamab.yaml", TestSheets.drug("testamab", "Testix", null));
            kept.open(DataOptions.shelvesForCompletion(env, List.of("site" + i)), Optional.empty());
        }
        assertEquals(KeptFormularies.MAX_KEPT, kept.size());
    }
}
