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
    private final boolean available;
    private LineReader reader;

    /** For the real terminal; JLine is started only when the first question is asked. */
    public TerminalPrompter(boolean stdinIsTerminal) {
        this.available = stdinIsTerminal;
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
        return available;
    }

    @Override
    public Optional<String> ask(String prompt) {
        try {
            String line = reader().readLine(prompt);
            return line.isBlank() ? Optional.empty() : Optional.of(line.strip());
        } catch (EndOfFileException | UserInterruptException e) {
            throw new Stop();
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
                Terminal terminal = TerminalBuilder.builder().system(true).build();
                reader = LineReaderBuilder.builder().terminal(terminal).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return reader;
    }
}
