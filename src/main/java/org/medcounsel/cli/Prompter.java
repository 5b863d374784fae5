package org.medcounsel.cli;

import java.util.Optional;

/** Asks the user a question at a terminal ({@code screen --ask}). JLine's version lives in shell/. */
public interface Prompter {
    /** Whether there is a terminal to ask on. */
    boolean available();

    /**
     * Shows {@code prompt} and reads one line; empty when the user just pressed Enter.
     *
     * @throws Stop when the user ends input (Ctrl-D)
     * @throws Cancel when the user cancels (Ctrl-C)
     */
    Optional<String> ask(String prompt);

    /** Tells the user something between questions (a bad answer). */
    void tell(String message);

    /** The user ended input or cancelled: stop asking. */
    final class Stop extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Stop() {
            super("stopped asking", null, false, false);
        }
    }

    /** The user cancelled (Ctrl-C): stop the whole command, with no report. */
    final class Cancel extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public Cancel() {
            super("cancelled", null, false, false);
        }
    }

    /** For runs that have no terminal at all. */
    Prompter NONE = new Prompter() {
        public boolean available() {
            return false;
        }

        public Optional<String> ask(String prompt) {
            throw new Stop();
        }

        public void tell(String message) {}
    };
}
