package org.medcounsel.sheet;

import java.util.List;

/** A sheet (or another data file) could not be used; carries every problem found. */
public final class SheetException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    public SheetException(List<Problem> problems) {
        super(problems.get(0).located());
        this.problems = List.copyOf(problems);
    }

    public SheetException(String file, int line, String message) {
        this(List.of(Problem.error(file, line, message)));
    }

    public List<Problem> problems() {
        return problems;
    }
}
