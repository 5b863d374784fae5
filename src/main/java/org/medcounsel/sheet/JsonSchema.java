package org.medcounsel.sheet;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes a {@link Shape} as a JSON Schema (draft-07), so an editor with a YAML language server
 * checks a sheet while it is written. Generated from the same shapes the loader uses.
 */
public final class JsonSchema {
    private JsonSchema() {}

    /** The published schemas: file name under data/schema and the shape it describes. */
    public enum Published {
        DRUG("drug-sheet.schema.json", SheetShapes.DRUG),
        CLASS("class-sheet.schema.json", SheetShapes.CLASS),
        FACTS("facts.schema.json", SheetShapes.FACTS),
        WORDS("words.schema.json", SheetShapes.WORDS),
        MEDICINES("medicines.schema.json", SheetShapes.MEDICINES),
        APPROVALS("approvals.schema.json", SheetShapes.APPROVALS),
        SYNONYMS("synonyms.schema.json", SheetShapes.SYNONYMS);

        public final String file;
        public final Shape shape;

        Published(String file, Shape shape) {
            this.file = file;
            this.shape = shape;
        }
    }

    public static String of(Published published) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.setPrettyPrinter(new DefaultPrettyPrinter()
                    .withObjectIndenter(new DefaultIndenter("  ", "\n"))
                    .withArrayIndenter(new DefaultIndenter("  ", "\n")));
            g.writeStartObject();
            g.writeStringField("$schema", "http://json-schema.org/draft-07/schema#");
            g.writeStringField("$id", "https://medcounsel.org/schema/" + published.file);
            g.writeStringField("title", "medcounsel " + published.shape.name());
            body(g, published.shape);
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out + "\n";
    }

    private static void body(JsonGenerator g, Shape shape) throws IOException {
        g.writeStringField("description", shape.description());
        g.writeStringField("type", "object");
        g.writeBooleanField("additionalProperties", false);
        List<String> required = shape.fields().stream()
                .filter(Shape.Field::required)
                .map(Shape.Field::name)
                .toList();
        if (!required.isEmpty()) {
            g.writeArrayFieldStart("required");
            for (String r : required) g.writeString(r);
            g.writeEndArray();
        }
        g.writeObjectFieldStart("properties");
        for (Shape.Field<?> field : shape.fields()) {
            g.writeObjectFieldStart(field.name());
            if (!(field.type() instanceof Shape.Obj<?>)) {
                g.writeStringField("description", field.description());
            }
            type(g, field.type());
            g.writeEndObject();
        }
        g.writeEndObject();
    }

    private static void type(JsonGenerator g, Shape.Type<?> type) throws IOException {
        if (type instanceof Shape.Text text) {
            g.writeStringField("type", "string");
            g.writeNumberField("minLength", 1);
            if (text.pattern() != null)
                g.writeStringField("pattern", "^(" + text.pattern().pattern() + ")$");
        } else if (type instanceof Shape.Date) {
            g.writeStringField("type", "string");
            g.writeStringField("pattern", "^\\d{4}-\\d{2}-\\d{2}$");
        } else if (type instanceof Shape.Number) {
            g.writeStringField("type", "number");
        } else if (type instanceof Shape.Choice<?> choice) {
            g.writeStringField("type", "string");
            g.writeArrayFieldStart("enum");
            for (String v : choice.values()) g.writeString(v);
            g.writeEndArray();
        } else if (type instanceof Shape.ListOf<?> list) {
            g.writeStringField("type", "array");
            if (list.min() > 0) g.writeNumberField("minItems", list.min());
            if (list.max() < Integer.MAX_VALUE) g.writeNumberField("maxItems", list.max());
            g.writeObjectFieldStart("items");
            type(g, list.item());
            g.writeEndObject();
        } else if (type instanceof Shape.Obj<?> obj) {
            body(g, obj.shape());
        }
    }
}
