package org.medcounsel.render;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a tree of maps, lists, strings, numbers, booleans and nulls as pretty JSON with
 * Jackson's streaming generator. Every control character (C0, DEL, C1) is written escaped.
 */
public final class JsonOut {
    private static final JsonFactory FACTORY = new JsonFactory().setCharacterEscapes(new ControlEscapes());

    /** JSON escapes C0 controls itself; these also escape DEL and the C1 controls (ESC's 8-bit kin). */
    static final class ControlEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;

        private final int[] table = table();

        private static int[] table() {
            int[] t = standardAsciiEscapesForJSON();
            t[0x7f] = ESCAPE_CUSTOM;
            return t;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return table;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            if (ch == 0x7f || (ch >= 0x80 && ch <= 0x9f)) {
                return new SerializedString(String.format("\\u%04x", ch));
            }
            return null;
        }
    }

    private JsonOut() {}

    /** A JSON object of the given names and values, in order (values may be null). */
    public static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            m.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return m;
    }

    public static void write(Object tree, PrintWriter out) {
        try {
            JsonGenerator g = FACTORY.createGenerator(out);
            g.useDefaultPrettyPrinter();
            value(g, tree);
            g.flush();
            out.println();
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void value(JsonGenerator g, Object v) throws IOException {
        if (v == null) {
            g.writeNull();
        } else if (v instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName(String.valueOf(e.getKey()));
                value(g, e.getValue());
            }
            g.writeEndObject();
        } else if (v instanceof List<?> list) {
            g.writeStartArray();
            for (Object item : list) value(g, item);
            g.writeEndArray();
        } else if (v instanceof Boolean b) {
            g.writeBoolean(b);
        } else if (v instanceof Integer i) {
            g.writeNumber(i);
        } else if (v instanceof Long l) {
            g.writeNumber(l);
        } else if (v instanceof Number n && !(v instanceof Double)) {
            g.writeNumber(n.longValue());
        } else if (v instanceof Double d) {
            if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber(d.longValue());
            else g.writeNumber(d);
        } else {
            g.writeString(String.valueOf(v));
        }
    }
}
