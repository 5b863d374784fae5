package org.medcounsel.counsel;

import java.util.Comparator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The units a number fact may be given in, and how to convert between them. A unit is named by
 * its UCUM code ({@code a}, {@code mo}, {@code [lb_av]}, {@code 10*9/L}) or a common spelling
 * ("months", "lb", and the unit a fact declares, "years" or "x10^9/L"). A unit of another kind,
 * or one not known here, is never guessed at: the answer is refused.
 */
public final class Units {
    private Units() {}

    /** The UCUM code system. */
    public static final String UCUM_SYSTEM = "http://unitsofmeasure.org";

    /** A unit: what it measures and its size in that measure's base unit. */
    private record Unit(String measures, double size) {}

    private static final Map<String, Unit> UCUM = Map.ofEntries(
            Map.entry("a", new Unit("time", 365.25)),
            Map.entry("mo", new Unit("time", 365.25 / 12)),
            Map.entry("wk", new Unit("time", 7)),
            Map.entry("d", new Unit("time", 1)),
            Map.entry("kg", new Unit("mass", 1000)),
            Map.entry("g", new Unit("mass", 1)),
            Map.entry("[lb_av]", new Unit("mass", 453.59237)),
            Map.entry("10*9/L", new Unit("cells", 1)),
            Map.entry("10*3/uL", new Unit("cells", 1)),
            Map.entry("/nL", new Unit("cells", 1)),
            Map.entry("g/dL", new Unit("mass-concentration", 10)),
            Map.entry("g/L", new Unit("mass-concentration", 1)),
            Map.entry("mL/min", new Unit("flow", 1)),
            Map.entry("mL/s", new Unit("flow", 60)),
            Map.entry("mL/min/{1.73_m2}", new Unit("flow-per-area", 1)),
            Map.entry("mL/s/{1.73_m2}", new Unit("flow-per-area", 60)));

    /** Spellings people and systems use for the codes above, compared without case. */
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("years", "a"),
            Map.entry("year", "a"),
            Map.entry("yr", "a"),
            Map.entry("yrs", "a"),
            Map.entry("months", "mo"),
            Map.entry("month", "mo"),
            Map.entry("weeks", "wk"),
            Map.entry("week", "wk"),
            Map.entry("days", "d"),
            Map.entry("day", "d"),
            Map.entry("lb", "[lb_av]"),
            Map.entry("lbs", "[lb_av]"),
            Map.entry("pounds", "[lb_av]"),
            Map.entry("x10^9/l", "10*9/L"),
            Map.entry("10^9/l", "10*9/L"),
            Map.entry("ml/min/1.73m2", "mL/min/{1.73_m2}"),
            Map.entry("ml/min/1.73 m2", "mL/min/{1.73_m2}"));

    /** The UCUM code a unit name stands for, if it is one known here. */
    public static Optional<String> code(String name) {
        if (UCUM.containsKey(name)) return Optional.of(name);
        String lower = name.toLowerCase(Locale.ROOT);
        if (SPELLINGS.containsKey(lower)) return Optional.of(SPELLINGS.get(lower));
        return UCUM.keySet().stream()
                .filter(c -> c.toLowerCase(Locale.ROOT).equals(lower))
                .findFirst();
    }

    /**
     * {@code value} in {@code from} converted to the fact's unit {@code to}, or empty when the two
     * do not measure the same thing (or one is unknown). The same name, or the same code, is always
     * the same unit.
     */
    static Optional<Double> convert(double value, String from, String to) {
        if (from.equals(to)) return Optional.of(value);
        Optional<String> f = code(from);
        Optional<String> t = code(to);
        if (f.isEmpty() || t.isEmpty()) return Optional.empty();
        if (f.get().equals(t.get())) return Optional.of(value);
        Unit a = UCUM.get(f.get());
        Unit b = UCUM.get(t.get());
        if (!a.measures().equals(b.measures())) return Optional.empty();
        return Optional.of(value * a.size() / b.size());
    }

    /** The units a fact's numbers may be given in, for an error message: "a, mo, wk, d". */
    static String accepted(String to) {
        Optional<String> t = code(to);
        if (t.isEmpty()) return to;
        String measures = UCUM.get(t.get()).measures();
        return String.join(
                ", ",
                UCUM.entrySet().stream()
                        .filter(e -> e.getValue().measures().equals(measures))
                        .sorted(Comparator.comparingDouble((Map.Entry<String, Unit> e) ->
                                        e.getValue().size())
                                .reversed())
                        .map(Map.Entry::getKey)
                        .toList());
    }
}
