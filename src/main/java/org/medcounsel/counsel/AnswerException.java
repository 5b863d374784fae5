package org.medcounsel.counsel;

/** A patient fact that cannot be used: an unknown key or a bad value. A usage error (exit 2). */
public final class AnswerException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AnswerException(String message) {
        super(message);
    }
}
