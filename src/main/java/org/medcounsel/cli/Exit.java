package org.medcounsel.cli;

/** The documented exit codes: one list, used by the commands, the help text and the README. */
public final class Exit {
    private Exit() {}

    public static final int OK = 0;
    public static final int DATA_ERROR = 1;
    public static final int USAGE = 2;
    public static final int UNKNOWN_DRUG = 3;
    public static final int INCOMPLETE = 10;
    public static final int CAUTION = 11;
    public static final int DO_NOT_START = 12;
    /** Cancelled by the user (Ctrl-C), as a shell reports a command stopped by SIGINT. */
    public static final int INTERRUPTED = 130;
}
