package parley.cypher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The scan that bounds expression depth before a query reaches Neo4j. */
class QueryShapeTest {

    private static final int LIMIT = 64;

    @Test
    void everyQueryOfTheServiceIsWellWithinTheLimit() throws IOException {
        for (String folder : List.of("cypher/queries", "cypher/loader")) {
            try (var files = Files.list(Path.of(folder))) {
                for (Path file :
                        files.filter(f -> f.toString().endsWith(".cypher")).toList()) {
                    int depth = QueryShape.of(Files.readString(file)).depth();
                    assertTrue(depth <= LIMIT / 2, file + " has depth " + depth);
                }
            }
        }
    }

    @Test
    void aChainOfOperatorsIsAsDeepAsItIsLong() {
        assertEquals(
                200,
                QueryShape.of("RETURN " + String.join("+", Collections.nCopies(200, "1")))
                        .depth());
        assertEquals(
                300,
                QueryShape.of("RETURN " + String.join(" AND ", Collections.nCopies(300, "true")))
                        .depth());
        assertEquals(201, QueryShape.of("RETURN " + "NOT ".repeat(200) + "true").depth());
    }

    @Test
    void nestingCountsEachLevelAndItsOperators() {
        assertEquals(
                401,
                QueryShape.of("RETURN " + "[".repeat(200) + "1" + "]".repeat(200))
                        .depth());
        String nestedCase = "1";
        for (int i = 0; i < 100; i++) {
            nestedCase = "CASE WHEN x = 1 THEN " + nestedCase + " ELSE 0 END";
        }
        assertTrue(QueryShape.of("RETURN " + nestedCase).depth() > 200);
    }

    @Test
    void commasAndClausesStartNewExpressions() {
        String many = "RETURN " + String.join(", ", Collections.nCopies(500, "a + b"));
        assertEquals(2, QueryShape.of(many).depth());
        String clauses = "MATCH (a)-[:R]->(b) WHERE a.x = 1 AND b.y = 2 WITH a, b RETURN a.x + b.y AS s";
        assertTrue(
                QueryShape.of(clauses).depth() < 12,
                "depth " + QueryShape.of(clauses).depth());
    }

    @Test
    void stringsCommentsAndQuotedNamesAreNotCypher() {
        String hidden = "RETURN '" + "+".repeat(500) + "' AS s // " + "(".repeat(500) + "\n, `" + "[".repeat(500)
                + "` /* " + "NOT ".repeat(500) + " */";
        QueryShape.Shape shape = QueryShape.of(hidden);
        assertTrue(shape.depth() < 5, "depth " + shape.depth());
        assertEquals(500, shape.longestString());
        // As written, escapes included.
        assertEquals(5, QueryShape.of("RETURN \"a\\\"bc\" AS s").longestString());
        assertEquals(1, QueryShape.of("RETURN 1.5 AS n").depth());
    }

    @Test
    void anUnclosedStringOrCommentEndsTheScanWithoutFailing() {
        assertEquals(10, QueryShape.of("RETURN '0123456789").longestString());
        assertEquals(1, QueryShape.of("RETURN 1 /* never closed").depth());
        assertEquals(7, QueryShape.of("RETURN ))) (((").depth());
    }

    @Test
    void classNamesAreTakenOutOfDatabaseMessages() {
        assertEquals(
                "Failed to invoke procedure `db.index.fulltext.queryNodes`: maxClauseCount is set to 1024",
                CypherRunner.clean("Failed to invoke procedure `db.index.fulltext.queryNodes`: Caused by:"
                        + " org.apache.lucene.search.IndexSearcher$TooManyClauses: maxClauseCount is set to 1024"));
        assertEquals("no reason given", CypherRunner.clean("java.lang.StackOverflowError"));
        assertEquals("Invalid UUID string: x", CypherRunner.clean("Invalid UUID string: x"));
    }
}
