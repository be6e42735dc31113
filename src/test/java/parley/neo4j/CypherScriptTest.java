package parley.neo4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CypherScriptTest {

    @Test
    void splitsOnSemicolonsOutsideStringsCommentsAndQuotedNames() {
        String script = """
                // a comment; with a semicolon
                CREATE (:A {text: 'x;y'});
                /* block; comment */ MATCH (n:`we;ird`) RETURN n;
                RETURN "double;quoted" AS s
                """;
        List<String> statements = CypherScript.statements(script);
        assertEquals(3, statements.size(), statements.toString());
        assertTrue(statements.get(0).endsWith("CREATE (:A {text: 'x;y'})"), statements.get(0));
        assertTrue(statements.get(1).endsWith("MATCH (n:`we;ird`) RETURN n"), statements.get(1));
        assertEquals("RETURN \"double;quoted\" AS s", statements.get(2));
    }

    @Test
    void dropsChunksThatHoldOnlyCommentsOrWhitespace() {
        assertEquals(List.of("RETURN 1"), CypherScript.statements("// header\n;\n  ;RETURN 1;\n// trailing comment\n"));
    }

    @Test
    void escapedQuotesDoNotEndAString() {
        List<String> statements = CypherScript.statements("RETURN 'it\\'s; fine' AS a; RETURN 2");
        assertEquals(List.of("RETURN 'it\\'s; fine' AS a", "RETURN 2"), statements);
    }

    @Test
    void theSchemaFileSplitsIntoItsStatementsWithoutTheByteOrderMarkOrComments() {
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        assertTrue(statements.size() >= 20, "statements: " + statements.size());
        assertTrue(statements.getFirst().startsWith("// parley graph schema"), statements.getFirst());
        assertTrue(statements.stream().allMatch(s -> s.contains("IF NOT EXISTS")), "every statement is idempotent");
    }
}
