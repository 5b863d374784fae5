package org.medcounsel.sheet;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed YAML value that remembers the line it started on, so every error can name it. */
public sealed interface YamlNode {
    int line();

    /** What the node is, in words an author understands ("text", "a list"...). */
    String describe();

    /** A scalar; {@code kind} says how YAML read it, so text and numbers can be told apart. */
    record Scalar(String text, ScalarKind kind, int line) implements YamlNode {
        @Override
        public String describe() {
            return kind.description;
        }
    }

    /** A YAML sequence. */
    record Sequence(List<YamlNode> items, int line) implements YamlNode {
        @Override
        public String describe() {
            return "a list";
        }
    }

    /** A YAML mapping whose keys keep their source order and lines. */
    record Mapping(Map<String, Entry> entries, int line) implements YamlNode {
        public Mapping {
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }

        @Override
        public String describe() {
            return "a map of fields";
        }
    }

    /** One key of a mapping with the line the key is on. */
    record Entry(String key, int keyLine, YamlNode value) {}

    /** How YAML read a scalar. */
    enum ScalarKind {
        TEXT("text"),
        NUMBER("a number"),
        BOOLEAN("yes/no (true/false)"),
        EMPTY("nothing");

        final String description;

        ScalarKind(String description) {
            this.description = description;
        }
    }
}
