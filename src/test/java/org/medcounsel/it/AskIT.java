package org.medcounsel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code screen --ask} at a real terminal (tmux) with the report going to a file: the questions
 * appear on the terminal with their count, the answers reach the report, and Ctrl-C cancels
 * with exit 130 and no report.
 */
class AskIT {
    /** Every answer but age and smoking, so --ask asks exactly two questions. */
    static final String PATIENT = "use: rheumatoid-arthritis\nweight: 70\negfr: 95\ncrcl: 110\nlymphocytes: 2\n"
            + "neutrophils: 4\nhaemoglobin: 14\nplatelets: 250\nliver-impairment: none\nmedicines: [paracetamol]\n"
            + "pregnant: no\nbreastfeeding: no\nactive-infection: no\nrecurrent-infections: no\n"
            + "shingles-history: no\ntb-exposure: no\nhepatitis-history: no\nblood-clot-history: no\n"
            + "heart-disease: no\nheart-pumping-problems: no\ncancer-history: no\nlive-vaccine-planned: no\n"
            + "surgery-planned: no\nlung-disease: no\ndiverticulitis: no\nvision-problems: no\n"
            + "vitamin-e-supplements: no\n";

    static Tools.Tmux start(Path tmp) throws Exception {
        Tools.require("tmux");
        Files.writeString(tmp.resolve("patient.yaml"), PATIENT);
        String command = Tools.LAUNCHER + " screen baricitinib --patient patient.yaml --ask > report.txt;"
                + " echo $? > code.txt; sleep 60";
        return new Tools.Tmux(tmp, Map.of("TERM", "xterm-256color"), 120, 40, "bash", "-c", command);
    }

    static String code(Path tmp) throws Exception {
        Path code = tmp.resolve("code.txt");
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!(Files.exists(code) && Files.size(code) > 0) && System.nanoTime() < end) Thread.sleep(100);
        return Files.readString(code).strip();
    }

    @Test
    void questionsOnTheTerminalAnswersInTheReportFile(@TempDir Path tmp) throws Exception {
        try (Tools.Tmux tmux = start(tmp)) {
            tmux.await("(1 of 2) How old are you?");
            tmux.type("70");
            tmux.keys("Enter");
            tmux.await("(2 of 2) Do you smoke");
            tmux.type("no");
            tmux.keys("Enter");
            assertEquals("11", code(tmp), "age 70 is a caution, and every question is answered");
        }
        String report = Files.readString(tmp.resolve("report.txt"));
        assertTrue(report.startsWith("Baricitinib (Olumiant) - caution: 2 findings\n"), report);
        assertTrue(report.contains("How old are you? Answer: 70 years."), report);
        assertTrue(!report.contains("(1 of 2)"), "the questions are not in the report: " + report);
    }

    @Test
    void ctrlCCancelsWithExit130AndNoReport(@TempDir Path tmp) throws Exception {
        try (Tools.Tmux tmux = start(tmp)) {
            tmux.await("(1 of 2) How old are you?");
            tmux.keys("C-c");
            assertEquals("130", code(tmp));
            assertTrue(tmux.screen().contains("medcounsel: cancelled: no report"), tmux.screen());
        }
        assertEquals("", Files.readString(tmp.resolve("report.txt")));
    }
}
