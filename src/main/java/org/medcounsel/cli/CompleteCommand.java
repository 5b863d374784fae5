package org.medcounsel.cli;

import java.io.PrintWriter;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import org.medcounsel.render.Terminal;
import org.medcounsel.sheet.Formulary;
import org.medcounsel.sheet.NameChars;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel __complete drugs|facts}: the words the completion scripts offer, one a line. Hidden. */
@Command(name = "__complete", hidden = true, description = "Words for shell completion.")
final class CompleteCommand implements Callable<Integer> {
    /** What to list. */
    enum What {
        drugs,
        facts
    }

    private final Environment env;

    @Spec
    CommandSpec spec;

    CompleteCommand(Environment env) {
        this.env = env;
    }

    @Parameters(paramLabel = "WHAT")
    What what;

    @Mixin
    DataOptions data;

    @Override
    public Integer call() {
        Formulary formulary = data.quietFormulary(env);
        PrintWriter out = spec.commandLine().getOut();
        if (what == What.facts) {
            formulary.facts().byKey().keySet().forEach(out::println);
        } else {
            // A shell splits completion words at spaces, so multi-word brands are left out here;
            // a name a shell would act on is never handed to one, whatever the sheet says, nor one
            // that would show other than it is (controls, invisible and bidi characters).
            new TreeSet<>(formulary.names())
                    .stream()
                            .filter(n -> !n.contains(" ")
                                    && NameChars.unsafe(n).isEmpty()
                                    && Terminal.safe(n).equals(n))
                            .forEach(out::println);
        }
        out.flush();
        return Exit.OK;
    }
}
