package parley.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

/**
 * GraphML (graphml.graphdrawing.org) as Gephi, yEd and Cytoscape read it: one {@code <node>} per
 * node with its labels, id, name, side, date, status and evidence count as {@code <data>}, one
 * directed {@code <edge>} per relationship. Written with the JDK's streaming XML writer.
 */
final class GraphMlWriter {

    private static final String NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

    /** Node attributes: id, GraphML type, and the property each is read from. */
    private static final List<String[]> NODE_KEYS = List.of(
            new String[] {"labels", "string"},
            new String[] {"name", "string"},
            new String[] {"kind", "string"},
            new String[] {"side", "string"},
            new String[] {"date", "string"},
            new String[] {"datePrecision", "string"},
            new String[] {"status", "string"},
            new String[] {"aliases", "string"},
            new String[] {"sources", "string"},
            new String[] {"evidenceCount", "int"});

    private static final List<String[]> EDGE_KEYS = List.of(
            new String[] {"type", "string"},
            new String[] {"role", "string"},
            new String[] {"side", "string"},
            new String[] {"title", "string"},
            new String[] {"meeting", "string"},
            new String[] {"place", "string"},
            new String[] {"date", "string"},
            new String[] {"status", "string"},
            new String[] {"sources", "string"},
            new String[] {"evidenceCount", "int"});

    private final OutputStream stream;
    private XMLStreamWriter xml;

    GraphMlWriter(OutputStream stream) {
        this.stream = stream;
    }

    void write(Exporter.Rows nodes, Exporter.Rows relationships) throws IOException {
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(stream, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("graphml");
            xml.writeDefaultNamespace(NS);
            xml.writeNamespace("xsi", XSI);
            xml.writeAttribute(XSI, "schemaLocation", NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
            xml.writeCharacters("\n");
            declare("node", "n_", NODE_KEYS);
            declare("edge", "e_", EDGE_KEYS);
            xml.writeStartElement("graph");
            xml.writeAttribute("id", "parley");
            xml.writeAttribute("edgedefault", "directed");
            xml.writeCharacters("\n");
            nodes.forEach(this::node);
            long[] edge = {0};
            relationships.forEach(r -> edge(r, ++edge[0]));
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("GraphML could not be written: " + e.getMessage(), e);
        } catch (UncheckedXml e) {
            throw new IOException(
                    "GraphML could not be written: " + e.getCause().getMessage(), e.getCause());
        }
        stream.flush();
    }

    private void declare(String kind, String prefix, List<String[]> keys) throws XMLStreamException {
        for (String[] key : keys) {
            xml.writeEmptyElement("key");
            xml.writeAttribute("id", prefix + key[0]);
            xml.writeAttribute("for", kind);
            xml.writeAttribute("attr.name", key[0]);
            xml.writeAttribute("attr.type", key[1]);
            xml.writeCharacters("\n");
        }
    }

    private void node(Record r) {
        Map<String, Object> p = r.get("properties").asMap();
        try {
            xml.writeStartElement("node");
            xml.writeAttribute("id", clean(String.valueOf(p.get("id"))));
            data("n_labels", ":" + String.join(":", r.get("labels").asList(Value::asString)));
            data("n_name", firstOf(p, "name", "title", "text", "summary"));
            data("n_kind", p.get("kind"));
            data("n_side", r.get("side").isNull() ? null : r.get("side").asString());
            data("n_date", p.get("date") != null ? p.get("date") : p.get("published"));
            data("n_datePrecision", p.get("datePrecision"));
            data("n_status", p.get("status"));
            data("n_aliases", p.get("aliases") instanceof List<?> l && !l.isEmpty() ? join(l) : null);
            List<String> sources = r.get("sources").asList(Value::asString);
            data("n_sources", sources.isEmpty() ? null : join(sources));
            data("n_evidenceCount", r.get("evidence").size());
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new UncheckedXml(e);
        }
    }

    private void edge(Record r, long number) {
        Map<String, Object> p = r.get("properties").asMap();
        try {
            xml.writeStartElement("edge");
            xml.writeAttribute("id", "e" + number);
            xml.writeAttribute("source", clean(r.get("start").asString()));
            xml.writeAttribute("target", clean(r.get("end").asString()));
            String type = r.get("type").asString();
            data("e_type", type);
            data("e_role", p.get("role"));
            data("e_side", p.get("side"));
            data("e_title", p.get("title") != null ? p.get("title") : p.get("relation"));
            data("e_meeting", p.get("meeting"));
            data("e_place", p.get("place"));
            data("e_date", p.get("date"));
            data("e_status", p.get("status"));
            data("e_sources", p.get("sources") instanceof List<?> l ? join(l) : null);
            Object evidence = p.get("evidence");
            data("e_evidenceCount", evidence instanceof List<?> l ? l.size() : evidence == null ? 0 : 1);
            xml.writeEndElement();
            xml.writeCharacters("\n");
        } catch (XMLStreamException e) {
            throw new UncheckedXml(e);
        }
    }

    private void data(String key, Object value) throws XMLStreamException {
        if (value == null) {
            return;
        }
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(clean(String.valueOf(value)));
        xml.writeEndElement();
    }

    private static Object firstOf(Map<String, Object> p, String... keys) {
        for (String key : keys) {
            if (p.get(key) != null) {
                return p.get(key);
            }
        }
        return null;
    }

    private static String join(List<?> values) {
        return String.join("; ", values.stream().map(String::valueOf).toList());
    }

    /** XML 1.0 cannot hold most control characters, not even escaped; they are dropped. */
    static String clean(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c >= 0x20 ? c != 0xFFFE && c != 0xFFFF : c == '\t' || c == '\n' || c == '\r';
            if (!allowed && s == null) {
                s = new StringBuilder(text.substring(0, i));
            } else if (allowed && s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }

    private static final class UncheckedXml extends RuntimeException {
        UncheckedXml(XMLStreamException cause) {
            super(cause);
        }
    }
}
