package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * The pager as a person meets it, in a real 80x40 terminal (tmux), the counter's size: a long answer waits in less
 * until q and stays on the screen; a short one, --no-pager, a pager set to cat or nothing, and
 * piped output never wait; an error still shows and keeps its exit code.
 */
@Execution(ExecutionMode.CONCURRENT) // each test has its own folder and tmux server
class PagerIT {
    @TempDir
    Path tmp;

    /** A clean slate: no pager settings from whoever runs the tests. */
    private static final String CLEAN = "unset PAGER MEDCOUNSEL_PAGER LESS; ";

    private static final int ROWS = 40;

    private static final String DISCLAIMER = "This guidance supports, and does not replace";

    @BeforeEach
    void tools() {
        Tools.require("tmux");
        Tools.require("less");
    }

    private Tools.Tmux terminal(String script) throws Exception {
        return new Tools.Tmux(
                tmp, Map.of("TERM", "xterm-256color"), 80, ROWS, "bash", "-c", CLEAN + script + "; sleep 60");
    }

    /** The pane's last non-blank line. */
    private static String last(String screen) {
        List<String> lines = screen.lines()
                .map(String::stripTrailing)
                .filter(l -> !l.isEmpty())
                .toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
    }

    @Test
    void aLongAnswerWaitsInThePagerUntilQ() throws Exception {
        String risks = Tools.LAUNCHER + " risks baricitinib; echo EXIT=$?";
        try (Tools.Tmux tmux = terminal(risks)) {
            String screen = tmux.await("Baricitinib (Olumiant)");
            long end = System.nanoTime() + 60_000_000_000L;
            while (!last(screen).equals(":") && System.nanoTime() < end) {
                Thread.sleep(100);
                screen = tmux.screen();
            }
            assertTrue(last(screen).equals(":"), "less's prompt at the bottom:\n" + screen);
            assertFalse(screen.contains("EXIT="), "the command waits for the reader:\n" + screen);
            assertFalse(screen.contains(DISCLAIMER), "only the first screen is shown:\n" + screen);
            assertTrue(screen.contains("\u2026") || screen.lines().count() <= ROWS + 1, screen);
            tmux.keys("q");
            String after = tmux.await("EXIT=0");
            assertTrue(after.contains("Baricitinib (Olumiant)"), "the page stays on the screen (-X):\n" + after);
        }
    }

    @Test
    void shortAnswersNoPagerCatAndPipesNeverWait() throws Exception {
        String m = Tools.LAUNCHER.toString();
        String script = m + " list; echo LIST=$?; "
                + m + " risks baricitinib --no-pager; echo NOPAGER=$?; "
                + m + " --no-pager stop baricitinib >/dev/null; echo BEFORE=$?; "
                + "MEDCOUNSEL_PAGER=cat " + m + " risks baricitinib >/dev/null; echo CAT=$?; "
                + "PAGER= " + m + " risks baricitinib >/dev/null; echo EMPTY=$?; "
                + m + " risks baricitinib | cat >/dev/null; echo PIPED=$?; "
                + m + " info nosuchdrug; echo UNKNOWN=$?";
        try (Tools.Tmux tmux = terminal(script)) {
            String screen = tmux.await("UNKNOWN=");
            for (String done : List.of("LIST=0", "NOPAGER=0", "BEFORE=0", "CAT=0", "EMPTY=0", "PIPED=0", "UNKNOWN=3")) {
                assertTrue(screen.contains(done), done + " without a key pressed:\n" + screen);
            }
            assertTrue(screen.contains(DISCLAIMER), "--no-pager printed it all:\n" + screen);
            assertTrue(screen.contains("medcounsel: no drug sheet for 'nosuchdrug'"), "the error shows:\n" + screen);
        }
    }

    @Test
    void medcounselPagerChoosesThePager() throws Exception {
        // A pager of one's own: here one that counts the lines it is given.
        String script = "MEDCOUNSEL_PAGER='wc -l | sed s/^/LINES=/' PAGER=less " + Tools.LAUNCHER
                + " risks baricitinib; echo EXIT=$?";
        try (Tools.Tmux tmux = terminal(script)) {
            String screen = tmux.await("EXIT=0");
            assertTrue(screen.lines().anyMatch(l -> l.matches("LINES= *[0-9]{3}")), screen);
        }
    }
}
