package org.medcounsel.sheet;

import java.util.List;

/** No sheet matches a name the user typed; the message carries the closest known names. */
public final class UnknownDrugException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UnknownDrugException(String name, List<String> suggestions) {
        super("no drug sheet for '" + name + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
    }
}
