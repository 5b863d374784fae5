package org.medcounsel.cli;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.Stack;
import org.medcounsel.cli.OutputOptions.ColorMode;
import picocli.CommandLine.IParameterConsumer;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;

/**
 * The options every command takes, before or after its name ({@code medcounsel --data DIR info x}
 * is {@code medcounsel info --data DIR x}): declared once, on the top command, and inherited by
 * every subcommand (picocli's {@code scope = INHERIT}). The mixins that use them ({@link
 * DataOptions}, {@link OutputOptions}) read them from here.
 */
public final class CommonOptions {
    @Option(
            names = "--data",
            paramLabel = "DIR",
            scope = ScopeType.INHERIT,
            parameterConsumer = EachFolder.class,
            description = "Add a folder of site sheets (drugs/, classes/); repeatable, later folders win. "
                    + "Also read from MEDCOUNSEL_DATA (folders separated by ':').")
    List<String> folders = new ArrayList<>();

    @Option(
            names = "--color",
            paramLabel = "WHEN",
            defaultValue = "auto",
            scope = ScopeType.INHERIT,
            description = "Colour: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}; auto colours only on a "
                    + "terminal and honours NO_COLOR).")
    ColorMode color = ColorMode.auto;

    @Option(
            names = "--width",
            paramLabel = "N",
            scope = ScopeType.INHERIT,
            description = "Wrap text at N columns (default: the terminal's width up to "
                    + OutputOptions.MAX_TERMINAL_WIDTH
                    + ", else 80). A web address longer than a line stands whole on its own line.")
    Integer width;

    @Option(
            names = "--sources",
            scope = ScopeType.INHERIT,
            description = "Give every source in full, title and web address, as files, pipes and the other formats"
                    + " do (on a terminal each source is one short line, its title a link).")
    boolean sources;

    /** Read by Main before parsing too, so that even a parse error shows its trace. */
    @Option(names = "--debug", scope = ScopeType.INHERIT, description = "On error, also print the stack trace.")
    boolean debug;

    /** Read by the pager before parsing (it must start before any output); declared so picocli knows it. */
    @Option(
            names = "--no-pager",
            scope = ScopeType.INHERIT,
            description = "Print straight to the terminal (the pager is MEDCOUNSEL_PAGER, else PAGER, else less -FRX;"
                    + " used only on a terminal).")
    boolean noPager;

    /**
     * Each {@code --data} adds its folder, before the command or after it: picocli would start the
     * list afresh at the command's first one and drop those typed before it.
     */
    static final class EachFolder implements IParameterConsumer {
        @Override
        public void consumeParameters(Stack<String> args, ArgSpec option, CommandSpec command) {
            if (args.isEmpty()) {
                throw new ParameterException(
                        command.commandLine(), "Missing required parameter for option '--data' (DIR)");
            }
            List<String> folders = option.getValue();
            folders.add(args.pop());
        }
    }

    /** The common options that take a value, read from their declarations above (not a second list). */
    static final Set<String> WITH_VALUE = withValue();

    private static Set<String> withValue() {
        Set<String> names = new HashSet<>();
        for (Field f : CommonOptions.class.getDeclaredFields()) {
            Option o = f.getAnnotation(Option.class);
            if (o != null && f.getType() != boolean.class) names.addAll(List.of(o.names()));
        }
        return Set.copyOf(names);
    }

    /** The common options of the run that {@code spec}'s command (or a mixin in it) belongs to. */
    static CommonOptions of(CommandSpec spec) {
        Object top = spec.root().userObject();
        return top instanceof MedcounselCommand m ? m.common : new CommonOptions();
    }
}
