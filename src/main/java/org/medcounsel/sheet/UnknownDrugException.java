package org.medcounsel.sheet;

import java.util.List;

/** No sheet matches a name the user typed; carries the closest known names. */
public final class UnknownDrugException extends RuntimeException {
    private final String name;
    private final transient List<String> suggestions;

    public UnknownDrugException(String name, List<String> suggestions) {
        super("no drug sheet for '" + name + "'"
                + (suggestions.isEmpty() ? "" : "; did you mean " + String.join(", ", suggestions) + "?"));
        this.name = name;
        this.suggestions = List.copyOf(suggestions);
    }

    public String name() {
        return name;
    }

    public List<String> suggestions() {
        return suggestions;
    }
}
