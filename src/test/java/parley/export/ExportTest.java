package parley.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedPseudograph;
import org.jgrapht.nio.graphml.GraphMLImporter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import parley.SharedNeo4j;
import parley.TestNeo4j;

/** The exports read back by independent readers: the JDK's XML parser and validator, JGraphT, Commons CSV. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExportTest implements SharedNeo4j {

    /** A shared, busy machine can take longer than the client's default 10 s to plan a filtered export. */
    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new java.util.HashMap<>(SharedNeo4j.super.getProperties());
        p.put("micronaut.http.client.read-timeout", "120s");
        return p;
    }

    static final String MOSCOW = "witkoff-putin-moscow-2025-12-02";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    parley.neo4j.Graph graph;

    byte[] get(String uri) {
        HttpResponse<byte[]> response = client.toBlocking().exchange(HttpRequest.GET(uri), byte[].class);
        assertEquals(HttpStatus.OK, response.getStatus());
        return response.body();
    }

    long count(String cypher) {
        return graph.read(cypher, Map.of()).records().getFirst().get(0).asLong();
    }

    @Test
    void graphmlIsValidAgainstTheGraphMlSchemaAndHoldsTheMoscowMeeting() throws Exception {
        byte[] body = get("/api/export/graph.graphml");
        var schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(GraphMLImporter.class.getResource("/graphml.xsd"));
        schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(body)));

        Document doc = parse(body);
        Element meeting = node(doc, MOSCOW);
        assertEquals(":Meeting", data(meeting, "n_labels"));
        assertEquals("2025-12-02", data(meeting, "n_date"));
        assertTrue(Integer.parseInt(data(meeting, "n_evidenceCount")) >= 1, "the meeting is reported by a source");
        Element witkoff = node(doc, "steve-witkoff");
        assertEquals("Steve Witkoff", data(witkoff, "n_name"));
        assertEquals("united-states", data(witkoff, "n_side"), "his role is with the United States");
        assertEquals("russia", data(node(doc, "vladimir-putin"), "n_side"));
        assertTrue(edges(doc).contains("steve-witkoff ATTENDED " + MOSCOW), "Witkoff attended the Moscow meeting");

        assertEquals(
                count("MATCH (n) RETURN count(n)"),
                doc.getElementsByTagName("node").getLength());
        assertEquals(
                count("MATCH ()-[r]->() RETURN count(r)"),
                doc.getElementsByTagName("edge").getLength());
    }

    @Test
    void graphmlReadsIntoJGraphT() throws Exception {
        Graph<String, Object> g = new DirectedPseudograph<>(null, Object::new, false);
        GraphMLImporter<String, Object> importer = new GraphMLImporter<>();
        importer.setSchemaValidation(true);
        importer.setVertexFactory(id -> id);
        importer.importGraph(g, new ByteArrayInputStream(get("/api/export/graph.graphml?actor=kirill-dmitriev")));
        assertTrue(g.containsVertex("steve-witkoff"), g.vertexSet().toString());
        assertTrue(g.containsVertex("jared-kushner"), g.vertexSet().toString());
        assertTrue(g.containsVertex("us-russia-talks-miami-2025-12-20"), "the Miami talks where they are to meet");
    }

    @Test
    void anActorsNetworkHoldsWhomTheyMetAndTheirMeetingsOnly() throws Exception {
        Document doc = parse(get("/api/export/graph.graphml?actor=kirill-dmitriev&depth=1"));
        Set<String> ids = ids(doc);
        assertTrue(ids.containsAll(List.of("kirill-dmitriev", "steve-witkoff", "jared-kushner")), ids.toString());
        for (String id : ids) {
            String labels = data(node(doc, id), "n_labels");
            assertTrue(labels.contains("Person") || labels.contains("Meeting") || labels.contains("Place"), id);
        }
        Set<String> met = new HashSet<>();
        graph.read("MATCH (:Person {id: 'kirill-dmitriev'})-[:MET]-(o:Person) RETURN DISTINCT o.id AS id", Map.of())
                .records()
                .forEach(r -> met.add(r.get("id").asString()));
        met.add("kirill-dmitriev");
        Set<String> people = new HashSet<>();
        ids.stream()
                .filter(id -> data(node(doc, id), "n_labels").contains("Person"))
                .forEach(people::add);
        assertEquals(met, people, "depth 1: Dmitriev and those he met");
        assertTrue(
                ids(parse(get("/api/export/graph.graphml?actor=kirill-dmitriev&depth=2")))
                        .containsAll(ids),
                "depth 2 holds depth 1");
    }

    @Test
    void jsonLinesGiveEachFactWithItsSourcesAndSentences() throws Exception {
        List<Map<String, Object>> lines = lines(get("/api/export/facts.jsonl"));
        Map<String, Object> meeting = lines.stream()
                .filter(l -> MOSCOW.equals(l.get("id")))
                .findFirst()
                .orElseThrow();
        assertEquals(List.of("Meeting"), meeting.get("labels"));
        assertEquals("2025-12-02", ((Map<?, ?>) meeting.get("properties")).get("date"));
        Set<String> exported = new HashSet<>();
        ((List<?>) meeting.get("evidence"))
                .forEach(e -> exported.add(((Map<?, ?>) e).get("source") + ": " + ((Map<?, ?>) e).get("sentence")));
        Set<String> stored = new HashSet<>();
        graph.read(
                        "MATCH (:Meeting {id: $id})-[p:REPORTED_IN]->(s) UNWIND p.sentences AS sentence"
                                + " RETURN s.id + ': ' + sentence AS e",
                        Map.of("id", MOSCOW))
                .records()
                .forEach(r -> stored.add(r.get("e").asString()));
        assertEquals(stored, exported, "every source's sentences, as stored");
        assertTrue(
                exported.stream().anyMatch(e -> e.startsWith("article-004: ") && e.contains("Witkoff")),
                exported.toString());
        Map<String, Object> attended = lines.stream()
                .filter(l -> "ATTENDED".equals(l.get("type"))
                        && "steve-witkoff".equals(l.get("from"))
                        && MOSCOW.equals(l.get("to")))
                .findFirst()
                .orElseThrow();
        assertFalse(((List<?>) attended.get("evidence")).isEmpty());
        assertTrue(lines.stream().noneMatch(l -> "REPORTED_IN".equals(l.get("type"))), "provenance is evidence");
        assertEquals(
                count("MATCH (n) RETURN count(n)")
                        + count("MATCH ()-[r]->() WHERE NOT r:REPORTED_IN|MENTIONED_IN RETURN count(r)"),
                lines.size());
    }

    @Test
    void oneSourceGivesOnlyWhatThatSourceSupports() throws Exception {
        List<Map<String, Object>> lines = lines(get("/api/export/facts.jsonl?source=article-004"));
        assertTrue(lines.stream().anyMatch(l -> MOSCOW.equals(l.get("id"))));
        for (Map<String, Object> line : lines) {
            if (line.get("kind").equals("node") && !((List<?>) line.get("labels")).contains("Source")) {
                assertTrue(sources(line).contains("article-004"), line.toString());
            }
            if (line.get("kind").equals("relationship") && !line.get("type").equals("MET")) {
                assertTrue(sources(line).contains("article-004"), line.toString());
            }
        }
        assertTrue(lines.stream().noneMatch(l -> "article-000".equals(l.get("id"))), "no other source");
    }

    @Test
    void aDateRangeKeepsTheFactsDatedInIt() throws Exception {
        List<Map<String, Object>> lines = lines(get("/api/export/facts.jsonl?from=2025-12-02&to=2025-12-02"));
        List<Object> meetings = lines.stream()
                .filter(l -> ((List<?>) l.getOrDefault("labels", List.of())).contains("Meeting"))
                .map(l -> l.get("id"))
                .toList();
        assertEquals(List.of(MOSCOW), meetings);
        for (Map<String, Object> line : lines) {
            Object date = ((Map<?, ?>) line.get("properties")).get("date");
            assertTrue(date == null || date.equals("2025-12-02"), line.toString());
        }
        assertTrue(lines.stream().anyMatch(l -> "steve-witkoff".equals(l.get("id"))), "a participant");
    }

    @Test
    void csvHasTheImportHeaderAndOneRowPerNodeAndRelationship() throws Exception {
        List<CSVRecord> nodes = csv(get("/api/export/nodes.csv"));
        List<String> header = nodes.getFirst().toList();
        assertEquals("id:ID", header.get(0));
        assertEquals(":LABEL", header.get(1));
        assertTrue(header.contains("aliases:string[]"), header.toString());
        assertTrue(header.contains("date:date"), header.toString());
        assertTrue(header.contains("published:date"), header.toString());
        assertEquals(count("MATCH (n) RETURN count(n)"), nodes.size() - 1);
        CSVRecord moscow =
                nodes.stream().filter(r -> r.get(0).equals(MOSCOW)).findFirst().orElseThrow();
        assertEquals("Meeting", moscow.get(1));
        assertEquals("2025-12-02", moscow.get(header.indexOf("date:date")));

        List<CSVRecord> relationships = csv(get("/api/export/relationships.csv?type=ATTENDED"));
        List<String> relationshipHeader = relationships.getFirst().toList();
        assertEquals(List.of(":START_ID", ":END_ID", ":TYPE"), relationshipHeader.subList(0, 3));
        assertTrue(relationshipHeader.contains("evidence:string[]"), relationshipHeader.toString());
        assertTrue(
                csv(get("/api/export/relationships.csv?type=REPORTED_IN"))
                        .getFirst()
                        .toList()
                        .contains("evidence:string"),
                "evidence is one sentence on REPORTED_IN");
        assertEquals(count("MATCH ()-[r:ATTENDED]->() RETURN count(r)"), relationships.size() - 1);
        assertTrue(relationships.stream()
                .anyMatch(r -> r.get(0).equals("steve-witkoff")
                        && r.get(1).equals(MOSCOW)
                        && r.get(2).equals("ATTENDED")));
    }

    @Test
    void csvImportedByNeo4jAdminGivesTheSameGraph(@TempDir Path dir) throws Exception {
        Path files = dir.resolve("csv");
        Files.createDirectories(files);
        try (var zip = new java.util.zip.ZipInputStream(new ByteArrayInputStream(get("/api/export/csv.zip")))) {
            for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                Files.write(files.resolve(entry.getName()), zip.readAllBytes());
            }
        }
        assertTrue(Files.readString(files.resolve("import.sh")).contains("--relationships=relationships-MET.csv"));
        List<Path> relationships;
        try (var list = Files.list(files)) {
            relationships = list.filter(f -> f.getFileName().toString().startsWith("relationships-"))
                    .sorted()
                    .toList();
        }
        assertEquals(
                count("MATCH ()-[r]->() RETURN count(DISTINCT type(r))"), relationships.size(), "one file per type");
        List<String> before = parley.kb.GraphFingerprint.rows(graph);
        List<String> imported =
                ImportRoundTrip.importAndRead(dir.resolve("store"), files.resolve("nodes.csv"), relationships);
        List<String> missing = new ArrayList<>(before);
        missing.removeAll(new HashSet<>(imported));
        List<String> extra = new ArrayList<>(imported);
        extra.removeAll(new HashSet<>(before));
        assertEquals(
                List.of(),
                missing.stream().limit(5).toList(),
                "rows lost on the way; rows gained: " + extra.stream().limit(5).toList());
        assertEquals(List.of(), extra, "rows gained on the way");
        assertEquals(before.size(), imported.size());
    }

    @Test
    void badFiltersAre400AndUnknownIds404() {
        assertStatus(HttpStatus.BAD_REQUEST, "/api/export/graph.graphml?actor=kirill-dmitriev&depth=3", "depth");
        assertStatus(HttpStatus.BAD_REQUEST, "/api/export/facts.jsonl?from=2025-12-31&to=2025-12-01", "from");
        assertStatus(HttpStatus.BAD_REQUEST, "/api/export/nodes.csv?from=yesterday", "from");
        assertStatus(HttpStatus.NOT_FOUND, "/api/export/graph.graphml?actor=nobody-at-all", "nobody-at-all");
        assertStatus(HttpStatus.NOT_FOUND, "/api/export/relationships.csv?type=MET&source=article-999", "article-999");
        assertStatus(HttpStatus.BAD_REQUEST, "/api/export/relationships.csv", "type");
    }

    @Test
    void csvIsServedForAcceptTextCsv() {
        HttpResponse<String> response = client.toBlocking()
                .exchange(HttpRequest.GET("/api/export/nodes.csv").accept("text/csv"), String.class);
        assertEquals(HttpStatus.OK, response.getStatus());
        assertTrue(response.getContentType().orElseThrow().toString().startsWith("text/csv"));
    }

    @Test
    void askingAJsonEndpointForCsvPointsToTheExports() {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking()
                        .exchange(HttpRequest.GET("/api/meetings").accept("text/csv"), String.class));
        assertEquals(HttpStatus.NOT_ACCEPTABLE, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains("/api/export/nodes.csv"), body);
    }

    @Test
    void theCommandLineWritesTheSameExports(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("NEO4J_URI", TestNeo4j.boltUri().toString());
        int status = Cli.run(
                new String[] {
                    "graphml",
                    "--actor",
                    "kirill-dmitriev",
                    "--out",
                    dir.resolve("d.graphml").toString()
                },
                env,
                new PrintStream(out),
                new PrintStream(err));
        assertEquals(0, status, err.toString());
        assertEquals(
                ids(parse(get("/api/export/graph.graphml?actor=kirill-dmitriev"))),
                ids(parse(Files.readAllBytes(dir.resolve("d.graphml")))));
        assertEquals(
                0,
                Cli.run(
                        new String[] {"csv", "--out", dir.resolve("csv").toString()},
                        env,
                        new PrintStream(out),
                        new PrintStream(err)),
                err.toString());
        assertEquals(
                new String(get("/api/export/relationships.csv?type=MET"), StandardCharsets.UTF_8),
                Files.readString(dir.resolve("csv/relationships-MET.csv")));
        assertTrue(Files.exists(dir.resolve("csv/import.sh")));
        assertTrue(out.toString().contains("bytes written"), out.toString());

        ByteArrayOutputStream bad = new ByteArrayOutputStream();
        assertEquals(
                2,
                Cli.run(
                        new String[] {"graphml", "--depth", "3", "--out", "x"},
                        env,
                        new PrintStream(out),
                        new PrintStream(bad)));
        assertTrue(bad.toString().contains("--depth must be 1 or 2"), bad.toString());
        assertEquals(2, Cli.run(new String[] {"gexf", "--out", "x"}, env, new PrintStream(out), new PrintStream(bad)));
    }

    private void assertStatus(HttpStatus status, String uri, String named) {
        HttpClientResponseException e = org.junit.jupiter.api.Assertions.assertThrows(
                HttpClientResponseException.class, () -> client.toBlocking().exchange(uri, String.class));
        assertEquals(status, e.getStatus());
        String body = e.getResponse().getBody(String.class).orElse("");
        assertTrue(body.contains(named), body);
    }

    private static Set<Object> sources(Map<String, Object> line) {
        Set<Object> s = new HashSet<>((List<?>) line.getOrDefault("sources", List.of()));
        ((List<?>) line.get("evidence")).forEach(e -> s.add(((Map<?, ?>) e).get("source")));
        return s;
    }

    private List<Map<String, Object>> lines(byte[] body) throws Exception {
        List<Map<String, Object>> result = new ArrayList<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) {
                result.add(json.readValue(line, io.micronaut.core.type.Argument.mapOf(String.class, Object.class)));
            }
        }
        return result;
    }

    private static List<CSVRecord> csv(byte[] body) throws Exception {
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(new String(body, StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        }
    }

    static Document parse(byte[] body) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(body));
    }

    static Set<String> ids(Document doc) {
        Set<String> ids = new HashSet<>();
        NodeList nodes = doc.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            ids.add(((Element) nodes.item(i)).getAttribute("id"));
        }
        return ids;
    }

    static Element node(Document doc, String id) {
        NodeList nodes = doc.getElementsByTagName("node");
        for (int i = 0; i < nodes.getLength(); i++) {
            if (((Element) nodes.item(i)).getAttribute("id").equals(id)) {
                return (Element) nodes.item(i);
            }
        }
        throw new AssertionError("no node " + id);
    }

    static String data(Element element, String key) {
        NodeList data = element.getElementsByTagName("data");
        for (int i = 0; i < data.getLength(); i++) {
            if (((Element) data.item(i)).getAttribute("key").equals(key)) {
                return data.item(i).getTextContent();
            }
        }
        return null;
    }

    static Set<String> edges(Document doc) {
        Set<String> edges = new HashSet<>();
        NodeList list = doc.getElementsByTagName("edge");
        for (int i = 0; i < list.getLength(); i++) {
            Element e = (Element) list.item(i);
            edges.add(e.getAttribute("source") + " " + data(e, "e_type") + " " + e.getAttribute("target"));
        }
        return edges;
    }
}
