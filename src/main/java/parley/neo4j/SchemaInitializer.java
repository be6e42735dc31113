package parley.neo4j;

import io.micronaut.context.annotation.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code cypher/schema.cypher} at start. Every statement there is {@code IF NOT EXISTS},
 * so applying it again changes nothing. All of them run in one transaction, which holds only
 * schema changes (Neo4j does not mix them with data changes): a commit per statement cost about
 * 0.2 s each on a cold start.
 */
@Context
public final class SchemaInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(SchemaInitializer.class);

    private final Graph graph;

    SchemaInitializer(Graph graph) {
        this.graph = graph;
        apply();
    }

    /** Applies the schema; returns how many statements ran. */
    public int apply() {
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        graph.writeTransaction(tx -> {
            for (String statement : statements) {
                tx.run(statement).consume();
            }
            return statements.size();
        });
        graph.writeTransaction(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        LOG.info("Schema applied: {} constraint and index statements", statements.size());
        return statements.size();
    }
}
