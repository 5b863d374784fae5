package org.medcounsel.cli;

import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.medcounsel.render.Format;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * The formats one command writes, out of the one vocabulary ({@link Format}). A command names its
 * subclass as its {@code --format}'s {@code completionCandidates} and {@code converter}, so its
 * help ({@code ${COMPLETION-CANDIDATES}}), the completion scripts and the refusal of any other
 * format (a usage error naming these) all come from that one declaration.
 */
abstract class Formats implements Iterable<String>, ITypeConverter<Format> {
    private final List<Format> accepted;

    Formats(Format... accepted) {
        this.accepted = List.of(accepted);
    }

    @Override
    public Iterator<String> iterator() {
        return accepted.stream().map(Format::name).iterator();
    }

    /** The format named, in any case, if the command writes it; a usage error naming the ones it does otherwise. */
    @Override
    public Format convert(String value) {
        for (Format f : accepted) {
            if (f.name().equals(value.toLowerCase(Locale.ROOT))) return f;
        }
        throw new TypeConversionException("expected " + listed() + ", not '" + value + "'");
    }

    /** "text, markdown, html or json". */
    String listed() {
        List<String> names = accepted.stream().map(Format::name).toList();
        return names.size() == 1
                ? names.get(0)
                : String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }
}
