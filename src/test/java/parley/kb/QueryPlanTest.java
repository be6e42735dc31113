package parley.kb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.Session;
import org.neo4j.driver.summary.Plan;
import parley.SharedNeo4j;
import parley.TestNeo4j;
import parley.neo4j.CypherScript;

/**
 * EXPLAINs every loader statement (each template filled with every label or type it is used
 * with) and every named query, with realistic parameters, against the shared test database holding
 * the curated graph, and fails on operators that make a statement slow as the graph grows: Eager
 * (materialises every row), CartesianProduct, AllNodesScan, and label scans where an index seek
 * by id should serve. The few list queries that legitimately walk one label are named below.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class QueryPlanTest implements SharedNeo4j {

    /** Always wrong in our statements. */
    private static final Set<String> FORBIDDEN = Set.of("Eager", "CartesianProduct", "AllNodesScan");

    private static final Set<String> LABEL_SCANS = Set.of(
            "NodeByLabelScan", "UnionNodeByLabelsScan", "IntersectionNodeByLabelsScan", "SubtractionNodeByLabelsScan");

    /** Queries that answer a list over one label (or several), so walking that label is the point. */
    private static final Map<String, String> LIST_QUERIES = Map.of(
            "actors", "lists and filters all actors by name",
            "claims", "lists all claims",
            "meetings", "lists meetings; date/status filters are optional",
            "topics", "lists all topics",
            "sources", "lists all sources",
            "views/timeline-meetings", "lists meetings for the timeline view; its filters are optional",
            "extract/known-entities", "reads every actor and place name for the extractor, by design");

    /**
     * Eager that Neo4j's planner puts into every multi-row write of this shape, whatever the
     * wording: even the bare {@code UNWIND $rows AS row MERGE (n:Person:Actor {id: row.id}) RETURN
     * elementId(n)} plans Eager ("read/set conflict for label"), and deleting what a statement
     * matched is a read/delete conflict by definition. The loader runs these with at most
     * {@code parley.kb.batch-size} rows, so each Eager buffers one batch, never the graph.
     * CartesianProduct in merge-relationships and relationships-of-new-source joins two element-id
     * seeks of one row each.
     * relationship-counts counts each type of the schema from the count store, and a type outside
     * the schema (named at run time, {@code $(type)}, which Neo4j 2026.08 plans as AllNodesScan +
     * Expand) in a last branch that no graph the service wrote ever reaches; {@link
     * #everySchemaLabelAndTypeIsCountedFromTheCountStore} keeps the branches complete. The timeline
     * finds statements and claims without a date of their own (no index holds a missing property)
     * by scanning the two labels only when the count store says some exist. {@code Stats.QUERY}
     * composes node-counts, relationship-counts and node-total into one statement: the same
     * AllNodesScan branch, and CartesianProducts that join the three one-row results.
     */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            Map.entry("loader/merge-entities", Set.of("Eager")),
            Map.entry("loader/merge-facts", Set.of("Eager")),
            Map.entry("loader/merge-relationships", Set.of("Eager", "CartesianProduct")),
            Map.entry("loader/relationships-of-new-source", Set.of("CartesianProduct")),
            Map.entry("loader/derive-met", Set.of("Eager")),
            Map.entry("loader/unlink-met", Set.of("Eager")),
            Map.entry("loader/retract-relationships", Set.of("Eager")),
            Map.entry("loader/delete-orphans", Set.of("Eager")),
            Map.entry("queries/relationship-counts", Set.of("AllNodesScan")),
            Map.entry("queries/timeline", Set.of("UnionNodeByLabelsScan")),
            Map.entry("stats", Set.of("AllNodesScan", "CartesianProduct")));

    private final Driver driver = GraphDatabase.driver(TestNeo4j.boltUri(), AuthTokens.none());

    @AfterAll
    void close() {
        driver.close();
    }

    @Test
    void loaderStatementsHaveNoEagerNoCartesianProductAndNoScans() {
        List<String> problems = new ArrayList<>();
        Map<String, Object> entityRow = Map.of(
                "id",
                "kirill-dmitriev",
                "name",
                "Kirill Dmitriev",
                "aliases",
                List.of("Dmitriev"),
                "properties",
                Map.of(),
                "evidence",
                List.of("x"));
        Map<String, Object> factRow = new HashMap<>(Map.of(
                "id", "witkoff-putin-moscow-2025-12-02", "properties", Map.of("title", "t"), "evidence", List.of("x")));
        factRow.put("status", "held");
        Map<String, Object> relRow = Map.of(
                "type", "ATTENDED", "from", "4:x:1", "to", "4:x:2", "properties", Map.of(), "evidence", List.of("x"));
        List<String> meetings = List.of("witkoff-putin-moscow-2025-12-02");
        Map<String, Object> sourceRow = new HashMap<>(Map.of(
                "id", "article-000", "title", "t", "published", LocalDate.of(2025, 12, 1), "file", "f", "text", "x"));

        check(
                "loader/labels-of-ids",
                loader("labels-of-ids"),
                Map.of("ids", List.of("kirill-dmitriev")),
                false,
                problems);
        check(
                "loader/meetings-of-source",
                loader("meetings-of-source"),
                Map.of("source", "article-000"),
                false,
                problems);
        check("loader/unlink-met", loader("unlink-met"), Map.of("meetings", meetings), false, problems);
        check("loader/write-lock", loader("write-lock"), Map.of(), false, problems);
        check(
                "loader/retract-relationships",
                loader("retract-relationships"),
                Map.of("source", "article-000"),
                false,
                problems);
        check(
                "loader/retract-provenance",
                loader("retract-provenance"),
                Map.of("source", "article-000"),
                false,
                problems);
        check("loader/delete-orphans", loader("delete-orphans"), Map.of("touched", List.of("4:x:1")), false, problems);
        check("loader/merge-source", loader("merge-source"), Map.of("source", sourceRow), false, problems);
        for (String label : KbSchema.ENTITY_LABELS) {
            String labels = KbSchema.isActor(label) ? label + ":Actor" : label;
            check(
                    "loader/merge-entities[" + labels + "]",
                    loader("merge-entities").replace("${labels}", labels),
                    Map.of("source", "article-000", "rows", List.of(entityRow)),
                    false,
                    problems);
        }
        for (String label : KbSchema.FACT_LABELS) {
            check(
                    "loader/merge-facts[" + label + "]",
                    loader("merge-facts").replace("${label}", label),
                    Map.of("source", "article-000", "rows", List.of(factRow)),
                    false,
                    problems);
        }
        for (String label : new TreeSet<>(KbSchema.ANY_LABEL)) {
            check(
                    "loader/mention[" + label + "]",
                    loader("mention").replace("${label}", label),
                    Map.of("source", "article-000", "ids", List.of("kirill-dmitriev")),
                    false,
                    problems);
        }
        for (String type : new TreeSet<>(KbSchema.RELATIONSHIPS.keySet())) {
            check(
                    "loader/merge-relationships[" + type + "]",
                    KbLoader.mergeRelationships(type),
                    Map.of("source", "article-000", "rows", List.of(relRow)),
                    false,
                    problems);
        }
        check("loader/meeting-status", loader("meeting-status"), Map.of("meetings", meetings), false, problems);
        check("loader/derive-met", loader("derive-met"), Map.of("meetings", meetings), false, problems);
        check(
                "loader/nodes-by-id",
                loader("nodes-by-id"),
                Map.of("ids", List.of("kirill-dmitriev", "article-000")),
                false,
                problems);
        check("loader/nodes-of-source", loader("nodes-of-source"), Map.of("source", "article-000"), false, problems);
        check("loader/snapshot", loader("snapshot"), Map.of("elementIds", List.of("4:x:1")), false, problems);
        check(
                "loader/snapshot-of-new-source",
                loader("snapshot-of-new-source"),
                Map.of("elementIds", List.of("4:x:1"), "source", "article-000"),
                false,
                problems);
        for (String type : new TreeSet<>(KbSchema.RELATIONSHIPS.keySet())) {
            check(
                    "loader/relationships-of-new-source[" + type + "]",
                    ChangeReader.relationshipsOfNewSource(type),
                    Map.of("pairs", List.of(Map.of("from", "4:x:1", "to", "4:x:2"))),
                    false,
                    problems);
        }
        check(
                "loader/relationships-by-element-id",
                loader("relationships-by-element-id"),
                Map.of("relationships", List.of("5:x:1"), "meetings", meetings),
                false,
                problems);
        check("loader/delete-source", loader("delete-source"), Map.of("source", "article-000"), false, problems);
        check(
                "review/existing-nodes",
                CypherScript.read("review/existing-nodes.cypher"),
                Map.of("ids", List.of("kirill-dmitriev")),
                false,
                problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void namedQueriesHaveNoEagerNoCartesianProductAndSeekWhereAnIdIsGiven() {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> params = new LinkedHashMap<>();
        Map<String, Object> page = Map.of("offset", 0L, "limit", 50L);
        params.put("actor", Map.of("id", "steve-witkoff", "limit", 50L));
        params.put("actor-met", with(with(page, "id", "kirill-dmitriev"), "status", "planned"));
        params.put("actor-network", Map.of("id", "kirill-dmitriev", "depth", 2L, "maxPaths", 2000L));
        params.put("actors", with(with(page, "q", "zel"), "type", "Person"));
        params.put("claims", with(page, "contested", true));
        params.put("meeting", Map.of("id", "witkoff-putin-moscow-2025-12-02"));
        Map<String, Object> meetings = new HashMap<>(page);
        meetings.put("from", LocalDate.of(2025, 11, 1));
        meetings.put("to", LocalDate.of(2025, 12, 31));
        meetings.put("place", "moscow");
        meetings.put("participant", "steve-witkoff");
        meetings.put("party", "russia");
        meetings.put("status", "held");
        params.put("meetings", meetings);
        params.put("node-counts", Map.of());
        params.put("node-total", Map.of());
        params.put("paths", Map.of("from", "kirill-dmitriev", "to", "volodymyr-zelensky", "maxHops", 4L));
        params.put("relationship-counts", Map.of());
        params.put("search", Map.of("query", "Zelenskyy~", "text", "zelenskyy", "offset", 0L, "limit", 20L));
        params.put("source", Map.of("id", "article-000"));
        params.put("sources", page);
        Map<String, Object> timeline = new HashMap<>(page);
        timeline.put("from", LocalDate.of(2025, 11, 1));
        timeline.put("to", LocalDate.of(2025, 12, 31));
        timeline.put("actor", "steve-witkoff");
        params.put("timeline", timeline);
        params.put("topic-positions", Map.of("id", "nato-membership"));
        params.put("topics", page);
        assertEquals(NAMED_QUERIES, params.keySet());
        for (var e : params.entrySet()) {
            String name = e.getKey();
            check(
                    "queries/" + name,
                    CypherScript.read("queries/" + name + ".cypher"),
                    e.getValue(),
                    LIST_QUERIES.containsKey(name),
                    problems);
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void viewAndExtractorQueriesHaveNoEagerNoCartesianProductAndSeekWhereAnIdIsGiven() {
        List<String> problems = new ArrayList<>();
        String side = "(" + CypherScript.read("views/side.cypher") + "\n)";
        check(
                "views/met-network",
                CypherScript.read("views/met-network.cypher").replace("${side}", side),
                Map.of("id", "kirill-dmitriev", "depth", 2L, "limit", 40L),
                false,
                problems);
        Map<String, Object> timeline = new HashMap<>();
        timeline.put("from", LocalDate.of(2025, 11, 1));
        timeline.put("to", null);
        timeline.put("actor", "steve-witkoff");
        timeline.put("topic", "nato-membership");
        timeline.put("limit", 200L);
        check(
                "views/timeline-meetings",
                CypherScript.read("views/timeline-meetings.cypher").replace("${side}", side),
                timeline,
                true,
                problems);
        check("extract/known-entities", CypherScript.read("extract/known-entities.cypher"), Map.of(), true, problems);
        // /api/stats: the three count queries composed into one statement.
        check("stats", parley.stats.Stats.QUERY, Map.of(), false, problems);
        check(
                "extract/meetings-on-dates",
                CypherScript.read("extract/meetings-on-dates.cypher"),
                Map.of("dates", List.of("2025-12-20")),
                false,
                problems);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everyLoaderStatementAndNamedQueryIsChecked() throws Exception {
        assertEquals(NAMED_QUERIES, files("cypher/queries"));
        assertEquals(LOADER_STATEMENTS, files("cypher/loader"));
    }

    /**
     * Every Cypher file the service's code reads for answering a request (queries/, views/,
     * extract/, review/) is among those EXPLAINed above: found by scanning the sources for {@code
     * CypherScript.read("…")}, so a new query cannot slip past the plan check.
     */
    @Test
    void everyCypherFileTheServiceReadsIsChecked() throws Exception {
        Set<String> checked = new TreeSet<>();
        NAMED_QUERIES.forEach(q -> checked.add("queries/" + q));
        checked.addAll(Set.of(
                "views/met-network",
                "views/timeline-meetings",
                "views/side",
                "extract/known-entities",
                "extract/meetings-on-dates",
                "review/existing-nodes"));
        java.util.regex.Pattern read =
                java.util.regex.Pattern.compile("CypherScript\\.read\\(\"([a-z-]+/[a-z-]+)\\.cypher\"\\)");
        Set<String> readByService = new TreeSet<>();
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("src/main/java"))) {
            for (var file : sources.filter(f -> f.toString().endsWith(".java")).toList()) {
                var m = read.matcher(java.nio.file.Files.readString(file));
                while (m.find()) {
                    readByService.add(m.group(1));
                }
            }
        }
        readByService.removeIf(name -> name.startsWith("loader/") || name.startsWith("export/"));
        assertTrue(readByService.size() > 10, "found " + readByService);
        Set<String> unchecked = new TreeSet<>(readByService);
        unchecked.removeAll(checked);
        assertTrue(unchecked.isEmpty(), "read by the service but never EXPLAINed here: " + unchecked);
        assertTrue(
                readByService.containsAll(
                        NAMED_QUERIES.stream().map(q -> "queries/" + q).toList()),
                "named queries the service no longer reads: " + NAMED_QUERIES);
    }

    /**
     * node-counts and relationship-counts answer each label and type of the schema from the count
     * store through a branch that names it; a label or type without its branch would be counted by
     * a scan of the whole graph.
     */
    @Test
    void everySchemaLabelAndTypeIsCountedFromTheCountStore() {
        Set<String> labels = branches(CypherScript.read("queries/node-counts.cypher"), "label");
        Set<String> expectedLabels = new TreeSet<>(ANY_LABEL_AND_MORE);
        assertEquals(expectedLabels, labels);
        Set<String> types = branches(CypherScript.read("queries/relationship-counts.cypher"), "type");
        Set<String> expectedTypes = new TreeSet<>(KbSchema.RELATIONSHIPS.keySet());
        expectedTypes.addAll(Set.of("MET", "REPORTED_IN", "MENTIONED_IN"));
        assertEquals(expectedTypes, types);
    }

    private static final Set<String> ANY_LABEL_AND_MORE = union(KbSchema.ANY_LABEL, Set.of("Actor", "Source"));

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new TreeSet<>(a);
        u.addAll(b);
        return u;
    }

    private static Set<String> branches(String cypher, String variable) {
        var m = java.util.regex.Pattern.compile(
                        "WITH " + variable + " WHERE " + variable + " = '([A-Za-z_]+)' RETURN COUNT \\{ ([^}]*) \\}")
                .matcher(cypher);
        Set<String> found = new TreeSet<>();
        while (m.find()) {
            assertTrue(m.group(2).contains(":" + m.group(1)), "branch for " + m.group(1) + " counts " + m.group(2));
            found.add(m.group(1));
        }
        return found;
    }

    private static final Set<String> NAMED_QUERIES = Set.of(
            "actor",
            "actor-met",
            "actor-network",
            "actors",
            "claims",
            "meeting",
            "meetings",
            "node-counts",
            "node-total",
            "paths",
            "relationship-counts",
            "search",
            "source",
            "sources",
            "timeline",
            "topic-positions",
            "topics");

    private static final Set<String> LOADER_STATEMENTS = Set.of(
            "delete-source",
            "nodes-by-id",
            "nodes-of-source",
            "snapshot",
            "snapshot-of-new-source",
            "relationships-of-new-source",
            "relationships-by-element-id",
            "delete-orphans",
            "derive-met",
            "labels-of-ids",
            "meeting-status",
            "meetings-of-source",
            "mention",
            "merge-entities",
            "merge-facts",
            "merge-relationships",
            "merge-source",
            "retract-provenance",
            "retract-relationships",
            "unlink-met",
            "write-lock");

    private static Set<String> files(String dir) throws java.io.IOException {
        try (var files = java.nio.file.Files.list(java.nio.file.Path.of(dir))) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".cypher"))
                    .map(n -> n.substring(0, n.length() - ".cypher".length()))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private void check(
            String name,
            String cypher,
            Map<String, Object> parameters,
            boolean labelScanAllowed,
            List<String> problems) {
        Plan plan;
        try (Session session = driver.session()) {
            plan = session.run("EXPLAIN " + cypher, parameters).consume().plan();
        }
        List<String> found = new ArrayList<>();
        walk(plan, labelScanAllowed, ALLOWED.getOrDefault(name.replaceAll("\\[.*$", ""), Set.of()), found);
        if (!found.isEmpty()) {
            problems.add(name + ": " + String.join(", ", found));
        }
    }

    private static void walk(Plan plan, boolean labelScanAllowed, Set<String> allowed, List<String> found) {
        String op = plan.operatorType().replaceAll("@.*$", "");
        if ((FORBIDDEN.contains(op) || (!labelScanAllowed && LABEL_SCANS.contains(op))) && !allowed.contains(op)) {
            found.add(op + " " + plan.identifiers() + " " + plan.arguments().getOrDefault("Details", null));
        }
        plan.children().forEach(child -> walk(child, labelScanAllowed, allowed, found));
    }

    private static String loader(String name) {
        return CypherScript.read("loader/" + name + ".cypher");
    }

    private static Map<String, Object> with(Map<String, Object> base, String key, Object value) {
        Map<String, Object> copy = new HashMap<>(base);
        copy.put(key, value);
        return copy;
    }
}
