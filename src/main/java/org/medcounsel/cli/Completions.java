package org.medcounsel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Writes bash and zsh completion scripts from the command tree itself, so they list exactly the
 * subcommands and options picocli parses. Drug names and fact keys are not frozen into the
 * script: it reads them from the {@link CompletionTable} the tool keeps (for the --data folders on
 * the line), so a site's own sheets complete too.
 */
public final class Completions {
    private Completions() {}

    /** What a value can be completed with. */
    public enum Kind {
        NONE,
        DIRECTORY,
        FILE,
        DRUG,
        FACT,
        COMMAND,
        WORDS
    }

    public static Kind kind(ArgSpec arg) {
        String label = arg.paramLabel();
        if (arg instanceof OptionSpec o && o.arity().max() == 0) return Kind.NONE;
        if (label.equals("DIR")) return Kind.DIRECTORY;
        if (label.equals("FILE")) return Kind.FILE;
        if (label.equals("DRUG")) return Kind.DRUG;
        if (label.equals("KEY=VALUE")) return Kind.FACT;
        if (label.equals("COMMAND")) return Kind.COMMAND;
        return words(arg).isEmpty() ? Kind.NONE : Kind.WORDS;
    }

    public static List<String> words(ArgSpec arg) {
        List<String> words = new ArrayList<>();
        if (arg.completionCandidates() != null) {
            // An enum's constants as typed (picocli takes any case); other candidates as given (zh-Hans).
            arg.completionCandidates().forEach(w -> words.add(arg.type().isEnum() ? w.toLowerCase(Locale.ROOT) : w));
        }
        return words;
    }

    public static List<CommandSpec> visible(CommandSpec root) {
        return root.subcommands().values().stream()
                .map(c -> c.getCommandSpec())
                .filter(c -> !c.usageMessage().hidden())
                .distinct()
                .toList();
    }

    public static List<String> optionNames(CommandSpec c) {
        List<String> names = new ArrayList<>();
        c.options().stream().filter(o -> !o.hidden()).forEach(o -> names.addAll(List.of(o.names())));
        return names;
    }

    /**
     * The bash script: the fixed functions (in resources/medcounsel/completion) around what this
     * command tree takes: its commands, each command's options, what each option's value and
     * each command's arguments are.
     */
    public static String bash(CommandSpec root) {
        StringBuilder b = new StringBuilder();
        b.append("# What the command line takes, from the command tree.\n");
        b.append("_mc_commands='").append(String.join(" ", commandNames(root))).append("'\n\n");
        b.append("# REPLY: the options of command $1 (none yet: the options before a command).\n");
        b.append("_medcounsel_options() {\n  case $1 in\n");
        for (CommandSpec c : visible(root)) {
            b.append("    ")
                    .append(c.name())
                    .append(") REPLY='")
                    .append(String.join(" ", optionNames(c)))
                    .append("' ;;\n");
        }
        b.append("    *) REPLY='").append(String.join(" ", rootOptions(root))).append("' ;;\n  esac\n}\n\n");
        b.append("# REPLY: what the value of option $2 of command $1 is (dir, file, drug, fact, command,\n");
        b.append("# words:..., or value for anything), or nothing for an option that takes none.\n");
        b.append("_medcounsel_kind() {\n  case $1:$2 in\n");
        Map<String, List<String>> byKind = new LinkedHashMap<>();
        for (CommandSpec c : visible(root)) {
            for (OptionSpec o : c.options()) {
                if (o.hidden() || o.arity().max() == 0) continue;
                for (String name : o.names()) {
                    byKind.computeIfAbsent(bashKind(o), k -> new ArrayList<>()).add(c.name() + ":" + name);
                }
            }
        }
        for (OptionSpec o : commonOptions(root)) {
            if (o.arity().max() == 0) continue;
            for (String name : o.names()) {
                byKind.computeIfAbsent(bashKind(o), k -> new ArrayList<>()).add(":" + name);
            }
        }
        byKind.forEach((kind, patterns) -> b.append("    ")
                .append(String.join("|", patterns))
                .append(") REPLY='")
                .append(kind)
                .append("' ;;\n"));
        b.append("    *) REPLY= ;;\n  esac\n}\n\n");
        b.append("# REPLY: what command $1's arguments are.\n");
        b.append("_medcounsel_positional() {\n  case $1 in\n");
        Map<String, List<String>> positional = new LinkedHashMap<>();
        for (CommandSpec c : visible(root)) {
            if (c.positionalParameters().isEmpty()) continue;
            String kind = bashKind(c.positionalParameters().get(0));
            positional.computeIfAbsent(kind, k -> new ArrayList<>()).add(c.name());
        }
        positional.forEach((kind, names) -> b.append("    ")
                .append(String.join("|", names))
                .append(") REPLY='")
                .append(kind)
                .append("' ;;\n"));
        b.append("    *) REPLY= ;;\n  esac\n}\n");
        return resource("medcounsel.bash").replace("#@GENERATED@\n", b.toString());
    }

    private static String bashKind(ArgSpec arg) {
        Kind kind = kind(arg);
        return switch (kind) {
            case DIRECTORY -> "dir";
            case FILE -> "file";
            case DRUG -> "drug";
            case FACT -> "fact";
            case COMMAND -> "command";
            case WORDS -> "words:" + String.join(" ", words(arg));
            default -> "value";
        };
    }

    /** The visible commands' names. */
    private static List<String> commandNames(CommandSpec root) {
        return visible(root).stream().map(CommandSpec::name).toList();
    }

    /**
     * The options that differ by command but may also come before it ({@link Arguments#MOVED}),
     * as the command that offers the most values for each declares it (the first of them on a
     * tie): so --format there offers every format a command writes. (The common options are the
     * root's own, inherited by every command.)
     */
    private static List<OptionSpec> commonOptions(CommandSpec root) {
        List<OptionSpec> common = new ArrayList<>();
        for (String name : new TreeSet<>(Arguments.MOVED)) {
            OptionSpec widest = null;
            for (CommandSpec c : visible(root)) {
                OptionSpec o = c.findOption(name);
                if (o != null
                        && (widest == null || words(o).size() > words(widest).size())) {
                    widest = o;
                }
            }
            if (widest != null) common.add(widest);
        }
        return common;
    }

    /** What may come before a command: the root's own options and the common ones. */
    private static List<String> rootOptions(CommandSpec root) {
        List<String> all = new ArrayList<>(optionNames(root));
        commonOptions(root).forEach(o -> all.addAll(List.of(o.names())));
        return all;
    }

    /**
     * The zsh script: the fixed functions (in resources/medcounsel/completion) around an
     * {@code _arguments} spec for the options before a command and one for each command.
     */
    public static String zsh(CommandSpec root) {
        StringBuilder z = new StringBuilder();
        z.append("_medcounsel_commands() {\n");
        z.append("  local -a commands\n");
        z.append("  commands=(\n");
        for (CommandSpec c : visible(root)) {
            z.append("    '")
                    .append(c.name())
                    .append(":")
                    .append(zshQuote(first(c.usageMessage().description())))
                    .append("'\n");
        }
        z.append("  )\n");
        z.append("  _describe -t commands 'medcounsel command' commands\n");
        z.append("}\n\n");
        z.append("_medcounsel() {\n");
        z.append("  local -a _mc_data\n");
        z.append("  local _mc_program=${words[1]} _mc_table i curcontext=$curcontext state line ret=1\n");
        z.append("  typeset -A opt_args\n");
        z.append("  [[ $_mc_program == '~/'* ]] && _mc_program=$HOME/${_mc_program#'~/'}\n");
        z.append("  for (( i = 2; i < CURRENT; i++ )); do\n");
        z.append("    case ${words[i]} in\n");
        z.append("      (--data) _medcounsel_folder \"${words[i+1]}\" ;;\n");
        z.append("      (--data=*) _medcounsel_folder \"${words[i]#--data=}\" ;;\n");
        z.append("    esac\n");
        z.append("  done\n");
        // -A: after the command, every word is the command's (its own _arguments below reads them).
        z.append("  _arguments -C -s -A '-*'");
        for (OptionSpec o : root.options()) {
            if (!o.hidden()) z.append(" \\\n    ").append(zshOption(o));
        }
        for (OptionSpec o : commonOptions(root)) {
            z.append(" \\\n    ").append(zshOption(o));
        }
        z.append(" \\\n    '--no-pager[Do not page the output]'");
        z.append(" \\\n    ': :_medcounsel_commands' \\\n    '*:: :->args' && ret=0\n");
        z.append("  [[ $state == args ]] || return ret\n");
        z.append("  case ${words[1]} in\n");
        for (CommandSpec c : visible(root)) {
            z.append("    (").append(c.name()).append(")\n");
            z.append("      _arguments -s");
            for (OptionSpec o : c.options()) {
                if (!o.hidden()) z.append(" \\\n        ").append(zshOption(o));
            }
            if (!c.positionalParameters().isEmpty()) {
                PositionalParamSpec p = c.positionalParameters().get(0);
                z.append(" \\\n        '*:")
                        .append(zshQuote(p.paramLabel().toLowerCase(Locale.ROOT)))
                        .append(":")
                        .append(zshValue(kind(p), words(p)))
                        .append("'");
            }
            z.append(" && ret=0 ;;\n");
        }
        z.append("  esac\n");
        z.append("  return ret\n");
        z.append("}\n");
        return resource("_medcounsel").replace("#@GENERATED@\n", z.toString());
    }

    /**
     * One option's {@code _arguments} spec: repeatable or exclusive with its other names, its help,
     * and for one that takes a value, a long name that also takes it after '=' and what it is.
     */
    private static String zshOption(OptionSpec o) {
        String help = zshQuote(first(o.description()).replace("[", "(").replace("]", ")"));
        boolean value = o.arity().max() > 0;
        List<String> names = List.of(o.names()).stream()
                .map(n -> value && n.startsWith("--") ? n + "=" : n)
                .toList();
        String named = names.size() == 1 ? names.get(0) : "{" + String.join(",", names) + "}";
        String prefix = o.isMultiValue() ? "'*'" : names.size() == 1 ? "" : "'(" + String.join(" ", o.names()) + ")'";
        StringBuilder spec = new StringBuilder(prefix)
                .append(named)
                .append("'[")
                .append(help)
                .append("]");
        if (value) {
            spec.append(":").append(zshQuote(o.paramLabel())).append(":").append(zshValue(kind(o), words(o)));
        }
        return spec.append("'").toString();
    }

    /**
     * The fish script: the fixed functions (in resources/medcounsel/completion) and a
     * {@code complete} line for each command, option and argument. fish matches in any case,
     * takes {@code --opt=VALUE} and shows each value's description by itself.
     */
    public static String fish(CommandSpec root) {
        StringBuilder f = new StringBuilder("complete -c medcounsel -f\n");
        String noCommand = "__fish_use_subcommand";
        for (CommandSpec c : visible(root)) {
            f.append("complete -c medcounsel -n ")
                    .append(noCommand)
                    .append(" -a ")
                    .append(c.name())
                    .append(" -d '")
                    .append(fishQuote(first(c.usageMessage().description())))
                    .append("'\n");
        }
        for (OptionSpec o : root.options()) {
            if (!o.hidden()) f.append(fishOption(noCommand, o));
        }
        for (OptionSpec o : commonOptions(root)) {
            f.append(fishOption(noCommand, o));
        }
        for (CommandSpec c : visible(root)) {
            String when = "'__fish_seen_subcommand_from " + c.name() + "'";
            for (OptionSpec o : c.options()) {
                if (!o.hidden()) f.append(fishOption(when, o));
            }
            if (!c.positionalParameters().isEmpty()) {
                PositionalParamSpec p = c.positionalParameters().get(0);
                String value = kind(p) == Kind.COMMAND
                        ? " -x -a '" + String.join(" ", commandNames(root)) + "'"
                        : fishValue(kind(p), words(p));
                if (!value.isEmpty())
                    f.append("complete -c medcounsel -n ")
                            .append(when)
                            .append(value)
                            .append("\n");
            }
        }
        return resource("medcounsel.fish").replace("#@GENERATED@\n", f.toString());
    }

    private static String fishOption(String when, OptionSpec o) {
        StringBuilder line = new StringBuilder("complete -c medcounsel -n ").append(when);
        for (String name : o.names()) {
            line.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
        }
        if (o.arity().max() > 0) line.append(fishValue(kind(o), words(o)));
        return line.append(" -d '")
                .append(fishQuote(first(o.description())))
                .append("'\n")
                .toString();
    }

    private static String fishValue(Kind kind, List<String> words) {
        switch (kind) {
            case DIRECTORY:
                return " -x -a '(__fish_complete_directories)'";
            case FILE:
                return " -r -F";
            case DRUG:
                return " -x -a '(__medcounsel_drugs)'";
            case FACT:
                return " -x -a '(__medcounsel_fact)'";
            case WORDS:
                return " -x -a '" + String.join(" ", words) + "'";
            default:
                return " -x";
        }
    }

    private static String fishQuote(String s) {
        return s.replace("\\", "\\\\").replace("'", "\\'");
    }

    private static String zshValue(Kind kind, List<String> words) {
        switch (kind) {
            case DIRECTORY:
                return "_files -/";
            case FILE:
                return "_files";
            case DRUG:
                return "_medcounsel_drugs";
            case FACT:
                return "_medcounsel_fact";
            case COMMAND:
                return "_medcounsel_commands";
            case WORDS:
                return "(" + String.join(" ", words) + ")";
            default:
                return " ";
        }
    }

    private static String resource(String name) {
        try (var in = Completions.class.getResourceAsStream("/medcounsel/completion/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the jar lacks its completion script " + name, e);
        }
    }

    private static String first(String[] lines) {
        return lines.length == 0
                ? ""
                : lines[0].replaceAll("\\$\\{[^}]*}", "")
                        .replaceAll("\\s+", " ")
                        .strip();
    }

    private static String zshQuote(String s) {
        return s.replace("'", "'\\''");
    }
}
