package parley.export;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;
import parley.api.Rows;

/**
 * JSON Lines for notebooks: one object per line, a node ({@code "kind": "node"}, its labels,
 * properties, the sources that report or mention it and their sentences) or a relationship
 * ({@code "kind": "relationship"}, type, ends, properties and its evidence paired with the source
 * of each sentence). The provenance links themselves are the evidence, not lines of their own. A
 * source's line leaves out its full text ({@code GET /api/sources/{id}} has it).
 */
final class JsonLinesWriter {

    private static final Set<String> PROVENANCE = Set.of("REPORTED_IN", "MENTIONED_IN");
    private static final Set<String> EVIDENCE_KEYS = Set.of("evidence", "evidenceSources", "sources");

    private final OutputStream stream;
    private final JsonGenerator json;

    JsonLinesWriter(OutputStream stream) throws IOException {
        this.stream = stream;
        this.json = new JsonFactory().createGenerator(stream, JsonEncoding.UTF8);
        json.setRootValueSeparator(null);
        json.configure(JsonGenerator.Feature.AUTO_CLOSE_TARGET, false);
    }

    void write(Exporter.Rows nodes, Exporter.Rows relationships) throws IOException {
        try {
            nodes.forEach(this::node);
            relationships.forEach(this::relationship);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.flush();
        stream.flush();
    }

    private void node(Record r) {
        try {
            json.writeStartObject();
            json.writeStringField("kind", "node");
            Map<String, Object> p = r.get("properties").asMap();
            json.writeStringField("id", String.valueOf(p.get("id")));
            json.writeArrayFieldStart("labels");
            for (String label : r.get("labels").asList(Value::asString)) {
                json.writeString(label);
            }
            json.writeEndArray();
            if (!r.get("side").isNull()) {
                json.writeStringField("side", r.get("side").asString());
            }
            json.writeObjectFieldStart("properties");
            for (Map.Entry<String, Object> e : p.entrySet()) {
                if (e.getValue() != null && !e.getKey().equals("id")) {
                    json.writeFieldName(e.getKey());
                    value(Rows.plain(r.get("properties").get(e.getKey())));
                }
            }
            json.writeEndObject();
            json.writeArrayFieldStart("sources");
            for (String source : r.get("sources").asList(Value::asString)) {
                json.writeString(source);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("evidence");
            for (Value e : r.get("evidence").values()) {
                evidence(e.get("source").asString(), e.get("sentence").asString());
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void relationship(Record r) {
        String type = r.get("type").asString();
        if (PROVENANCE.contains(type)) {
            return;
        }
        try {
            Value properties = r.get("properties");
            json.writeStartObject();
            json.writeStringField("kind", "relationship");
            json.writeStringField("type", type);
            json.writeStringField("from", r.get("start").asString());
            json.writeStringField("to", r.get("end").asString());
            json.writeObjectFieldStart("properties");
            for (String key : properties.keys()) {
                if (!EVIDENCE_KEYS.contains(key)) {
                    json.writeFieldName(key);
                    value(Rows.plain(properties.get(key)));
                }
            }
            json.writeEndObject();
            json.writeArrayFieldStart("evidence");
            List<Object> sentences = properties.get("evidence").isNull()
                    ? List.of()
                    : properties.get("evidence").asList(Value::asObject);
            List<Object> sources = properties.get("evidenceSources").isNull()
                    ? List.of()
                    : properties.get("evidenceSources").asList(Value::asObject);
            for (int i = 0; i < sentences.size(); i++) {
                evidence(i < sources.size() ? String.valueOf(sources.get(i)) : null, String.valueOf(sentences.get(i)));
            }
            json.writeEndArray();
            json.writeEndObject();
            json.writeRaw('\n');
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void evidence(String source, String sentence) throws IOException {
        json.writeStartObject();
        json.writeStringField("source", source);
        json.writeStringField("sentence", sentence);
        json.writeEndObject();
    }

    private void value(Object v) throws IOException {
        switch (v) {
            case null -> json.writeNull();
            case String s -> json.writeString(s);
            case Boolean b -> json.writeBoolean(b);
            case Long l -> json.writeNumber(l);
            case Integer i -> json.writeNumber(i);
            case Double d -> json.writeNumber(d);
            case Number n -> json.writeNumber(n.doubleValue());
            case List<?> list -> {
                json.writeStartArray();
                for (Object o : list) {
                    value(o);
                }
                json.writeEndArray();
            }
            case Map<?, ?> map -> {
                json.writeStartObject();
                for (Map.Entry<?, ?> e : map.entrySet()) {
                    json.writeFieldName(String.valueOf(e.getKey()));
                    value(e.getValue());
                }
                json.writeEndObject();
            }
            default -> json.writeString(String.valueOf(v));
        }
    }
}
