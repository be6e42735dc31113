package parley.neo4j;

import io.micronaut.context.annotation.Context;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import parley.health.Readiness;

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
    private final Readiness readiness;

    SchemaInitializer(Graph graph, Readiness readiness) {
        this.graph = graph;
        this.readiness = readiness;
        apply();
    }

    /** Applies the schema; returns how many statements ran. */
    public int apply() {
        readiness.pending("schema", "the schema is being applied");
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        graph.writeTransaction(tx -> {
            for (String statement : statements) {
                tx.run(statement).consume();
            }
            return statements.size();
        });
        graph.writeTransaction(tx -> tx.run("CALL db.awaitIndexes(300)").consume());
        readiness.done("schema");
        LOG.info("Schema applied: {} constraint and index statements", statements.size());
        return statements.size();
    }
}
