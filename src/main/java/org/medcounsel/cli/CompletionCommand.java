package org.medcounsel.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code medcounsel completion bash|zsh}: prints a completion script (also committed in completions/). */
@Command(
        name = "completion",
        mixinStandardHelpOptions = true,
        versionProvider = MedcounselCommand.Version.class,
        description = {
            "Print a shell completion script.",
            "bash: source it from ~/.bashrc, or copy it to ~/.local/share/bash-completion/completions/medcounsel.",
            "zsh: save it as _medcounsel in a folder on $fpath, then run compinit.",
            "fish: save it as ~/.config/fish/completions/medcounsel.fish."
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  medcounsel completion bash > /etc/bash_completion.d/medcounsel",
            "  medcounsel completion zsh > ~/.zfunc/_medcounsel",
            "  medcounsel completion fish > ~/.config/fish/completions/medcounsel.fish"
        })
final class CompletionCommand implements Callable<Integer> {
    /** The shells there are scripts for. */
    enum Shell {
        bash,
        zsh,
        fish
    }

    private final Environment env;

    @Spec
    CommandSpec spec;

    CompletionCommand(Environment env) {
        this.env = env;
    }

    @Parameters(paramLabel = "SHELL", description = "bash, zsh or fish.")
    Shell shell;

    @Override
    public Integer call() {
        var root = spec.root();
        var out = spec.commandLine().getOut();
        out.print(
                switch (shell) {
                    case bash -> Completions.bash(root);
                    case zsh -> Completions.zsh(root);
                    case fish -> Completions.fish(root);
                });
        out.flush();
        return Exit.OK;
    }
}
