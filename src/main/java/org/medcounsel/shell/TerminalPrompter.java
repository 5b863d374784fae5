package org.medcounsel.shell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import org.medcounsel.cli.Prompter;

/** Asks questions with a JLine line reader: line editing, Enter to skip, Ctrl-D or Ctrl-C to stop. */
public final class TerminalPrompter implements Prompter {
    private Boolean available;
    private LineReader reader;

    /**
     * For the real terminal; JLine is started only when the first question is asked, and whether
     * stdin is a terminal is only found out when {@code --ask} needs to know.
     */
    public TerminalPrompter() {
        this.available = null;
    }

    /** For a given line reader: the shell's own, or a scripted terminal in tests. */
    public TerminalPrompter(LineReader reader) {
        this.available = true;
        this.reader = reader;
    }

    /** For a given terminal. */
    public static TerminalPrompter on(Terminal terminal) {
        return new TerminalPrompter(
                LineReaderBuilder.builder().terminal(terminal).build());
    }

    @Override
    public boolean available() {
        if (available == null) {
            available = stdinIsTerminal();
        }
        return available;
    }

    /** Whether stdin is a terminal (stdout may be a file: the questions then go to stderr). */
    private static boolean stdinIsTerminal() {
        if (System.console() != null) return true;
        try {
            Process test = new ProcessBuilder("sh", "-c", "test -t 0")
                    .redirectInput(ProcessBuilder.Redirect.INHERIT)
                    .start();
            return test.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Optional<String> ask(String prompt) {
        try {
            String line = reader().readLine(prompt);
            return line.isBlank() ? Optional.empty() : Optional.of(line.strip());
        } catch (EndOfFileException e) {
            throw new Stop();
        } catch (UserInterruptException e) {
            throw new Cancel();
        }
    }

    @Override
    public void tell(String message) {
        reader().getTerminal().writer().println(message);
        reader().getTerminal().flush();
    }

    private LineReader reader() {
        if (reader == null) {
            try {
                // Questions go to the terminal even when the report goes to a file.
                Terminal terminal = TerminalBuilder.builder()
                        .system(true)
                        .systemOutput(TerminalBuilder.SystemOutput.SysOutOrSysErr)
                        .build();
                reader = LineReaderBuilder.builder().terminal(terminal).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reader;
    }
}
