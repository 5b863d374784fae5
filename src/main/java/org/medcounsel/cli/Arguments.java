package org.medcounsel.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.medcounsel.sheet.Names;

/**
 * A command line as the user typed it, made ready for picocli: the common options may come before
 * the command ({@code medcounsel --data DIR info x} is {@code medcounsel info --data DIR x}), and
 * {@code --no-pager} may stand anywhere before {@code --}.
 *
 * @param args what picocli parses
 * @param noPager whether {@code --no-pager} was given
 * @param moved the names of the common options typed before the command (to check that it has them)
 */
public record Arguments(List<String> args, boolean noPager, List<String> moved) {
    /** The options that may come before the command and take a value. */
    static final Set<String> COMMON_WITH_VALUE = Set.of("--data", "--color", "--width", "--format", "--lang");

    /** The flags that may come before the command. */
    static final Set<String> COMMON_FLAGS = Set.of("--debug", "--sources");

    public static final String NO_PAGER = "--no-pager";

    public Arguments {
        args = List.copyOf(args);
        moved = List.copyOf(moved);
    }

    /** Moves the common options typed before the command to just after it, and takes out --no-pager. */
    public static Arguments of(String... typed) {
        List<String> all = new ArrayList<>(Arrays.asList(typed));
        int end = all.indexOf("--");
        List<String> head = new ArrayList<>(end < 0 ? all : all.subList(0, end));
        List<String> tail = end < 0 ? List.of() : all.subList(end, all.size());
        boolean noPager = head.removeIf(NO_PAGER::equals);
        List<String> leading = new ArrayList<>();
        List<String> names = new ArrayList<>();
        int i = 0;
        while (i < head.size() && head.get(i).startsWith("--")) {
            String a = head.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            if (COMMON_WITH_VALUE.contains(name)) {
                leading.add(a);
                names.add(name);
                if (!a.contains("=") && i + 1 < head.size()) {
                    leading.add(head.get(++i));
                }
                i++;
            } else if (COMMON_FLAGS.contains(a)) {
                leading.add(a);
                names.add(a);
                i++;
            } else {
                break;
            }
        }
        List<String> result = new ArrayList<>();
        if (leading.isEmpty()) {
            result.addAll(head);
        } else if (i < head.size() && head.get(i).equals("help")) {
            // Help is the same whatever the options (an alias such as `mc='medcounsel --data DIR'`
            // still gets `mc help info`): they are left out.
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
        result.addAll(tail);
        return new Arguments(result, noPager, names);
    }

    /** The command this line runs, if its first word is one. */
    public Optional<String> command(Collection<String> commands) {
        return args.isEmpty() || !commands.contains(args.get(0)) ? Optional.empty() : Optional.of(args.get(0));
    }

    /**
     * The name most like {@code typed} among {@code names}: one that starts with it, or is at most
     * two edits away (a third of the word's length at most).
     */
    public static Optional<String> closest(String typed, Collection<String> names) {
        String t = typed.toLowerCase(Locale.ROOT);
        Optional<String> prefix =
                names.stream().filter(n -> t.length() >= 2 && n.startsWith(t)).findFirst();
        if (prefix.isPresent()) return prefix;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String n : names) {
            int d = Names.distance(t, n);
            if (d < bestDistance) {
                best = n;
                bestDistance = d;
            }
        }
        return best != null && bestDistance <= Math.min(2, Math.max(1, t.length() / 3))
                ? Optional.of(best)
                : Optional.empty();
    }
}
