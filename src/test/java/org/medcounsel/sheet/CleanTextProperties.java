package org.medcounsel.sheet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Sheet text is cleaned the same way for any text: stripped, every run of white space one space. */
class CleanTextProperties {
    @Provide
    Arbitrary<String> text() {
        return Arbitraries.strings()
                .withChars(" \t\n\r\f\u000b\u00a0\u2003\u3000\u0085")
                .withCharRange('a', 'e')
                .withChars("é語")
                .ofMaxLength(60);
    }

    /** The loop in {@link Shape.Bound#clean} does what the regular expression it replaced did. */
    @Property(tries = 1000)
    boolean cleanIsStripThenOneSpacePerRun(@ForAll("text") String text) {
        return Shape.Bound.clean(text).equals(text.strip().replaceAll("\\s+", " "));
    }
}
