package org.medcounsel.cli;

import picocli.CommandLine.Option;

/** {@code --debug}: errors show their stack trace. Read by Main before parsing, so it works for any error. */
public final class DebugOption {
    @Option(names = "--debug", description = "On error, also print the stack trace.")
    boolean debug;
}
