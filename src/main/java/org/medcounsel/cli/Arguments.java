package org.medcounsel.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A command line as the user typed it, made ready for picocli. The common options ({@link
 * CommonOptions}) need nothing: picocli takes them before or after the command. Two options differ
 * by command, so they cannot be inherited: {@code --format} (each command has its own formats) and
 * {@code --lang} (only commands that show sheets have it). Typed before the command they are moved
 * to just after it, where that command's own option reads them.
 *
 * @param args what picocli parses
 * @param noPager whether {@code --no-pager} was given (the pager starts before picocli parses)
 * @param moved the names of the options moved after the command (to check that it has them)
 */
public record Arguments(List<String> args, boolean noPager, List<String> moved) {
    /** The options that differ by command, moved when typed before it; both take a value. */
    static final Set<String> MOVED = Set.of("--format", "--lang");

    public static final String NO_PAGER = "--no-pager";

    public Arguments {
        args = List.copyOf(args);
        moved = List.copyOf(moved);
    }

    /**
     * Moves {@code --format} and {@code --lang} typed before the command to just after it,
     * stepping over the common options (and their values) picocli reads there itself.
     */
    public static Arguments of(String... typed) {
        List<String> all = Arrays.asList(typed);
        int end = all.indexOf("--");
        List<String> head = end < 0 ? all : all.subList(0, end);
        boolean noPager = head.contains(NO_PAGER);
        List<String> kept = new ArrayList<>();
        List<String> leading = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < head.size() && head.get(i).startsWith("-")) {
            String a = head.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            List<String> target = MOVED.contains(name) ? leading : kept;
            if (MOVED.contains(name)) names.add(name);
            target.add(a);
            if (!a.contains("=") && takesValue(name) && i + 1 < head.size()) {
                target.add(head.get(++i));
            }
            i++;
        }
        if (leading.isEmpty()) {
            return new Arguments(all, noPager, List.of());
        }
        List<String> result = new ArrayList<>(kept);
        if (i < head.size() && head.get(i).equals("help")) {
            // Help is the same whatever the format or language (an alias such as
            // `mc='medcounsel --format json'` still gets `mc help info`): they are left out.
            result.addAll(head.subList(i, head.size()));
            names.clear();
        } else if (i < head.size()) {
            result.add(head.get(i));
            result.addAll(leading);
            result.addAll(head.subList(i + 1, head.size()));
        } else {
            // Options and no command: the short usage, as for no arguments at all.
            return new Arguments(List.of(), noPager, List.of());
        }
        if (end >= 0) result.addAll(all.subList(end, all.size()));
        return new Arguments(result, noPager, names);
    }

    /** Whether an option typed before the command takes the next word as its value. */
    private static boolean takesValue(String name) {
        return MOVED.contains(name) || CommonOptions.WITH_VALUE.contains(name);
    }

    /** The index of the command word: the first word that is not a leading option or its value. */
    public int commandIndex() {
        int i = 0;
        while (i < args.size() && args.get(i).startsWith("-")) {
            String a = args.get(i);
            i += !a.contains("=") && takesValue(a) ? 2 : 1;
        }
        return i;
    }
}
