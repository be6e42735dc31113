package parley.robustness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import parley.kb.GraphFingerprint;

/**
 * Suite 1: hostile Cypher against {@code POST /api/cypher}. Every case is refused with a 4xx JSON
 * error naming why (or, for a result bomb, cut off at the row cap); afterwards the graph's node and
 * relationship counts and checksum are what they were, and the service answers normally.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileCypherTest extends UnchangedGraphSuite {

    static final Set<String> WRITE = Set.of("write_refused");
    static final Set<String> CSV = Set.of("load_csv_refused");
    /** Refused by the plan check, by Neo4j's query type, or by Neo4j itself outside the system database. */
    static final Set<String> ADMIN = Set.of("admin_refused", "write_refused", "invalid_query");
    /** Refused by the allow-list, by Neo4j's query type, or unknown to Neo4j. */
    static final Set<String> PROCEDURE = Set.of("procedure_refused", "write_refused", "invalid_query");

    static final Set<String> INVALID = Set.of("invalid_query");
    static final Set<String> TIMEOUT = Set.of("query_timeout", "query_too_large", "query_failed");
    /** The answer is 200 but cut off at the row cap, saying so. */
    static final Set<String> TRUNCATED = Set.of("truncated");

    /** One hostile request: what it tries, the query, its parameters, the answers that count as refused. */
    record Case(String name, String query, Map<String, Object> params, Set<String> expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    private final Map<String, String> outcomes = Collections.synchronizedMap(new LinkedHashMap<>());

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(super.getProperties());
        properties.put("parley.cypher.timeout", "2s");
        properties.put("parley.cypher.max-rows", "100");
        properties.put("parley.kb.load-on-start", "true");
        return properties;
    }

    @AfterAll
    void graphUnchangedAndServiceAnswers() {
        StringBuilder table = new StringBuilder("| case | answer |\n|---|---|\n");
        outcomes.forEach((name, outcome) -> table.append("| ")
                .append(name)
                .append(" | ")
                .append(outcome.replace("|", "\\|"))
                .append(" |\n"));
        RobustnessReport.write("hostile-cypher", table.toString());
        assertEquals(before, GraphFingerprint.of(graph), "node and relationship counts and checksum after the suite");
        Http.Answer health = http.get("/health");
        assertEquals(200, health.status(), health.toString());
        Http.Answer read = http.postJson(
                "/api/cypher", Map.of("query", "MATCH (p:Person {id: 'kirill-dmitriev'}) RETURN p.name AS name"));
        assertEquals(200, read.status(), read.toString());
        assertEquals("Kirill Dmitriev", read.json().get("rows").get(0).get(0).asString());
    }

    static Case c(String name, String query, Set<String> expected) {
        return new Case(name, query, Map.of(), expected);
    }

    static Case c(String name, String query, Map<String, Object> params, Set<String> expected) {
        return new Case(name, query, params, expected);
    }

    static Stream<Case> cases() {
        List<Case> cases = new ArrayList<>();
        // Writes in every form.
        cases.add(c("create node", "CREATE (:Person {id: 'intruder'})", WRITE));
        cases.add(c("create relationship", "MATCH (a:Person), (b:Person) CREATE (a)-[:MET]->(b)", WRITE));
        cases.add(c("merge node", "MERGE (n:Person {id: 'intruder'}) RETURN n", WRITE));
        cases.add(c(
                "merge relationship",
                "MATCH (a:Person {id: 'steve-witkoff'}), (b:Person {id: 'vladimir-putin'}) MERGE (a)-[:ADVISES]->(b)",
                WRITE));
        cases.add(c("set property", "MATCH (n:Person) SET n.name = 'x'", WRITE));
        cases.add(c("set label", "MATCH (n:Person) SET n:Intruder", WRITE));
        cases.add(c("set map +=", "MATCH (n:Person) SET n += {hacked: true}", WRITE));
        cases.add(c("set map =", "MATCH (n:Source) SET n = {}", WRITE));
        cases.add(c("set dynamic label", "MATCH (n:Person) SET n:$($l)", Map.of("l", "Intruder"), WRITE));
        cases.add(c("delete relationships", "MATCH ()-[r:MET]->() DELETE r", WRITE));
        cases.add(c("delete node", "MATCH (n:Topic) DELETE n", WRITE));
        cases.add(c("detach delete all", "MATCH (n) DETACH DELETE n", WRITE));
        cases.add(c("remove property", "MATCH (n:Person) REMOVE n.name", WRITE));
        cases.add(c("remove label", "MATCH (n:Person) REMOVE n:Actor", WRITE));
        cases.add(c("foreach create", "FOREACH (i IN range(1, 3) | CREATE (:Intruder {i: i}))", WRITE));
        cases.add(c(
                "foreach set",
                "MATCH (n:Person) WITH collect(n) AS ns FOREACH (n IN ns | SET n.hacked = true)",
                WRITE));
        cases.add(c(
                "conditional foreach",
                "FOREACH (x IN CASE WHEN true THEN [1] ELSE [] END | CREATE (:Intruder))",
                WRITE));
        cases.add(c("write in CALL {}", "CALL () { CREATE (:Intruder) } RETURN 1 AS one", WRITE));
        cases.add(c(
                "merge in correlated CALL {}",
                "MATCH (n:Person) CALL (n) { MERGE (n)-[:MET]->(:Person {id: 'ghost'}) } RETURN count(*)",
                WRITE));
        cases.add(c(
                "delete in CALL {} IN TRANSACTIONS",
                "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10 ROWS",
                Set.of("write_refused", "invalid_query")));
        cases.add(c(
                "create in CALL {} IN TRANSACTIONS",
                "UNWIND range(1, 5) AS i CALL (i) { CREATE (:Intruder {i: i}) } IN TRANSACTIONS",
                Set.of("write_refused", "invalid_query")));
        cases.add(c(
                "write in UNION",
                "MATCH (n:Person) RETURN n.id AS x UNION CREATE (m:Intruder {id: 'u'}) RETURN m.id AS x",
                WRITE));
        cases.add(c(
                "write in UNION ALL", "RETURN 1 AS x UNION ALL MATCH (n:Topic) DETACH DELETE n RETURN 2 AS x", WRITE));
        cases.add(c(
                "write after allowed procedure",
                "CALL db.index.fulltext.queryNodes('search', 'Putin') YIELD node SET node.hacked = true RETURN node",
                WRITE));
        cases.add(c(
                "write after optional match",
                "OPTIONAL MATCH (n:Person {id: 'nobody'}) MERGE (m:Intruder) RETURN m",
                WRITE));
        // LOAD CSV: files and the network.
        cases.add(c("load csv file", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line", CSV));
        cases.add(c("load csv http", "LOAD CSV WITH HEADERS FROM 'http://127.0.0.1:1/x.csv' AS row RETURN row", CSV));
        cases.add(c("load csv computed url", "LOAD CSV FROM 'file:' + '///etc/' + 'passwd' AS line RETURN line", CSV));
        cases.add(c(
                "load csv url parameter",
                "LOAD CSV FROM $url AS line RETURN line",
                Map.of("url", "file:///etc/hostname"),
                CSV));
        cases.add(c(
                "load csv and write",
                "LOAD CSV FROM 'http://127.0.0.1:1/x.csv' AS line CREATE (:Intruder {l: line})",
                Set.of("load_csv_refused", "write_refused")));
        cases.add(c("load csv lower case", "load csv from 'file:///etc/shadow' as l return l", CSV));
        // Procedures: writing, administrative, unlisted.
        cases.add(c("create label procedure", "CALL db.createLabel('Intruder')", PROCEDURE));
        cases.add(c("create property procedure", "CALL db.createProperty('intruder')", PROCEDURE));
        cases.add(c("create relationship type procedure", "CALL db.createRelationshipType('INTRUDES')", PROCEDURE));
        cases.add(c("list config", "CALL dbms.listConfig() YIELD name RETURN name", PROCEDURE));
        cases.add(c(
                "set config",
                "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
                Set.of("procedure_refused", "write_refused", "invalid_query")));
        cases.add(c("clear query caches", "CALL db.clearQueryCaches()", PROCEDURE));
        cases.add(c("checkpoint", "CALL db.checkpoint()", PROCEDURE));
        cases.add(c("await indexes", "CALL db.awaitIndexes(10)", PROCEDURE));
        cases.add(c("tx metadata", "CALL tx.setMetaData({who: 'intruder'})", PROCEDURE));
        cases.add(c(
                "removed user procedure",
                "CALL dbms.security.createUser('eve', 'password123', false)",
                Set.of("procedure_refused", "invalid_query", "write_refused")));
        cases.add(c(
                "unknown apoc procedure",
                "CALL apoc.load.json('file:///etc/passwd')",
                Set.of("procedure_refused", "invalid_query")));
        // Users, roles, databases, indexes, constraints.
        cases.add(c("show users", "SHOW USERS", ADMIN));
        cases.add(c("create user", "CREATE USER eve SET PASSWORD 'password123' CHANGE NOT REQUIRED", ADMIN));
        cases.add(c("alter user", "ALTER USER neo4j SET PASSWORD 'password123'", ADMIN));
        cases.add(c("drop user", "DROP USER neo4j", ADMIN));
        cases.add(c("show roles", "SHOW ROLES", ADMIN));
        cases.add(c("create role", "CREATE ROLE intruder", ADMIN));
        cases.add(c("grant role", "GRANT ROLE admin TO eve", ADMIN));
        cases.add(c("show privileges", "SHOW PRIVILEGES", ADMIN));
        cases.add(c("show databases", "SHOW DATABASES", ADMIN));
        cases.add(c("create database", "CREATE DATABASE intruder", ADMIN));
        cases.add(c("drop database", "DROP DATABASE neo4j", ADMIN));
        cases.add(c("alter database", "ALTER DATABASE neo4j SET ACCESS READ ONLY", ADMIN));
        cases.add(c("stop database", "STOP DATABASE neo4j", ADMIN));
        cases.add(c("create alias", "CREATE ALIAS intruder FOR DATABASE neo4j", ADMIN));
        cases.add(c("show indexes", "SHOW INDEXES", ADMIN));
        cases.add(c("create index", "CREATE INDEX intruder FOR (n:Person) ON (n.name)", ADMIN));
        cases.add(c("drop index", "DROP INDEX search", ADMIN));
        cases.add(c("show constraints", "SHOW CONSTRAINTS", ADMIN));
        cases.add(c("create constraint", "CREATE CONSTRAINT intruder FOR (n:Intruder) REQUIRE n.id IS UNIQUE", ADMIN));
        cases.add(c("drop constraint", "DROP CONSTRAINT person_id", ADMIN));
        cases.add(c("show procedures", "SHOW PROCEDURES", ADMIN));
        cases.add(c("show settings", "SHOW SETTINGS", ADMIN));
        cases.add(c("show transactions", "SHOW TRANSACTIONS", ADMIN));
        cases.add(c("terminate transactions", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", ADMIN));
        cases.add(c("show then yield", "SHOW USERS YIELD user RETURN user", ADMIN));
        // Several statements in one body.
        cases.add(c("read then write", "RETURN 1; CREATE (:Intruder)", INVALID));
        cases.add(c("read then delete", "MATCH (n) RETURN count(n); MATCH (n) DETACH DELETE n", INVALID));
        cases.add(c("read then drop", "RETURN 1;\nDROP CONSTRAINT person_id;", INVALID));
        // Keywords behind comments, odd case, look-alikes, backticks.
        cases.add(c("write behind a block comment", "/* MATCH (n) RETURN n */ CREATE (:Intruder)", WRITE));
        cases.add(c("write split by comments", "MATCH (n:Topic) /* read */ DETACH /* only */ DELETE n", WRITE));
        cases.add(c("write after a line comment", "// just a read\nMATCH (n:Person) SET n.hacked = true", WRITE));
        cases.add(c("comment hides the semicolon", "RETURN 1 /* ; */ ; CREATE (:Intruder)", INVALID));
        cases.add(c("odd case create", "cReAtE (:Intruder)", WRITE));
        cases.add(c("odd case detach delete", "mAtCh (n) dEtAcH dElEtE n", WRITE));
        cases.add(c("odd case load csv", "LoAd CsV fRoM 'file:///etc/passwd' As l ReTuRn l", CSV));
        cases.add(c("cyrillic look-alike CREATE", "\u0421REATE (:Intruder)", INVALID));
        cases.add(c("cyrillic look-alike SET", "MATCH (n:Person) \u0405ET n.x = 1", INVALID));
        cases.add(c("full-width CREATE", "\uFF23\uFF32\uFF25\uFF21\uFF34\uFF25 (:Intruder)", INVALID));
        cases.add(c("zero-width space in keyword", "CRE\u200BATE (:Intruder)", INVALID));
        cases.add(c("backticked label", "CREATE (:`Person` {id: 'intruder'})", WRITE));
        cases.add(c("backticked property", "MATCH (n:Person) SET n.`name` = 'x'", WRITE));
        cases.add(c("backticked procedure", "CALL `db`.`createLabel`('Intruder')", PROCEDURE));
        cases.add(c(
                "backticked whole procedure name",
                "CALL `db.createLabel`('Intruder')",
                Set.of("procedure_refused", "write_refused", "invalid_query")));
        // Pre-parser options and query prefixes.
        cases.add(c("EXPLAIN prefix", "EXPLAIN CREATE (:Intruder)", Set.of("invalid_query", "write_refused")));
        cases.add(c("PROFILE prefix", "PROFILE CREATE (:Intruder)", Set.of("invalid_query", "write_refused")));
        cases.add(c(
                "runtime option",
                "CYPHER runtime=slotted CREATE (:Intruder)",
                Set.of("invalid_query", "write_refused")));
        cases.add(c("language version", "CYPHER 5 CREATE (:Intruder)", Set.of("invalid_query", "write_refused")));
        // Other databases.
        cases.add(c("USE system", "USE system SHOW USERS", Set.of("invalid_query", "admin_refused", "write_refused")));
        cases.add(c("USE system read", "USE system MATCH (n) RETURN n", Set.of("invalid_query", "admin_refused")));
        cases.add(c(
                "USE another database write",
                "USE intruder CREATE (:Intruder)",
                Set.of("invalid_query", "write_refused")));
        cases.add(c(
                "USE in a subquery",
                "CALL () { USE system SHOW USERS YIELD user RETURN user } RETURN user",
                Set.of("invalid_query", "admin_refused", "write_refused")));
        // Huge parameters and queries.
        cases.add(c(
                "2-million-element list parameter",
                "UNWIND $xs AS x RETURN x",
                Map.of("xs", Collections.nCopies(2_000_000, 1)),
                Set.of("parameters_too_large")));
        cases.add(c(
                "cross product of a large list",
                "UNWIND $xs AS a UNWIND $xs AS b RETURN count(*)",
                Map.of("xs", Collections.nCopies(90_000, 1)),
                TIMEOUT));
        cases.add(c(
                "5-million-character string parameter",
                "RETURN size($s) AS n",
                Map.of("s", "x".repeat(5_000_000)),
                Set.of("parameters_too_large")));
        cases.add(c("query over the length limit", "RETURN 1 AS x" + " ".repeat(20_000) + "// padding", INVALID));
        // Bombs.
        cases.add(c(
                "cartesian product bomb",
                "MATCH (a), (b), (c), (d), (e) WHERE a.id + b.id + c.id + d.id + e.id = 'x' RETURN count(*)",
                TIMEOUT));
        cases.add(c("cartesian product rows", "MATCH (a), (b), (c), (d), (e) RETURN a, b, c, d, e", TRUNCATED));
        cases.add(c("variable-length path bomb", "MATCH p = (a)-[*]-(b) RETURN count(p)", TIMEOUT));
        cases.add(c(
                "variable-length path rows",
                "MATCH p = (a)-[*1..12]-(b) RETURN p",
                Set.of("truncated", "query_timeout")));
        cases.add(c("quantified path bomb", "MATCH p = (a)(()--()){1,20}(b) RETURN count(p)", TIMEOUT));
        cases.add(c("range bomb", "UNWIND range(1, 1000000000000) AS x WITH x WHERE x < 0 RETURN x", TIMEOUT));
        cases.add(c("collect bomb", "UNWIND range(1, 2000000000) AS x RETURN size(collect(x)) AS n", TIMEOUT));
        cases.add(c(
                "string doubling bomb",
                "RETURN size(reduce(s = 'xxxxxxxx', i IN range(1, 40) | s + s)) AS n",
                TIMEOUT));
        cases.add(c(
                "list doubling bomb",
                "UNWIND reduce(l = [1], i IN range(1, 40) | l + l) AS x RETURN count(x) AS n",
                TIMEOUT));
        cases.add(c(
                "shortest path all pairs",
                "MATCH (a), (b) MATCH p = allShortestPaths((a)-[*]-(b)) RETURN count(p)",
                TIMEOUT));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAndChangesNothing(Case hostile) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", hostile.query());
        body.put("params", hostile.params());
        Http.Answer answer = http.postJson("/api/cypher", body);
        String outcome;
        if (answer.status() == 200) {
            assertTrue(hostile.expected().contains("truncated"), hostile + " was answered: " + answer);
            assertTrue(answer.json().get("truncated").asBoolean(), hostile + " must be cut off: " + answer);
            outcome = "200 truncated at " + answer.json().get("rows").size() + " rows";
        } else {
            assertTrue(answer.status() >= 400 && answer.status() < 500, hostile + ": " + answer);
            String error = answer.error();
            assertTrue(
                    hostile.expected().contains(error),
                    hostile + ": expected " + hostile.expected() + ", got " + answer);
            String message = answer.json().get("message").asString();
            assertFalse(message.isBlank(), answer.toString());
            assertEquals(answer.status(), answer.json().get("status").asInt());
            outcome = answer.status() + " " + error + ": "
                    + Http.abbreviate(message).replace('\n', ' ');
        }
        outcomes.put(hostile.name(), outcome);
        assertEquals(200, http.get("/health").status(), "the service still answers after " + hostile);
    }

    @Test
    void atLeastSixtyCases() {
        assertTrue(cases().count() >= 60, "cases: " + cases().count());
    }

    @Test
    void aBodyOverTheSizeLimitIs413() {
        byte[] big = ("{\"query\": \"RETURN 1\", \"params\": {\"s\": \"" + "x".repeat(11 * 1024 * 1024) + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
        Http.Answer answer = http.post("/api/cypher", big, Map.of("Content-Type", "application/json"));
        assertEquals(413, answer.status(), answer.toString());
        assertEquals(413, answer.json().get("status").asInt());
    }
}
