package parley.neo4j;

import io.micronaut.context.annotation.Context;
import java.util.List;
import org.neo4j.driver.TransactionContext;
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
        int statements = graph.writeTransaction(SchemaInitializer::create);
        graph.writeTransaction(SchemaInitializer::awaitIndexes);
        readiness.done("schema");
        LOG.info("Schema applied: {} constraint and index statements", statements);
        return statements;
    }

    /**
     * Runs every statement of {@code cypher/schema.cypher} in one transaction; returns how many.
     * The service at start and {@code parley import} after Neo4j's importer both apply it so.
     */
    public static int create(TransactionContext tx) {
        List<String> statements = CypherScript.statements(CypherScript.read("schema.cypher"));
        for (String statement : statements) {
            tx.run(statement).consume();
        }
        return statements.size();
    }

    /** Waits (at most 300 s) until every index is online. */
    public static Void awaitIndexes(TransactionContext tx) {
        tx.run("CALL db.awaitIndexes(300)").consume();
        return null;
    }
}
