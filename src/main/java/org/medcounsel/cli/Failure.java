package org.medcounsel.cli;

/** A run that cannot go on, for a reason the message states in full (exit 1). */
public final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public Failure(String message) {
        super(message);
    }
}
